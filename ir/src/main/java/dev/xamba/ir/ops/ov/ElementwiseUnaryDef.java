package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Kernels;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Activations and other one-input float functions; the result has the operand's type. */
final class ElementwiseUnaryDef extends OpDefinition {
    enum Kind {
        RELU("ov.ReLU", x -> Math.max(x, 0.0)),
        // log(1 + e^x), computed without overflow for large x.
        SOFTPLUS("ov.SoftPlus", x -> Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)))),
        SIGMOID("ov.Sigmoid", x -> 1.0 / (1.0 + Math.exp(-x))),
        EXP("ov.Exp", Math::exp);

        final String opName;
        final DoubleUnaryOperator f;

        Kind(String opName, DoubleUnaryOperator f) {
            this.opName = opName;
            this.f = f;
        }
    }

    private final Kind kind;

    ElementwiseUnaryDef(Kind kind) {
        super(kind.opName, "elementwise " + kind.name().toLowerCase(), 1, 1, List.of(), Trait.PURE);
        this.kind = kind;
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Shapes.requireFloat(ctx, 0);
        return List.of(ctx.operandType(0));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(Kernels.unary(ctx.constantOperand(0).orElseThrow(), kind.f));
    }
}
