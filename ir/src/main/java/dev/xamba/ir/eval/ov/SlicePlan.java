package dev.xamba.ir.eval.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Slicing;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;

/**
 * A resolved slice of a tensor: per input dim a start, a step and an element count ({@code sliceShape}), then a
 * reshape to {@code outShape} (which may add dims of size 1 or drop dims of one element). Built by
 * {@link StridedSlicePlanner} (OpenVINO StridedSlice-1) and {@link #forSlice} (OpenVINO Slice-8). Counts are
 * {@link TensorType#DYNAMIC} where an input dim is dynamic (type inference only).
 */
public record SlicePlan(long[] start, long[] step, long[] sliceShape, long[] outShape) {
    static final long DYN = TensorType.DYNAMIC;

    /** Copies the selected elements of {@code x} (static shapes) into a tensor of {@code outShape}. */
    public Tensor apply(Tensor x) {
        Tensor sliced = Slicing.strided(x, start, step, x.type().withShape(sliceShape));
        return sliced.reshape(x.type().withShape(outShape));
    }

    /** First index and element count of one dim, with numpy-style clamping. */
    record Range(long start, long count) {}

    /**
     * Resolves one dim of length {@code n}: negative positions count from the end, positions are clamped into the
     * dim; a masked begin or end means "from the first / to the last element" in the step's direction. With a
     * negative step, a begin left of the dim clamps to {@code negativeStepStartFloor} (-1 in StridedSlice, which
     * then selects nothing, as TensorFlow does; 0 in Slice-8, as ONNX does).
     */
    static Range resolve(long n, long begin, long end, long step, boolean beginMasked, boolean endMasked,
                         long negativeStepStartFloor) {
        if (n == 0) return new Range(0, 0); // the clamping below would give a negative step start 0 and end -1: one element
        if (step > 0) {
            long s = beginMasked ? 0 : clamp(begin < 0 ? begin + n : begin, 0, n);
            long e = endMasked ? n : clamp(end < 0 ? end + n : end, 0, n);
            return new Range(s, Math.max(0, ceilDiv(e - s, step)));
        }
        long s = beginMasked ? n - 1 : clamp(begin < 0 ? begin + n : begin, negativeStepStartFloor, n - 1);
        long e = endMasked ? -1 : clamp(end < 0 ? end + n : end, -1, n - 1);
        // ceil((e - s) / step) rather than ceil((s - e) / -step): -step overflows for INT64_MIN, which selects s alone.
        return new Range(s, Math.max(0, ceilDiv(e - s, step)));
    }

    static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /**
     * OpenVINO Slice-8: {@code start}, {@code stop}, {@code step} per listed axis (all axes in order when
     * {@code axes} is null); other dims are kept whole.
     *
     * @throws IllegalArgumentException when a step is 0, an axis is out of range or repeated, or lengths differ
     */
    public static SlicePlan forSlice(long[] shape, long[] starts, long[] stops, long[] steps, long[] axes) {
        int rank = shape.length;
        if (stops.length != starts.length || steps.length != starts.length || (axes != null && axes.length != starts.length)) {
            throw new IllegalArgumentException("start, stop, step and axes must have one length");
        }
        long[] start = new long[rank];
        long[] step = new long[rank];
        long[] count = shape.clone();
        Arrays.fill(step, 1);
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < starts.length; i++) {
            long a = axes == null ? i : axes[i];
            if (a < -rank || a >= rank) throw new IllegalArgumentException("axis " + a + " is out of range for rank " + rank);
            int d = (int) (a < 0 ? a + rank : a);
            if (seen[d]) throw new IllegalArgumentException("axis " + d + " is listed twice");
            seen[d] = true;
            if (steps[i] == 0) throw new IllegalArgumentException("step must not be 0");
            step[d] = steps[i];
            if (shape[d] == DYN) {
                count[d] = DYN;
                continue;
            }
            Range r = resolve(shape[d], starts[i], stops[i], steps[i], false, false, 0);
            start[d] = r.start();
            count[d] = r.count();
        }
        return new SlicePlan(start, step, count, count.clone());
    }
}
