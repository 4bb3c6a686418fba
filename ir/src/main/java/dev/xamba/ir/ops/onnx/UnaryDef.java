package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Activations;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/** One-input elementwise ONNX ops; the result has the operand's type. */
final class UnaryDef extends OpDefinition {
    /** Which element types an op accepts. */
    enum Accepts { FLOAT, NUMERIC, BOOL, ANY }

    enum Kind {
        IDENTITY("Identity", Accepts.ANY),
        NEG("Neg", Accepts.NUMERIC),
        ABS("Abs", Accepts.NUMERIC),
        RELU("Relu", Accepts.NUMERIC),
        NOT("Not", Accepts.BOOL),
        SQRT("Sqrt", Accepts.FLOAT),
        EXP("Exp", Accepts.FLOAT),
        LOG("Log", Accepts.FLOAT),
        TANH("Tanh", Accepts.FLOAT),
        FLOOR("Floor", Accepts.FLOAT),
        CEIL("Ceil", Accepts.FLOAT),
        RECIPROCAL("Reciprocal", Accepts.FLOAT),
        SIGMOID("Sigmoid", Accepts.FLOAT),
        SOFTPLUS("Softplus", Accepts.FLOAT);

        final String opType;
        final Accepts accepts;

        Kind(String opType, Accepts accepts) {
            this.opType = opType;
            this.accepts = accepts;
        }

        // The arithmetic is a switch over lambdas rather than constructor arguments: linking a lambda costs about
        // 0.16 ms before the JIT has compiled anything, so a compile pays only for the kinds it folds (README,
        // "Compile speed").
        DoubleUnaryOperator f() {
            return switch (this) {
                case IDENTITY -> x -> x;
                case NEG -> x -> -x;
                case ABS -> Math::abs;
                case RELU -> x -> Double.isNaN(x) ? x : Math.max(x, 0.0);
                case NOT -> x -> x == 0 ? 1 : 0;
                case SQRT -> Math::sqrt;
                case EXP -> Math::exp;
                case LOG -> Math::log;
                case TANH -> Math::tanh;
                case FLOOR -> Math::floor;
                case CEIL -> Math::ceil;
                case RECIPROCAL -> x -> 1.0 / x;
                case SIGMOID -> Activations::sigmoid;
                case SOFTPLUS -> Activations::softplus;
            };
        }

        /** The arithmetic on integers and booleans; float-only kinds fail (their operands were checked). */
        LongUnaryOperator g() {
            return switch (this) {
                case IDENTITY -> x -> x;
                case NEG -> x -> -x;
                case ABS -> Math::abs;
                case RELU -> x -> Math.max(x, 0);
                case NOT -> x -> x == 0 ? 1 : 0;
                default -> x -> {
                    throw new IllegalStateException("float-only op applied to integers");
                };
            };
        }
    }

    private final Kind kind;

    UnaryDef(Kind kind) {
        super("onnx." + kind.opType, "elementwise " + kind.opType, 1, 1, List.of(), Trait.PURE);
        this.kind = kind;
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        switch (kind.accepts) {
            case FLOAT -> OnnxOperands.requireFloat(ctx, 0);
            case NUMERIC -> OnnxOperands.requireNumeric(ctx, 0);
            case BOOL -> OnnxOperands.requireBool(ctx, 0, "input");
            case ANY -> { }
        }
        return List.of(ctx.operandType(0));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Tensor x = ctx.constantOperand(0).orElseThrow();
        if (kind == Kind.IDENTITY) return List.of(x);
        if (kind == Kind.NOT) return List.of(Elementwise.not(x, inferResultTypes(ctx).get(0)));
        return List.of(Elementwise.map(x, inferResultTypes(ctx).get(0), kind.f(), kind.g()));
    }
}
