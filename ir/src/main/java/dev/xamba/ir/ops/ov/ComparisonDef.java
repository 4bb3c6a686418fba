package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/** Elementwise comparisons of two tensors of one element type with broadcasting; the result is boolean (i1). */
final class ComparisonDef extends OvOpDefinition {
    enum Kind {
        EQUAL("Equal"),
        NOT_EQUAL("NotEqual"),
        LESS("Less"),
        LESS_EQUAL("LessEqual"),
        GREATER("Greater"),
        GREATER_EQUAL("GreaterEqual");

        final String irType;

        Kind(String irType) { this.irType = irType; }

        // The arithmetic is a switch over lambdas rather than constructor arguments: linking a lambda costs about
        // 0.16 ms before the JIT has compiled anything, so a compile pays only for the kinds it folds (README,
        // "Compile speed").
        /** The comparison of floats, 1 for true and 0 for false. */
        DoubleBinaryOperator f() {
            return switch (this) {
                case EQUAL -> (a, b) -> a == b ? 1 : 0;
                case NOT_EQUAL -> (a, b) -> a != b ? 1 : 0;
                case LESS -> (a, b) -> a < b ? 1 : 0;
                case LESS_EQUAL -> (a, b) -> a <= b ? 1 : 0;
                case GREATER -> (a, b) -> a > b ? 1 : 0;
                case GREATER_EQUAL -> (a, b) -> a >= b ? 1 : 0;
            };
        }

        /** The comparison of integers, 1 for true and 0 for false. */
        LongBinaryOperator g() {
            return switch (this) {
                case EQUAL -> (a, b) -> a == b ? 1 : 0;
                case NOT_EQUAL -> (a, b) -> a != b ? 1 : 0;
                case LESS -> (a, b) -> a < b ? 1 : 0;
                case LESS_EQUAL -> (a, b) -> a <= b ? 1 : 0;
                case GREATER -> (a, b) -> a > b ? 1 : 0;
                case GREATER_EQUAL -> (a, b) -> a >= b ? 1 : 0;
            };
        }
    }

    private final Kind kind;

    ComparisonDef(Kind kind) {
        super(kind.irType, "opset1", "elementwise " + kind.irType + " comparison giving booleans", 2, 2,
                List.of(OvShapes.autoBroadcastAttr()), Trait.PURE);
        this.kind = kind;
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Shapes.requireSameElementType(ctx, 0, 1);
        return List.of(TensorType.of(ElementType.I1, OvShapes.autoBroadcast(ctx, 0, 1)));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        return List.of(Elementwise.zip(ctx.constantOperand(0).orElseThrow(), ctx.constantOperand(1).orElseThrow(), out,
                kind.f(), kind.g()));
    }
}
