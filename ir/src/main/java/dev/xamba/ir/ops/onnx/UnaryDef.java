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

    private static final LongUnaryOperator FLOAT_ONLY = x -> {
        throw new IllegalStateException("float-only op applied to integers");
    };

    enum Kind {
        IDENTITY("Identity", Accepts.ANY, x -> x, x -> x),
        NEG("Neg", Accepts.NUMERIC, x -> -x, x -> -x),
        ABS("Abs", Accepts.NUMERIC, Math::abs, Math::abs),
        RELU("Relu", Accepts.NUMERIC, x -> Double.isNaN(x) ? x : Math.max(x, 0.0), x -> Math.max(x, 0)),
        NOT("Not", Accepts.BOOL, x -> x == 0 ? 1 : 0, x -> x == 0 ? 1 : 0),
        SQRT("Sqrt", Accepts.FLOAT, Math::sqrt, FLOAT_ONLY),
        EXP("Exp", Accepts.FLOAT, Math::exp, FLOAT_ONLY),
        LOG("Log", Accepts.FLOAT, Math::log, FLOAT_ONLY),
        TANH("Tanh", Accepts.FLOAT, Math::tanh, FLOAT_ONLY),
        FLOOR("Floor", Accepts.FLOAT, Math::floor, FLOAT_ONLY),
        CEIL("Ceil", Accepts.FLOAT, Math::ceil, FLOAT_ONLY),
        RECIPROCAL("Reciprocal", Accepts.FLOAT, x -> 1.0 / x, FLOAT_ONLY),
        SIGMOID("Sigmoid", Accepts.FLOAT, Activations::sigmoid, FLOAT_ONLY),
        SOFTPLUS("Softplus", Accepts.FLOAT, Activations::softplus, FLOAT_ONLY);

        final String opType;
        final Accepts accepts;
        final DoubleUnaryOperator f;
        final LongUnaryOperator g;

        Kind(String opType, Accepts accepts, DoubleUnaryOperator f, LongUnaryOperator g) {
            this.opType = opType;
            this.accepts = accepts;
            this.f = f;
            this.g = g;
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
        return List.of(Elementwise.map(x, inferResultTypes(ctx).get(0), kind.f, kind.g));
    }
}
