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
        RELU("ReLU", "opset1"),
        SOFTPLUS("SoftPlus", "opset4"),
        SIGMOID("Sigmoid", "opset1"),
        TANH("Tanh", "opset1"),
        EXP("Exp", "opset1"),
        LOG("Log", "opset1"),
        SQRT("Sqrt", "opset1"),
        NEGATIVE("Negative", "opset1"),
        ABS("Abs", "opset1");

        final String irType;
        final String version;

        Kind(String irType, String version) {
            this.irType = irType;
            this.version = version;
        }

        // The arithmetic is a switch over lambdas rather than constructor arguments: linking a lambda costs about
        // 0.16 ms before the JIT has compiled anything, so a compile pays only for the kinds it folds (README,
        // "Compile speed").
        DoubleUnaryOperator f() {
            return switch (this) {
                case RELU -> x -> Math.max(x, 0.0);
                // log(1 + e^x), computed without overflow; equals SoftPlus-4's "x above the threshold" to f32 precision.
                case SOFTPLUS -> Activations::softplus;
                case SIGMOID -> Activations::sigmoid;
                case TANH -> Math::tanh;
                case EXP -> Math::exp;
                case LOG -> Math::log;
                case SQRT -> Math::sqrt;
                case NEGATIVE -> x -> -x;
                case ABS -> Math::abs;
            };
        }

        /** Whether the kind is defined on integers too; asked without linking {@link #g}'s lambda. */
        boolean acceptsIntegers() { return this == RELU || this == NEGATIVE || this == ABS; }

        /** The arithmetic on integers; null for the float-only kinds. */
        LongUnaryOperator g() {
            return switch (this) {
                case RELU -> x -> Math.max(x, 0);
                case NEGATIVE -> x -> -x;
                case ABS -> Math::abs;
                default -> null;
            };
        }
    }

    private final Kind kind;

    ElementwiseUnaryDef(Kind kind) {
        super(kind.irType, kind.version, "elementwise " + kind.irType, 1, 1, List.of(), Trait.PURE);
        this.kind = kind;
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        if (!kind.acceptsIntegers() && !x.elementType().isFloat()) {
            throw new OpError("operand #0 must be a float tensor, got " + x);
        }
        OvShapes.requireNumeric(ctx, 0, "operand");
        return List.of(x);
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Tensor x = ctx.constantOperand(0).orElseThrow();
        return List.of(Elementwise.map(x, x.type(), kind.f(), kind.acceptsIntegers() ? kind.g() : v -> v));
    }
}
