package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Activations;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * One-input elementwise functions; the result has the operand's type. Activations and transcendental functions
 * take floats only; ReLU, Negative and Abs also take integers (computed exactly).
 */
final class ElementwiseUnaryDef extends OvOpDefinition {
    enum Kind {
        RELU("ReLU", "opset1", x -> Math.max(x, 0.0), x -> Math.max(x, 0)),
        // log(1 + e^x), computed without overflow; equals SoftPlus-4's "x above the threshold" to f32 precision.
        SOFTPLUS("SoftPlus", "opset4", Activations::softplus, null),
        SIGMOID("Sigmoid", "opset1", Activations::sigmoid, null),
        TANH("Tanh", "opset1", Math::tanh, null),
        EXP("Exp", "opset1", Math::exp, null),
        LOG("Log", "opset1", Math::log, null),
        SQRT("Sqrt", "opset1", Math::sqrt, null),
        NEGATIVE("Negative", "opset1", x -> -x, x -> -x),
        ABS("Abs", "opset1", Math::abs, Math::abs);

        final String irType;
        final String version;
        final DoubleUnaryOperator f;
        final LongUnaryOperator g;

        Kind(String irType, String version, DoubleUnaryOperator f, LongUnaryOperator g) {
            this.irType = irType;
            this.version = version;
            this.f = f;
            this.g = g;
        }
    }

    private final Kind kind;

    ElementwiseUnaryDef(Kind kind) {
        super(kind.irType, kind.version, "elementwise " + kind.irType, 1, 1, List.of(), Trait.PURE);
        this.kind = kind;
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        if (kind.g == null && !x.elementType().isFloat()) {
            throw new OpError("operand #0 must be a float tensor, got " + x);
        }
        OvShapes.requireNumeric(ctx, 0, "operand");
        return List.of(x);
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Tensor x = ctx.constantOperand(0).orElseThrow();
        return List.of(Elementwise.map(x, x.type(), kind.f, kind.g == null ? v -> v : kind.g));
    }
}
