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
        EQUAL("Equal", (a, b) -> a == b, (a, b) -> a == b),
        NOT_EQUAL("NotEqual", (a, b) -> a != b, (a, b) -> a != b),
        LESS("Less", (a, b) -> a < b, (a, b) -> a < b),
        LESS_EQUAL("LessEqual", (a, b) -> a <= b, (a, b) -> a <= b),
        GREATER("Greater", (a, b) -> a > b, (a, b) -> a > b),
        GREATER_EQUAL("GreaterEqual", (a, b) -> a >= b, (a, b) -> a >= b);

        final String irType;
        final DoubleBinaryOperator f;
        final LongBinaryOperator g;

        Kind(String irType, DoublePredicate2 f, LongPredicate2 g) {
            this.irType = irType;
            this.f = (a, b) -> f.test(a, b) ? 1 : 0;
            this.g = (a, b) -> g.test(a, b) ? 1 : 0;
        }
    }

    /** A comparison of two doubles. */
    @FunctionalInterface
    interface DoublePredicate2 {
        boolean test(double a, double b);
    }

    /** A comparison of two longs. */
    @FunctionalInterface
    interface LongPredicate2 {
        boolean test(long a, long b);
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
                kind.f, kind.g));
    }
}
