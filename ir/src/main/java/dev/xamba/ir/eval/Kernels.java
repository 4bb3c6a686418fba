package dev.xamba.ir.eval;

import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.type.TensorType;

/**
 * Reference matmul and transpose. Floats are computed in double and rounded to the result's element type once;
 * integers exactly in long. The other kernels live in {@code eval.kernels}.
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
        long[] aBs = Indexing.broadcastStrides(java.util.Arrays.copyOf(as, ra - 2), batch);
        long[] bBs = Indexing.broadcastStrides(java.util.Arrays.copyOf(bs, rb - 2), batch);
        int batches = Indexing.size(batch);
        boolean exact = !a.isFloat() && !b.isFloat();
        double[] r = exact ? null : new double[Indexing.size(os)];
        long[] rl = exact ? new long[Indexing.size(os)] : null;
        for (int bi = 0; bi < batches; bi++) {
            long aOff = Indexing.offset(bi, batch, aBs) * m * k;
            long bOff = Indexing.offset(bi, batch, bBs) * k * n;
            for (long i = 0; i < m; i++) {
                for (long j = 0; j < n; j++) {
                    int out0 = (int) ((bi * m + i) * n + j);
                    if (exact) {
                        // integers: products and sums exact in long (wrapping as the element type does), never double
                        long acc = 0;
                        for (long p = 0; p < k; p++) {
                            acc += a.getLong((int) (aOff + (transA ? p * m + i : i * k + p)))
                                    * b.getLong((int) (bOff + (transB ? j * k + p : p * n + j)));
                        }
                        rl[out0] = acc;
                        continue;
                    }
                    double acc = 0;
                    for (long p = 0; p < k; p++) {
                        double x = a.getDouble((int) (aOff + (transA ? p * m + i : i * k + p)));
                        double y = b.getDouble((int) (bOff + (transB ? j * k + p : p * n + j)));
                        acc += x * y;
                    }
                    r[out0] = acc;
                }
            }
        }
        return exact ? Elementwise.store(out, rl) : Elementwise.store(out, r);
    }

    /** Permutes axes: output dim i is input dim {@code perm[i]}. */
    public static Tensor transpose(Tensor x, int[] perm, TensorType out) {
        long[] st = Indexing.strides(x.type().shape());
        long[] os = out.shape();
        long[] permStrides = new long[perm.length];
        for (int i = 0; i < perm.length; i++) permStrides[i] = st[perm[i]];
        int n = x.size();
        StridedLoop loop = StridedLoop.of(os, permStrides);
        int len = loop.innerLength();
        int step = loop.innerStride(0);
        if (x.isFloat()) {
            double[] r = new double[n];
            for (int base = 0; base < n; base += len, loop.next()) {
                int o = loop.offset(0);
                for (int j = 0; j < len; j++) r[base + j] = x.getDouble(o + j * step);
            }
            return Tensor.ofDoubles(out, r);
        }
        long[] r = new long[n];
        for (int base = 0; base < n; base += len, loop.next()) {
            int o = loop.offset(0);
            for (int j = 0; j < len; j++) r[base + j] = x.getLong(o + j * step);
        }
        return Tensor.ofLongs(out, r);
    }
}
