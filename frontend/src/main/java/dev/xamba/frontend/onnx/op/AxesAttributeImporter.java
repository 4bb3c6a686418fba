package dev.xamba.frontend.onnx.op;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Older forms of ops whose {@code axes} became an input: ReduceSum before opset 13, the other reductions
 * before 18, Squeeze and Unsqueeze before 13. The attribute becomes a constant i64 input, giving the
 * opset-18 form; without the attribute the input is left out (reduce all axes, squeeze all unit dims).
 */
final class AxesAttributeImporter implements OpImporter {
    private final boolean required;

    /** {@code required}: the op has no meaning without axes (Unsqueeze). */
    AxesAttributeImporter(boolean required) { this.required = required; }

    @Override public List<Value> importNode(NodeContext node) {
        Map<String, Attribute> attrs = node.attributes();
        long[] axes = AttrValues.ints(node, attrs, "axes");
        attrs.remove("axes");
        List<Value> operands = new ArrayList<>(node.presentInputs());
        if (operands.size() != 1) throw node.error("expects 1 input at opset " + node.opsetVersion() + ", got " + operands.size());
        if (axes != null) operands.add(node.constant(ConstTensors.i64Vector(axes)));
        else if (required) throw node.error("requires attribute 'axes'");
        return node.create(node.onnxOpName(), operands, attrs);
    }
}
