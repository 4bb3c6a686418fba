package dev.xamba.ir.eval.ov;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Resolves OpenVINO StridedSlice-1: {@code begin}, {@code end}, {@code stride} list one slice entry each; the
 * masks (lists of 0/1, missing entries are 0) say per entry: ignore begin / ignore end (use the whole dim in the
 * step's direction), insert a new dim of size 1 ({@code new_axis_mask}), take only element {@code begin} and drop
 * the dim ({@code shrink_axis_mask}), or stand for all dims not otherwise listed ({@code ellipsis_mask}, at most
 * one). Input dims after the listed entries are kept whole.
 */
public final class StridedSlicePlanner {
    private StridedSlicePlanner() {}

    /** The masks of one StridedSlice op. */
    public record Masks(long[] begin, long[] end, long[] newAxis, long[] shrinkAxis, long[] ellipsis) {
        static boolean bit(long[] mask, int i) {
            return i < mask.length && mask[i] != 0;
        }
    }

    /**
     * The plan for an input of {@code shape} (dims may be dynamic).
     *
     * @throws IllegalArgumentException on inconsistent lengths, a zero stride, several ellipses, too many entries
     *                                  or a shrunk index outside its static dim
     */
    public static SlicePlan plan(long[] shape, long[] begin, long[] end, long[] stride, Masks m) {
        int entries = begin.length;
        if (end.length != entries || stride.length != entries) {
            throw new IllegalArgumentException("begin, end and stride must have one length, got " + begin.length + ", "
                    + end.length + ", " + stride.length);
        }
        int ellipsisAt = -1;
        int consuming = 0;
        for (int i = 0; i < entries; i++) {
            if (Masks.bit(m.ellipsis(), i)) {
                if (ellipsisAt >= 0) throw new IllegalArgumentException("ellipsis_mask has more than one bit set");
                ellipsisAt = i;
            } else if (!Masks.bit(m.newAxis(), i)) {
                consuming++;
            }
        }
        int rank = shape.length;
        if (consuming > rank) throw new IllegalArgumentException(consuming + " slice entries for rank " + rank);
        long[] start = new long[rank];
        long[] step = new long[rank];
        long[] count = new long[rank];
        List<Long> out = new ArrayList<>();
        int d = 0;
        for (int i = 0; i < entries; i++) {
            if (i == ellipsisAt) {
                for (int k = 0; k < rank - consuming; k++, d++) whole(shape, d, start, step, count, out);
            } else if (Masks.bit(m.newAxis(), i)) {
                out.add(1L);
            } else {
                if (stride[i] == 0) throw new IllegalArgumentException("stride must not be 0");
                long n = shape[d];
                if (Masks.bit(m.shrinkAxis(), i)) {
                    long idx = begin[i] < 0 && n != SlicePlan.DYN ? begin[i] + n : begin[i];
                    if (n != SlicePlan.DYN && (idx < 0 || idx >= n)) {
                        throw new IllegalArgumentException("shrink index " + begin[i] + " is out of range for dim " + d + " of size " + n);
                    }
                    start[d] = Math.max(idx, 0);
                    step[d] = 1;
                    count[d] = 1;
                } else if (n == SlicePlan.DYN) {
                    step[d] = stride[i];
                    count[d] = SlicePlan.DYN;
                    out.add(SlicePlan.DYN);
                } else {
                    SlicePlan.Range r = SlicePlan.resolve(n, begin[i], end[i], stride[i], Masks.bit(m.begin(), i),
                            Masks.bit(m.end(), i), -1);
                    start[d] = r.start();
                    step[d] = stride[i];
                    count[d] = r.count();
                    out.add(r.count());
                }
                d++;
            }
        }
        while (d < rank) whole(shape, d++, start, step, count, out);
        return new SlicePlan(start, step, count, out.stream().mapToLong(Long::longValue).toArray());
    }

    private static void whole(long[] shape, int d, long[] start, long[] step, long[] count, List<Long> out) {
        start[d] = 0;
        step[d] = 1;
        count[d] = shape[d];
        out.add(shape[d]);
    }

    /** All-ones strides for a StridedSlice without its fourth input. */
    public static long[] unitStrides(int n) {
        long[] s = new long[n];
        Arrays.fill(s, 1);
        return s;
    }
}
