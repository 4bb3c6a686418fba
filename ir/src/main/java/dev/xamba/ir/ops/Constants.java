package dev.xamba.ir.ops;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.eval.Tensor;
import java.util.Optional;

/** Reading constant values out of the graph. */
public final class Constants {
    private Constants() {}

    public static boolean isConstant(Operation op) {
        return op.definition().map(d -> d.has(Trait.CONSTANT_LIKE)).orElse(false);
    }

    /** The value of a constant-like op's result, else empty. */
    public static Optional<Tensor> valueOf(Value v) {
        Operation def = v.definingOp();
        if (def == null || !isConstant(def)) return Optional.empty();
        // A constant whose value does not have its declared type is invalid (the verifier says so at the
        // constant); its users must not read the value as if it had the declared shape.
        return valueOf(def.attr("value")).filter(t -> t.type().equals(v.type()));
    }

    public static Optional<Tensor> valueOf(Attribute a) {
        if (a instanceof DenseElementsAttr d) return Optional.of(d.value());
        if (a instanceof DenseResourceAttr r && r.handle().isBound()) return Optional.of(r.value());
        return Optional.empty();
    }
}
