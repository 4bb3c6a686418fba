package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.ov.SlicePlan;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code ov.Slice(x, start, stop, step[, axes])}: OpenVINO Slice-8. Constant integer vectors of one length;
 * positions are clamped like ONNX Slice (so INT64_MAX / INT64_MIN mean "to the end"); unlisted axes are whole.
 */
final class SliceDef extends OvOpDefinition {
    private static final String[] NAMES = {"data", "start", "stop", "step", "axes"};

    SliceDef() {
        super("Slice", "opset8", "slice with start, stop, step per axis", 4, 5, List.of(), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        for (int i = 1; i < ctx.numOperands(); i++) OvShapes.requireIntegerVector(ctx, i, NAMES[i]);
        return List.of(ctx.operandType(0).withShape(plan(ctx).outShape()));
    }

    private static SlicePlan plan(OpContext ctx) {
        long[][] v = new long[ctx.numOperands()][];
        for (int i = 1; i < v.length; i++) {
            int k = i;
            v[i] = OvShapes.constantLongs(ctx, i).orElseThrow(() -> new OpError(NAMES[k] + " (operand #" + k + ") must be a constant"));
        }
        try {
            return SlicePlan.forSlice(ctx.operandType(0).shape(), v[1], v[2], v[3], v.length == 5 ? v[4] : null);
        } catch (IllegalArgumentException e) {
            throw new OpError(e.getMessage());
        }
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(plan(ctx).apply(ctx.constantOperand(0).orElseThrow()));
    }
}
