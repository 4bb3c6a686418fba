package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.eval.Tensor;
import java.util.Arrays;
import java.util.Optional;

/** Reading axis lists out of constant operands, normalized against a rank. */
final class ViewSupport {
    private ViewSupport() {}

    /** The axes of {@code t} with negatives normalized; empty if one is out of range. */
    static Optional<int[]> normalizedAxes(Tensor t, int rank) {
        long[] raw = t.toLongs();
        int[] axes = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            long a = raw[i] < 0 ? raw[i] + rank : raw[i];
            if (a < 0 || a >= rank) return Optional.empty();
            axes[i] = (int) a;
        }
        return Optional.of(axes);
    }

    /** {@link #normalizedAxes}, sorted and without repeats. */
    static Optional<int[]> sortedAxes(Tensor t, int rank) {
        Optional<int[]> normalized = normalizedAxes(t, rank);
        if (normalized.isEmpty()) return normalized;
        int[] a = normalized.get(); // a fresh array: sorted in place
        Arrays.sort(a);
        int n = 0;
        for (int i = 0; i < a.length; i++) if (n == 0 || a[i] != a[n - 1]) a[n++] = a[i];
        return Optional.of(Arrays.copyOf(a, n));
    }
}
