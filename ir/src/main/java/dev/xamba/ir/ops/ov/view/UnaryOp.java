package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/** One-input elementwise activations and math: {@code ov.ReLU, SoftPlus, Sigmoid, Exp, Tanh, Log, ...}. */
public final class UnaryOp extends OpView {
    public static final OpViewKind<UnaryOp> RELU = OpViewKind.of(UnaryOp::new, "ov.ReLU");
    public static final OpViewKind<UnaryOp> SOFTPLUS = OpViewKind.of(UnaryOp::new, "ov.SoftPlus");
    public static final OpViewKind<UnaryOp> SIGMOID = OpViewKind.of(UnaryOp::new, "ov.Sigmoid");
    public static final OpViewKind<UnaryOp> EXP = OpViewKind.of(UnaryOp::new, "ov.Exp");
    public static final OpViewKind<UnaryOp> TANH = OpViewKind.of(UnaryOp::new, "ov.Tanh");
    public static final OpViewKind<UnaryOp> LOG = OpViewKind.of(UnaryOp::new, "ov.Log");
    public static final OpViewKind<UnaryOp> SQRT = OpViewKind.of(UnaryOp::new, "ov.Sqrt");
    public static final OpViewKind<UnaryOp> NEGATIVE = OpViewKind.of(UnaryOp::new, "ov.Negative");
    public static final OpViewKind<UnaryOp> ABS = OpViewKind.of(UnaryOp::new, "ov.Abs");
    public static final OpViewKind<UnaryOp> ANY = RELU.or(SOFTPLUS).or(SIGMOID).or(EXP).or(TANH).or(LOG).or(SQRT)
            .or(NEGATIVE).or(ABS);

    private UnaryOp(Operation op) { super(op); }

    public Value input() { return operand(0); }
}
