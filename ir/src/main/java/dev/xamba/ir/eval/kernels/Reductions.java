package dev.xamba.ir.eval.kernels;

import dev.xamba.ir.eval.Indexing;
import dev.xamba.ir.eval.StridedLoop;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;

/**
 * Scans and reductions along axes, exact for integers (accumulated in long) and in double for floats: the one
 * kernel of each for the {@code onnx} and {@code ov} dialects.
 */
public final class Reductions {
    private Reductions() {}

    /** What a reduction computes. */
    public enum Kind { SUM, MEAN, MAX, MIN, PROD }

    /** Cumulative sum along {@code axis}; exclusive leaves out the current element, reverse runs backwards. */
    public static Tensor cumsum(Tensor x, int axis, boolean exclusive, boolean reverse) {
        long[] s = x.type().shape();
        long len = s[axis];
        long inner = Indexing.strides(s)[axis];
        // The dims before the axis, multiplied out: dividing the size by len * inner fails when a dim is 0.
        long outer = 1;
        for (int d = 0; d < axis; d++) outer *= s[d];
        boolean fl = x.isFloat();
        double[] rd = fl ? new double[x.size()] : null;
        long[] rl = fl ? null : new long[x.size()];
        for (long o = 0; o < outer; o++) {
            for (long p = 0; p < inner; p++) {
                double accD = 0;
                long accL = 0;
                for (long t = 0; t < len; t++) {
                    int idx = (int) ((o * len + (reverse ? len - 1 - t : t)) * inner + p);
                    if (fl) {
                        if (exclusive) rd[idx] = accD;
                        accD += x.getDouble(idx);
                        if (!exclusive) rd[idx] = accD;
                    } else {
                        if (exclusive) rl[idx] = accL;
                        accL += x.getLong(idx);
                        if (!exclusive) rl[idx] = accL;
                    }
                }
            }
        }
        return fl ? Tensor.ofDoubles(x.type(), rd) : Tensor.ofLongs(x.type(), rl);
    }

    /**
     * Reduces the dims flagged in {@code reduced}; {@code out} has the kept dims (with or without size-1 reduced
     * dims, its element count is what matters). Floats accumulate in double and round once into {@code out}'s
     * type; integers accumulate exactly in long (wrapping as the element type does). The mean of integers
     * truncates toward zero; reductions of empty sets give 0 (sum), 1 (product), NaN (mean of floats) and the
     * lowest / highest value (max / min).
     */
    public static Tensor reduce(Tensor x, boolean[] reduced, Kind kind, TensorType out) {
        long[] s = x.type().shape();
        long[] kept = new long[s.length];
        long count = 1;
        for (int d = 0; d < s.length; d++) {
            kept[d] = reduced[d] ? 1 : s[d];
            if (reduced[d]) count *= s[d];
        }
        long[] keptStrides = Indexing.strides(kept);
        long[] st = new long[s.length];
        for (int d = 0; d < s.length; d++) st[d] = reduced[d] ? 0 : keptStrides[d];
        // Walk x in row-major order; the loop keeps the offset of each element's output slot.
        StridedLoop loop = StridedLoop.of(s, Indexing.strides(s), st);
        int len = loop.innerLength();
        int step = loop.innerStride(1);
        int size = x.size();
        int n = Indexing.size(kept);
        if (x.isFloat()) {
            double[] r = new double[n];
            java.util.Arrays.fill(r, switch (kind) {
                case SUM, MEAN -> 0.0;
                case PROD -> 1.0;
                case MAX -> Double.NEGATIVE_INFINITY;
                case MIN -> Double.POSITIVE_INFINITY;
            });
            for (int base = 0; base < size; base += len, loop.next()) {
                int o = loop.offset(1);
                switch (kind) {
                    case SUM, MEAN -> { for (int j = 0; j < len; j++) r[o + j * step] += x.getDouble(base + j); }
                    case PROD -> { for (int j = 0; j < len; j++) r[o + j * step] *= x.getDouble(base + j); }
                    case MAX -> { for (int j = 0; j < len; j++) r[o + j * step] = Math.max(r[o + j * step], x.getDouble(base + j)); }
                    case MIN -> { for (int j = 0; j < len; j++) r[o + j * step] = Math.min(r[o + j * step], x.getDouble(base + j)); }
                }
            }
            if (kind == Kind.MEAN) for (int i = 0; i < n; i++) r[i] /= count;
            return Tensor.ofDoubles(out, r);
        }
        long[] r = new long[n];
        java.util.Arrays.fill(r, switch (kind) {
            case SUM, MEAN -> 0L;
            case PROD -> 1L;
            case MAX -> extreme(out.elementType(), false);
            case MIN -> extreme(out.elementType(), true);
        });
        for (int base = 0; base < size; base += len, loop.next()) {
            int o = loop.offset(1);
            switch (kind) {
                case SUM, MEAN -> { for (int j = 0; j < len; j++) r[o + j * step] += x.getLong(base + j); }
                case PROD -> { for (int j = 0; j < len; j++) r[o + j * step] *= x.getLong(base + j); }
                case MAX -> { for (int j = 0; j < len; j++) r[o + j * step] = Math.max(r[o + j * step], x.getLong(base + j)); }
                case MIN -> { for (int j = 0; j < len; j++) r[o + j * step] = Math.min(r[o + j * step], x.getLong(base + j)); }
            }
        }
        if (kind == Kind.MEAN && count > 0) for (int i = 0; i < n; i++) r[i] /= count;
        return Tensor.ofLongs(out, r);
    }

    /** The largest (or smallest) value of an integer element type: the identity of min (or max). */
    private static long extreme(ElementType et, boolean largest) {
        return switch (et) {
            case I32 -> largest ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            case I16 -> largest ? Short.MAX_VALUE : Short.MIN_VALUE;
            case I8 -> largest ? Byte.MAX_VALUE : Byte.MIN_VALUE;
            case U8 -> largest ? 255 : 0;
            case I1 -> largest ? 1 : 0;
            default -> largest ? Long.MAX_VALUE : Long.MIN_VALUE;
        };
    }

    /**
     * ONNX Trilu over the last two dims: {@code upper} keeps elements with {@code col - row >= k}, lower those
     * with {@code col - row <= k}; the rest become zero.
     */
    public static Tensor trilu(Tensor x, long k, boolean upper) {
        long[] s = x.type().shape();
        int rows = (int) s[s.length - 2];
        long cols = s[s.length - 1];
        int[] from = new int[rows];
        int[] to = new int[rows];
        long diagonal = Math.max(-(rows + cols), Math.min(rows + cols, k)); // same band, no overflow below
        for (int row = 0; row < rows; row++) {
            // keeps col - row >= k (upper) or col - row <= k (lower)
            long bound = Math.max(-1, Math.min(cols, row + diagonal));
            from[row] = upper ? (int) Math.max(0, bound) : 0;
            to[row] = upper ? (int) cols : (int) Math.min(cols, bound + 1);
        }
        return x.keepingColumns(from, to);
    }
}
