package dev.xamba.ir.eval;

/**
 * Row-major iteration over a shape that keeps each operand's flat offset up to date by adding strides, instead of
 * a division and a remainder per dimension per element. Dims of size 1 are dropped and neighbouring dims that are
 * contiguous for every operand are merged, so the innermost run is as long as it can be. A kernel walks the
 * output in runs:
 *
 * <pre>{@code
 * StridedLoop loop = StridedLoop.of(outShape, stridesA, stridesB);
 * int len = loop.innerLength(), ia = loop.innerStride(0), ib = loop.innerStride(1);
 * for (int base = 0; base < n; base += len, loop.next()) {
 *     int oa = loop.offset(0), ob = loop.offset(1);
 *     for (int j = 0; j < len; j++) r[base + j] = f(a[oa + j * ia], b[ob + j * ib]);
 * }
 * }</pre>
 *
 * Strides are per operand and per dim of {@code shape} (0 where the operand is broadcast along that dim).
 */
public final class StridedLoop {
    private final long[] shape;      // the outer dims, merged; the innermost dim is separate
    private final long[][] strides;  // [operand][outer dim]
    private final int innerLength;
    private final int[] innerStrides;
    private final long[] counters;
    private final int[] offsets;

    private StridedLoop(long[] shape, long[][] strides, int innerLength, int[] innerStrides) {
        this.shape = shape;
        this.strides = strides;
        this.innerLength = innerLength;
        this.innerStrides = innerStrides;
        this.counters = new long[shape.length];
        this.offsets = new int[strides.length];
    }

    /** A loop over {@code shape} for operands with the given strides (each as long as {@code shape}). */
    public static StridedLoop of(long[] shape, long[]... operandStrides) {
        int ops = operandStrides.length;
        long[] dims = new long[shape.length];
        long[][] st = new long[ops][shape.length];
        int rank = 0;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 1) continue;
            boolean merge = rank > 0;
            for (int k = 0; k < ops && merge; k++) merge = st[k][rank - 1] == operandStrides[k][d] * shape[d];
            if (merge) {
                dims[rank - 1] *= shape[d];
                for (int k = 0; k < ops; k++) st[k][rank - 1] = operandStrides[k][d];
            } else {
                dims[rank] = shape[d];
                for (int k = 0; k < ops; k++) st[k][rank] = operandStrides[k][d];
                rank++;
            }
        }
        if (rank == 0) return new StridedLoop(new long[0], new long[ops][0], 1, new int[ops]);
        int[] inner = new int[ops];
        for (int k = 0; k < ops; k++) inner[k] = Math.toIntExact(st[k][rank - 1]);
        long[] outer = java.util.Arrays.copyOf(dims, rank - 1);
        long[][] outerStrides = new long[ops][];
        for (int k = 0; k < ops; k++) outerStrides[k] = java.util.Arrays.copyOf(st[k], rank - 1);
        return new StridedLoop(outer, outerStrides, Math.toIntExact(dims[rank - 1]), inner);
    }

    /** Elements in one innermost run. */
    public int innerLength() {
        return innerLength;
    }

    /** How far operand {@code k}'s offset moves per element of a run. */
    public int innerStride(int k) {
        return innerStrides[k];
    }

    /** Operand {@code k}'s flat offset at the start of the current run. */
    public int offset(int k) {
        return offsets[k];
    }

    /** Moves to the next run (the odometer over the outer dims). */
    public void next() {
        for (int d = shape.length - 1; d >= 0; d--) {
            if (++counters[d] < shape[d]) {
                for (int k = 0; k < offsets.length; k++) offsets[k] += (int) strides[k][d];
                return;
            }
            counters[d] = 0;
            for (int k = 0; k < offsets.length; k++) offsets[k] -= (int) (strides[k][d] * (shape[d] - 1));
        }
    }
}
