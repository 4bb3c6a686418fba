package dev.xamba.ir.ops.ov;

import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.ov.GatherKernel;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code ov.Gather(data, indices, axis) {batch_dims}}: OpenVINO Gather-8. The axis is a scalar (or one-element)
 * integer constant; negative axis, batch_dims and indices count from the end; out-of-range indices give 0.
 */
final class GatherDef extends OvOpDefinition {
    GatherDef() {
        super("Gather", "opset8", "picks slices along an axis by index", 3, 3,
                List.of(AttrSpec.optional("batch_dims", AttrSpec.Kind.INT, IntegerAttr.i64(0))), Trait.PURE);
    }

    /** The normalized axis and batch_dims. */
    private record Dims(int axis, int batchDims) {}

    private static Dims dims(OpContext ctx) {
        Shapes.requireInteger(ctx, 1, "indices");
        Shapes.requireInteger(ctx, 2, "axis");
        OvShapes.requireScalarLike(ctx, 2, "axis");
        int rank = ctx.operandType(0).rank();
        int indicesRank = ctx.operandType(1).rank();
        int axis = Shapes.normalizeAxis(ctx.requireConstant(2, "axis").getLong(0), rank, "axis");
        long b = ctx.intAttr("batch_dims");
        if (b < 0) b += indicesRank;
        if (b < 0 || b > indicesRank || b > axis) {
            throw new OpError("batch_dims " + ctx.intAttr("batch_dims") + " must be in [0, min(axis, indices rank)] = [0, "
                    + Math.min(axis, indicesRank) + "]");
        }
        return new Dims(axis, (int) b);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Dims d = dims(ctx);
        long[] data = ctx.operandType(0).shape();
        long[] indices = ctx.operandType(1).shape();
        for (int i = 0; i < d.batchDims(); i++) {
            if (data[i] != TensorType.DYNAMIC && indices[i] != TensorType.DYNAMIC && data[i] != indices[i]) {
                throw new OpError("batch dim " + i + " differs: data has " + data[i] + ", indices have " + indices[i]);
            }
        }
        return List.of(ctx.operandType(0).withShape(GatherKernel.outShape(data, indices, d.axis(), d.batchDims())));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Dims d = dims(ctx);
        return List.of(GatherKernel.gather(ctx.constantOperand(0).orElseThrow(), ctx.constantOperand(1).orElseThrow(),
                d.axis(), d.batchDims(), inferResultTypes(ctx).get(0)));
    }
}
