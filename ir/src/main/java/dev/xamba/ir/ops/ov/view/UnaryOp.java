package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import java.util.function.Function;

/** One-input elementwise activations and math: {@code ov.ReLU, SoftPlus, Sigmoid, Exp, Tanh, Log, ...}. */
public final class UnaryOp extends OpView {
    // One constructor reference for all the kinds: each lambda costs about 0.16 ms to link at start-up.
    private static final Function<Operation, UnaryOp> VIEW = UnaryOp::new;

    public static final OpViewKind<UnaryOp> RELU = OpViewKind.of(VIEW, "ov.ReLU");
    public static final OpViewKind<UnaryOp> SOFTPLUS = OpViewKind.of(VIEW, "ov.SoftPlus");
    public static final OpViewKind<UnaryOp> SIGMOID = OpViewKind.of(VIEW, "ov.Sigmoid");
    public static final OpViewKind<UnaryOp> EXP = OpViewKind.of(VIEW, "ov.Exp");
    public static final OpViewKind<UnaryOp> TANH = OpViewKind.of(VIEW, "ov.Tanh");
    public static final OpViewKind<UnaryOp> LOG = OpViewKind.of(VIEW, "ov.Log");
    public static final OpViewKind<UnaryOp> SQRT = OpViewKind.of(VIEW, "ov.Sqrt");
    public static final OpViewKind<UnaryOp> NEGATIVE = OpViewKind.of(VIEW, "ov.Negative");
    public static final OpViewKind<UnaryOp> ABS = OpViewKind.of(VIEW, "ov.Abs");
    public static final OpViewKind<UnaryOp> ANY = RELU.or(SOFTPLUS).or(SIGMOID).or(EXP).or(TANH).or(LOG).or(SQRT)
            .or(NEGATIVE).or(ABS);

    private UnaryOp(Operation op) { super(op); }

    public Value input() { return operand(0); }
}
