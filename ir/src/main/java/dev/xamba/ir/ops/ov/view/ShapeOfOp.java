package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import dev.xamba.ir.type.TensorType;
import java.util.Optional;

/** {@code ov.ShapeOf(x)}: the shape of x as a 1-D integer tensor. */
public final class ShapeOfOp extends OpView {
    public static final OpViewKind<ShapeOfOp> KIND = OpViewKind.of(ShapeOfOp::new, "ov.ShapeOf");

    private ShapeOfOp(Operation op) { super(op); }

    public Value input() { return operand(0); }

    /** {@code i64} (the default) or {@code i32}. */
    public String outputType() { return stringAttr("output_type"); }

    /** The shape it computes, when the input's shape is static (the op is then a constant). */
    public Optional<long[]> staticShape() {
        TensorType t = input().tensorType();
        return t.hasStaticShape() ? Optional.of(t.shape()) : Optional.empty();
    }
}
