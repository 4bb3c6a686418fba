package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.function.LongBinaryOperator;

/** Boolean logic on i1 tensors: LogicalNot (one operand) and LogicalAnd/Or/Xor (two, with broadcasting). */
final class LogicalDef extends OvOpDefinition {
    enum Kind {
        NOT("LogicalNot"),
        AND("LogicalAnd"),
        OR("LogicalOr"),
        XOR("LogicalXor");

        final String irType;

        Kind(String irType) { this.irType = irType; }

        int arity() { return this == NOT ? 1 : 2; }

        // The arithmetic is a switch over lambdas rather than constructor arguments: linking a lambda costs about
        // 0.16 ms before the JIT has compiled anything, so a compile pays only for the kinds it folds (README,
        // "Compile speed").
        LongBinaryOperator g() {
            return switch (this) {
                case NOT -> null;
                case AND -> (a, b) -> a & b;
                case OR -> (a, b) -> a | b;
                case XOR -> (a, b) -> a ^ b;
            };
        }
    }

    private final Kind kind;

    LogicalDef(Kind kind) {
        super(kind.irType, "opset1", "elementwise boolean " + kind.irType, kind.arity(), kind.arity(),
                kind.arity() == 1 ? List.of() : List.of(OvShapes.autoBroadcastAttr()), Trait.PURE);
        this.kind = kind;
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        for (int i = 0; i < kind.arity(); i++) OvShapes.requireBool(ctx, i, "operand");
        long[] shape = kind.arity() == 1 ? ctx.operandType(0).shape() : OvShapes.autoBroadcast(ctx, 0, 1);
        return List.of(TensorType.of(ElementType.I1, shape));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        Tensor a = ctx.constantOperand(0).orElseThrow();
        if (kind == Kind.NOT) return List.of(Elementwise.not(a, out));
        return List.of(Elementwise.zipLongs(a, ctx.constantOperand(1).orElseThrow(), out, kind.g()));
    }
}
