package dev.xamba.ir.ops;

import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;
import java.util.Optional;

/**
 * What an op definition sees when it infers result types or evaluates: operand types, operand values where
 * known, and attributes with declared defaults applied.
 */
public interface OpContext {
    int numOperands();

    TensorType operandType(int i);

    /** The operand's value if it is a constant (always present during evaluation). */
    Optional<Tensor> constantOperand(int i);

    /** The attribute, or its declared default, or null. */
    Attribute attr(String name);

    /** The constant operand, or an error naming it as required. */
    default Tensor requireConstant(int i, String what) {
        return constantOperand(i).orElseThrow(() -> new OpError(what + " (operand #" + i + ") must be a constant"));
    }

    default boolean boolAttr(String name) {
        return attr(name) instanceof BoolAttr b && b.value();
    }

    default long intAttr(String name) {
        if (attr(name) instanceof IntegerAttr i) return i.value();
        throw new OpError("attribute '" + name + "' must be an integer");
    }

    default double floatAttr(String name) {
        Attribute a = attr(name);
        if (a instanceof FloatAttr f) return f.value();
        if (a instanceof IntegerAttr i) return i.value();
        throw new OpError("attribute '" + name + "' must be a float");
    }

    default String stringAttr(String name) {
        if (attr(name) instanceof StringAttr s) return s.value();
        throw new OpError("attribute '" + name + "' must be a string");
    }

    default long[] intArrayAttr(String name) {
        if (!(attr(name) instanceof ArrayAttr a)) throw new OpError("attribute '" + name + "' must be an array");
        long[] r = new long[a.elements().size()];
        for (int i = 0; i < r.length; i++) {
            if (!(a.elements().get(i) instanceof IntegerAttr n)) throw new OpError("attribute '" + name + "' must hold integers");
            r[i] = n.value();
        }
        return r;
    }
}
