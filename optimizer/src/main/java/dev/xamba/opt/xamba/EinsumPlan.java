package dev.xamba.opt.xamba;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The einsum a {@code ReduceSum(Multiply(a, b), axes)} spells, worked out on shapes alone: the role of each axis
 * of the product ({@link AxisRole}) and the MatMul layout with the fewest transposes. Operands are numpy-aligned
 * to the product's rank (missing leading dims are 1). Pure: reads shapes, builds nothing.
 */
final class EinsumPlan {
    final long[] a;
    final long[] b;
    final long[] product;
    final AxisRole[] roles;

    /**
     * The MatMul layout: {@code swap} computes {@code b·a} (columns before rows, when the output wants them so);
     * {@code transposeLeft/Right} set the MatMul's flags so that an operand already stored as {@code [K, rows]}
     * needs no Transpose.
     */
    record Layout(boolean swap, boolean transposeLeft, boolean transposeRight, int transposes) {}

    EinsumPlan(long[] a, long[] b, long[] product, int[] reducedAxes) {
        int r = product.length;
        this.a = align(a, r);
        this.b = align(b, r);
        this.product = product.clone();
        this.roles = new AxisRole[r];
        boolean[] reduced = new boolean[r];
        for (int axis : reducedAxes) reduced[axis] = true;
        for (int i = 0; i < r; i++) roles[i] = classify(this.a[i], this.b[i], product[i], reduced[i]);
    }

    private static AxisRole classify(long da, long db, long n, boolean reduced) {
        if (n == 1) return AxisRole.TRIVIAL;
        if (da == n && db == n) return reduced ? AxisRole.CONTRACTED : AxisRole.BATCH;
        if (da == n) return reduced ? AxisRole.LEFT_SUMMED : AxisRole.LEFT;
        return reduced ? AxisRole.RIGHT_SUMMED : AxisRole.RIGHT;
    }

    static long[] align(long[] shape, int rank) {
        long[] out = new long[rank];
        Arrays.fill(out, 1);
        System.arraycopy(shape, 0, out, rank - shape.length, shape.length);
        return out;
    }

    List<Integer> axes(AxisRole role) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < roles.length; i++) if (roles[i] == role) out.add(i);
        return out;
    }

    boolean has(AxisRole role) { return !axes(role).isEmpty(); }

    long extent(AxisRole role) {
        long p = 1;
        for (int i : axes(role)) p *= product[i];
        return p;
    }

    /**
     * The layout with the fewest Transposes, and among those the fewest that move an operand's innermost dim (a
     * Transpose that keeps it copies contiguous rows; one that moves it gathers single elements, several times
     * slower on OpenVINO's CPU plugin); ties: no swap, no flags. Tries all eight.
     */
    Layout bestLayout() {
        Layout best = null;
        int bestScore = Integer.MAX_VALUE;
        for (int s = 0; s < 2; s++) {
            for (int tl = 0; tl < 2; tl++) {
                for (int tr = 0; tr < 2; tr++) {
                    Layout l = new Layout(s == 1, tl == 1, tr == 1, 0);
                    int n = 0;
                    int innerMoves = 0;
                    for (List<AxisRole> groups : List.of(leftGroups(l), rightGroups(l), outputGroups(l))) {
                        if (!needsTranspose(groups)) continue;
                        n++;
                        if (movesInnermost(groups)) innerMoves++;
                    }
                    int score = 4 * n + innerMoves;
                    if (score < bestScore) {
                        bestScore = score;
                        best = new Layout(l.swap(), l.transposeLeft(), l.transposeRight(), n);
                    }
                }
            }
        }
        return best;
    }

    /** Whether grouping the axes so puts another axis than the innermost stored one last. */
    boolean movesInnermost(List<AxisRole> groups) {
        List<Integer> want = ordered(groups);
        if (want.isEmpty()) return false;
        int innermost = want.stream().mapToInt(Integer::intValue).max().getAsInt();
        return want.get(want.size() - 1) != innermost;
    }

    /** Group order of the MatMul's left operand: {@code [B, rows, K]} or, transposed, {@code [B, K, rows]}. */
    List<AxisRole> leftGroups(Layout l) {
        AxisRole rows = l.swap() ? AxisRole.RIGHT : AxisRole.LEFT;
        return l.transposeLeft() ? List.of(AxisRole.BATCH, AxisRole.CONTRACTED, rows) : List.of(AxisRole.BATCH, rows, AxisRole.CONTRACTED);
    }

    /** Group order of the right operand: {@code [B, K, cols]} or, transposed, {@code [B, cols, K]}. */
    List<AxisRole> rightGroups(Layout l) {
        AxisRole cols = l.swap() ? AxisRole.LEFT : AxisRole.RIGHT;
        return l.transposeRight() ? List.of(AxisRole.BATCH, cols, AxisRole.CONTRACTED) : List.of(AxisRole.BATCH, AxisRole.CONTRACTED, cols);
    }

    /** Group order of the MatMul's result: {@code [B, rows, cols]}. */
    List<AxisRole> outputGroups(Layout l) {
        return l.swap() ? List.of(AxisRole.BATCH, AxisRole.RIGHT, AxisRole.LEFT) : List.of(AxisRole.BATCH, AxisRole.LEFT, AxisRole.RIGHT);
    }

    /** The product axes of {@code groups}, group by group, each group in axis order: the order a MatMul side wants. */
    List<Integer> ordered(List<AxisRole> groups) {
        List<Integer> out = new ArrayList<>();
        for (AxisRole g : groups) out.addAll(axes(g));
        return out;
    }

    /** Whether the axes of {@code groups}, in their stored (ascending) order, are not already grouped so. */
    boolean needsTranspose(List<AxisRole> groups) {
        List<Integer> want = ordered(groups);
        List<Integer> stored = new ArrayList<>(want);
        stored.sort(null);
        return !want.equals(stored);
    }
}
