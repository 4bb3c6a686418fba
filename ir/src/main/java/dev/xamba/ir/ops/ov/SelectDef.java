package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/** {@code ov.Select(cond, then, else) {auto_broadcast}}: OpenVINO Select-1, elementwise choice with broadcasting. */
final class SelectDef extends OvOpDefinition {
    SelectDef() {
        super("Select", "opset1", "elementwise cond ? then : else", 3, 3, List.of(OvShapes.autoBroadcastAttr()), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        OvShapes.requireBool(ctx, 0, "cond");
        Shapes.requireSameElementType(ctx, 1, 2);
        return List.of(TensorType.of(ctx.operandType(1).elementType(), OvShapes.autoBroadcast(ctx, 0, 1, 2)));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(Elementwise.where(ctx.constantOperand(0).orElseThrow(), ctx.constantOperand(1).orElseThrow(),
                ctx.constantOperand(2).orElseThrow(), inferResultTypes(ctx).get(0)));
    }
}
