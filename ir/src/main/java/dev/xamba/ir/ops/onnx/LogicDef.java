package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * Comparisons (Equal, Greater, GreaterOrEqual, Less, LessOrEqual) of two operands of one element type, and the
 * boolean connectives And, Or, Xor; all broadcast and give a boolean ({@code i1}) result. NaN compares unequal.
 */
final class LogicDef extends OpDefinition {
    /** A predicate on one pair of elements. */
    private interface DoublePredicate { boolean test(double x, double y); }

    private interface LongPredicate { boolean test(long x, long y); }

    enum Kind {
        EQUAL("Equal", false, (x, y) -> x == y, (x, y) -> x == y),
        GREATER("Greater", false, (x, y) -> x > y, (x, y) -> x > y),
        GREATER_OR_EQUAL("GreaterOrEqual", false, (x, y) -> x >= y, (x, y) -> x >= y),
        LESS("Less", false, (x, y) -> x < y, (x, y) -> x < y),
        LESS_OR_EQUAL("LessOrEqual", false, (x, y) -> x <= y, (x, y) -> x <= y),
        AND("And", true, null, (x, y) -> x != 0 && y != 0),
        OR("Or", true, null, (x, y) -> x != 0 || y != 0),
        XOR("Xor", true, null, (x, y) -> (x != 0) != (y != 0));

        final String opType;
        final boolean boolOperands;
        final DoublePredicate f;
        final LongPredicate g;

        Kind(String opType, boolean boolOperands, DoublePredicate f, LongPredicate g) {
            this.opType = opType;
            this.boolOperands = boolOperands;
            this.f = f;
            this.g = g;
        }
    }

    private final Kind kind;

    LogicDef(Kind kind) {
        super("onnx." + kind.opType, "elementwise " + kind.opType + " giving booleans", 2, 2, List.of(), Trait.PURE);
        this.kind = kind;
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        if (kind.boolOperands) {
            OnnxOperands.requireBool(ctx, 0, "lhs");
            OnnxOperands.requireBool(ctx, 1, "rhs");
        } else {
            OnnxOperands.requireSameElementType(ctx, 0, 1);
        }
        return List.of(TensorType.of(ElementType.I1, Shapes.broadcast(ctx.operandType(0).shape(), ctx.operandType(1).shape())));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        Tensor a = ctx.constantOperand(0).orElseThrow();
        Tensor b = ctx.constantOperand(1).orElseThrow();
        if (a.isFloat()) return List.of(Elementwise.zipDoubles(a, b, out, (x, y) -> kind.f.test(x, y) ? 1 : 0));
        return List.of(Elementwise.zipLongs(a, b, out, (x, y) -> kind.g.test(x, y) ? 1 : 0));
    }
}
