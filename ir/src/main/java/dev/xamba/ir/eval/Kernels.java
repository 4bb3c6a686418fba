package dev.xamba.ir.eval;

import dev.xamba.ir.type.TensorType;
import java.util.function.DoubleBinaryOperator;

/**
 * Reference matmul, generic reduction and transpose, written for clarity rather than speed. Floats are computed
 * in double and rounded to the result's element type once. The other kernels live in {@code eval.kernels}.
 */
public final class Kernels {
    private Kernels() {}

    /**
     * Batched matrix product with NumPy batch broadcasting; operands already have rank >= 2 and the output
     * type is {@code [...batch, M, N]}.
     */
    public static Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB, TensorType out) {
        long[] as = a.type().shape();
        long[] bs = b.type().shape();
        int ra = as.length;
        int rb = bs.length;
        long m = transA ? as[ra - 1] : as[ra - 2];
        long k = transA ? as[ra - 2] : as[ra - 1];
        long n = transB ? bs[rb - 2] : bs[rb - 1];
        long[] os = out.shape();
        long[] batch = java.util.Arrays.copyOf(os, os.length - 2);
        long[] aBatch = java.util.Arrays.copyOf(as, ra - 2);
        long[] bBatch = java.util.Arrays.copyOf(bs, rb - 2);
        long[] aBs = Indexing.broadcastStrides(aBatch, batch);
        long[] bBs = Indexing.broadcastStrides(bBatch, batch);
        int batches = Indexing.size(batch);
        double[] r = new double[Indexing.size(os)];
        for (int bi = 0; bi < batches; bi++) {
            long aOff = Indexing.offset(bi, batch, aBs) * m * k;
            long bOff = Indexing.offset(bi, batch, bBs) * k * n;
            for (long i = 0; i < m; i++) {
                for (long j = 0; j < n; j++) {
                    double acc = 0;
                    for (long p = 0; p < k; p++) {
                        double x = a.getDouble((int) (aOff + (transA ? p * m + i : i * k + p)));
                        double y = b.getDouble((int) (bOff + (transB ? j * k + p : p * n + j)));
                        acc += x * y;
                    }
                    r[(int) ((bi * m + i) * n + j)] = acc;
                }
            }
        }
        return out.elementType().isFloat() ? Tensor.ofDoubles(out, r) : Tensor.ofLongs(out, toLongs(r));
    }

    /** Reduction over {@code axes} (normalized) with {@code op}, starting from {@code init}; output type given. */
    public static Tensor reduce(Tensor x, boolean[] reduced, TensorType out, double init, DoubleBinaryOperator op) {
        long[] s = x.type().shape();
        long[] keptShape = new long[s.length];
        for (int d = 0; d < s.length; d++) keptShape[d] = reduced[d] ? 1 : s[d];
        long[] keptStrides = Indexing.strides(keptShape);
        double[] r = new double[Indexing.size(keptShape)];
        java.util.Arrays.fill(r, init);
        long[] id = new long[s.length];
        for (int d = 0; d < s.length; d++) id[d] = keptStrides[d];
        for (int i = 0; i < x.size(); i++) {
            int o = 0;
            long flat = i;
            for (int d = s.length - 1; d >= 0; d--) {
                long c = flat % s[d];
                flat /= s[d];
                if (!reduced[d]) o += (int) (c * id[d]);
            }
            r[o] = op.applyAsDouble(r[o], x.getDouble(i));
        }
        return out.elementType().isFloat() ? Tensor.ofDoubles(out, r) : Tensor.ofLongs(out, toLongs(r));
    }

    /** Permutes axes: output dim i is input dim {@code perm[i]}. */
    public static Tensor transpose(Tensor x, int[] perm, TensorType out) {
        long[] s = x.type().shape();
        long[] st = Indexing.strides(s);
        long[] os = out.shape();
        long[] permStrides = new long[perm.length];
        for (int i = 0; i < perm.length; i++) permStrides[i] = st[perm[i]];
        int n = x.size();
        if (x.isFloat()) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) r[i] = x.getDouble(Indexing.offset(i, os, permStrides));
            return Tensor.ofDoubles(out, r);
        }
        long[] r = new long[n];
        for (int i = 0; i < n; i++) r[i] = x.getLong(Indexing.offset(i, os, permStrides));
        return Tensor.ofLongs(out, r);
    }

    private static long[] toLongs(double[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) l[i] = (long) v[i];
        return l;
    }
}
