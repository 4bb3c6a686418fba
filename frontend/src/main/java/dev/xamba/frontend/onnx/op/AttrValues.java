package dev.xamba.frontend.onnx.op;

import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import java.util.Map;

/** Reading ONNX attributes (already converted to IR attributes) inside importers. */
final class AttrValues {
    private AttrValues() {}

    /** The INTS attribute {@code name}, or null when absent; an error when it has another type. */
    static long[] ints(NodeContext node, Map<String, Attribute> attrs, String name) {
        Attribute a = attrs.get(name);
        if (a == null) return null;
        if (!(a instanceof ArrayAttr arr)) throw node.error("attribute '" + name + "' must be a list of integers");
        long[] r = new long[arr.elements().size()];
        for (int i = 0; i < r.length; i++) {
            if (!(arr.elements().get(i) instanceof IntegerAttr n)) throw node.error("attribute '" + name + "' must be a list of integers");
            r[i] = n.value();
        }
        return r;
    }

    /** The FLOAT attribute {@code name}, or null when absent. */
    static Double floatValue(NodeContext node, Map<String, Attribute> attrs, String name) {
        Attribute a = attrs.get(name);
        if (a == null) return null;
        if (a instanceof FloatAttr f) return f.value();
        if (a instanceof IntegerAttr i) return (double) i.value();
        throw node.error("attribute '" + name + "' must be a float");
    }
}
