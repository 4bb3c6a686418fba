package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Slicing;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code onnx.Slice(data, starts, ends[, axes[, steps]])}: for each listed axis, elements start, start+step, ...
 * before end. Negative starts/ends count from the dim; both are then clamped as ONNX specifies (to [0, dim] for
 * positive steps, [0, dim-1] and [-1, dim-1] for negative ones), so INT64_MAX / INT64_MIN ends mean "to the end".
 * Absent axes mean [0, 1, ...]; absent steps mean 1.
 */
final class SliceDef extends OpDefinition {
    private static final long DYN = TensorType.DYNAMIC;

    SliceDef() {
        super("onnx.Slice", "strided slice along axes", 3, 5, List.of(), Trait.PURE);
    }

    /** Per dim of data: first element, step and count (count DYN when unknown). */
    private record Plan(long[] start, long[] step, long[] count) {}

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType data = ctx.operandType(0);
        long n = OnnxOperands.intVector(ctx, 1, "starts");
        String[] names = {"starts", "ends", "axes", "steps"};
        for (int i = 2; i < ctx.numOperands(); i++) {
            long m = OnnxOperands.intVector(ctx, i, names[i - 1]);
            if (n != DYN && m != DYN && m != n) throw new OpError(names[i - 1] + " has " + m + " entries but starts has " + n);
        }
        Optional<Plan> plan = plan(ctx);
        if (plan.isPresent()) return List.of(TensorType.of(data.elementType(), plan.get().count));
        long[] out = data.shape();
        Optional<long[]> axes = OnnxOperands.has(ctx, 3) ? OnnxOperands.ints(ctx, 3) : Optional.empty();
        if (axes.isPresent()) {
            boolean[] sliced = OnnxOperands.axisSet(axes.get(), data.rank(), "axes");
            for (int d = 0; d < out.length; d++) if (sliced[d]) out[d] = DYN;
        } else if (!OnnxOperands.has(ctx, 3) && n != DYN) {
            if (n > data.rank()) throw new OpError("starts has " + n + " entries for a rank-" + data.rank() + " input");
            for (int d = 0; d < n; d++) out[d] = DYN;
        } else {
            out = OnnxOperands.dynamicShape(data.rank());
        }
        return List.of(TensorType.of(data.elementType(), out));
    }

    private static Optional<Plan> plan(OpContext ctx) {
        Optional<long[]> starts = OnnxOperands.ints(ctx, 1);
        Optional<long[]> ends = OnnxOperands.ints(ctx, 2);
        Optional<long[]> axesIn = OnnxOperands.ints(ctx, 3);
        Optional<long[]> stepsIn = OnnxOperands.ints(ctx, 4);
        if (starts.isEmpty() || ends.isEmpty()) return Optional.empty();
        if (OnnxOperands.has(ctx, 3) && axesIn.isEmpty() || OnnxOperands.has(ctx, 4) && stepsIn.isEmpty()) return Optional.empty();
        long[] shape = ctx.operandType(0).shape();
        int rank = shape.length;
        int n = starts.get().length;
        long[] axes = axesIn.orElseGet(() -> {
            if (n > rank) throw new OpError("starts has " + n + " entries for a rank-" + rank + " input");
            long[] a = new long[n];
            for (int i = 0; i < n; i++) a[i] = i;
            return a;
        });
        long[] steps = stepsIn.orElseGet(() -> {
            long[] s = new long[n];
            Arrays.fill(s, 1);
            return s;
        });
        OnnxOperands.axisSet(axes, rank, "axes");
        long[] start = new long[rank];
        long[] step = new long[rank];
        long[] count = shape.clone();
        Arrays.fill(step, 1);
        for (int i = 0; i < n; i++) {
            int d = OnnxOperands.normalizeAxis(axes[i], rank, "axes entry");
            if (steps[i] == 0) throw new OpError("steps must not be 0 (axis " + d + ")");
            step[d] = steps[i];
            if (shape[d] == DYN) {
                count[d] = DYN;
                continue;
            }
            long[] r = clamp(starts.get()[i], ends.get()[i], steps[i], shape[d]);
            start[d] = r[0];
            count[d] = r[1];
        }
        return Optional.of(new Plan(start, step, count));
    }

    /** ONNX's clamping of one axis: {first index, element count}. */
    static long[] clamp(long start, long end, long step, long dim) {
        if (start < 0) start += dim;
        if (end < 0) end += dim;
        long count;
        if (dim == 0) {
            count = 0;
        } else if (step > 0) {
            start = Math.max(0, Math.min(dim, start));
            end = Math.max(0, Math.min(dim, end));
            count = end > start ? 1 + (end - start - 1) / step : 0;
        } else {
            start = Math.max(0, Math.min(dim - 1, start));
            end = Math.max(-1, Math.min(dim - 1, end));
            // -step overflows only for INT64_MIN, whose slice is the start element alone.
            count = start > end ? 1 + (step == Long.MIN_VALUE ? 0 : (start - end - 1) / -step) : 0;
        }
        return new long[] {count == 0 ? 0 : start, count};
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        Plan p = plan(ctx).orElseThrow();
        return List.of(Slicing.strided(ctx.constantOperand(0).orElseThrow(), p.start, p.step, out));
    }
}
