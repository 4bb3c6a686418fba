package dev.xamba.ir.ops.ov;

import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.ov.SlicePlan;
import dev.xamba.ir.eval.ov.StridedSlicePlanner;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * {@code ov.StridedSlice(x, begin, end[, stride]) {begin_mask, end_mask, new_axis_mask, shrink_axis_mask,
 * ellipsis_mask}}: OpenVINO StridedSlice-1 (see {@link StridedSlicePlanner} for the mask semantics). Masks are
 * arrays of 0/1; begin, end and stride are constant integer vectors of one length.
 */
final class StridedSliceDef extends OvOpDefinition {
    StridedSliceDef() {
        super("StridedSlice", "opset1", "numpy-style strided slice with masks", 3, 4, List.of(
                AttrSpec.required("begin_mask", AttrSpec.Kind.ARRAY),
                AttrSpec.required("end_mask", AttrSpec.Kind.ARRAY),
                AttrSpec.optional("new_axis_mask", AttrSpec.Kind.ARRAY, ArrayAttr.ofLongs()),
                AttrSpec.optional("shrink_axis_mask", AttrSpec.Kind.ARRAY, ArrayAttr.ofLongs()),
                AttrSpec.optional("ellipsis_mask", AttrSpec.Kind.ARRAY, ArrayAttr.ofLongs())), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        for (int i = 1; i < ctx.numOperands(); i++) OvShapes.requireIntegerVector(ctx, i, i == 1 ? "begin" : i == 2 ? "end" : "stride");
        return List.of(ctx.operandType(0).withShape(plan(ctx).outShape()));
    }

    /** OpenVINO refuses masks of different lengths when it loads the model; empty optional masks are absent. */
    private static void requireMaskLengths(OpContext ctx) {
        int n = ctx.intArrayAttr("begin_mask").length;
        for (String mask : List.of("end_mask", "new_axis_mask", "shrink_axis_mask", "ellipsis_mask")) {
            int m = ctx.intArrayAttr(mask).length;
            if (m != n && (m != 0 || mask.equals("end_mask"))) {
                throw new OpError(mask + " has " + m + " entries but begin_mask has " + n + "; OpenVINO needs masks of one length");
            }
        }
    }

    private static SlicePlan plan(OpContext ctx) {
        requireMaskLengths(ctx);
        long[] begin = constant(ctx, 1, "begin");
        long[] end = constant(ctx, 2, "end");
        long[] stride = ctx.numOperands() == 4 ? constant(ctx, 3, "stride") : StridedSlicePlanner.unitStrides(begin.length);
        var masks = new StridedSlicePlanner.Masks(ctx.intArrayAttr("begin_mask"), ctx.intArrayAttr("end_mask"),
                ctx.intArrayAttr("new_axis_mask"), ctx.intArrayAttr("shrink_axis_mask"), ctx.intArrayAttr("ellipsis_mask"));
        try {
            return StridedSlicePlanner.plan(ctx.operandType(0).shape(), begin, end, stride, masks);
        } catch (IllegalArgumentException e) {
            throw new OpError(e.getMessage());
        }
    }

    private static long[] constant(OpContext ctx, int i, String what) {
        Optional<long[]> v = OvShapes.constantLongs(ctx, i);
        return v.orElseThrow(() -> new OpError(what + " (operand #" + i + ") must be a constant"));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(plan(ctx).apply(ctx.constantOperand(0).orElseThrow()));
    }
}
