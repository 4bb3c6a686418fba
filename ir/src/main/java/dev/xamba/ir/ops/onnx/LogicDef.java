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
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Comparisons (Equal, Greater, GreaterOrEqual, Less, LessOrEqual) of two operands of one element type, and the
 * boolean connectives And, Or, Xor; all broadcast and give a boolean ({@code i1}) result. NaN compares unequal.
 */
final class LogicDef extends OpDefinition {
    enum Kind {
        EQUAL("Equal", false),
        GREATER("Greater", false),
        GREATER_OR_EQUAL("GreaterOrEqual", false),
        LESS("Less", false),
        LESS_OR_EQUAL("LessOrEqual", false),
        AND("And", true),
        OR("Or", true),
        XOR("Xor", true);

        final String opType;
        final boolean boolOperands;

        Kind(String opType, boolean boolOperands) {
            this.opType = opType;
            this.boolOperands = boolOperands;
        }

        // The arithmetic is a switch over lambdas rather than constructor arguments: linking a lambda costs about
        // 0.16 ms before the JIT has compiled anything, so a compile pays only for the kinds it folds (README,
        // "Compile speed").
        /** The test on floats, 1 for true and 0 for false; null for the boolean ops. */
        DoubleBinaryOperator f() {
            return switch (this) {
                case EQUAL -> (x, y) -> x == y ? 1 : 0;
                case GREATER -> (x, y) -> x > y ? 1 : 0;
                case GREATER_OR_EQUAL -> (x, y) -> x >= y ? 1 : 0;
                case LESS -> (x, y) -> x < y ? 1 : 0;
                case LESS_OR_EQUAL -> (x, y) -> x <= y ? 1 : 0;
                case AND, OR, XOR -> null;
            };
        }

        /** The test on integers and booleans, 1 for true and 0 for false. */
        LongBinaryOperator g() {
            return switch (this) {
                case EQUAL -> (x, y) -> x == y ? 1 : 0;
                case GREATER -> (x, y) -> x > y ? 1 : 0;
                case GREATER_OR_EQUAL -> (x, y) -> x >= y ? 1 : 0;
                case LESS -> (x, y) -> x < y ? 1 : 0;
                case LESS_OR_EQUAL -> (x, y) -> x <= y ? 1 : 0;
                case AND -> (x, y) -> x != 0 && y != 0 ? 1 : 0;
                case OR -> (x, y) -> x != 0 || y != 0 ? 1 : 0;
                case XOR -> (x, y) -> (x != 0) != (y != 0) ? 1 : 0;
            };
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
        if (a.isFloat()) return List.of(Elementwise.zipDoubles(a, b, out, kind.f()));
        return List.of(Elementwise.zipLongs(a, b, out, kind.g()));
    }
}
