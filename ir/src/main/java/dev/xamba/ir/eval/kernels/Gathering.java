package dev.xamba.ir.eval.kernels;

import dev.xamba.ir.eval.Indexing;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;

/** Kernels that pick elements by index or repeat them: gather, one-hot, expand, tile. */
public final class Gathering {
    private Gathering() {}

    /**
     * ONNX Gather: {@code out[o..., i..., n...] = data[o..., indices[i...], n...]} along {@code axis}; negative
     * indices count from the end. Throws {@link IndexOutOfBoundsException} naming the bad index.
     */
    public static Tensor gather(Tensor data, Tensor indices, int axis, TensorType out) {
        long[] ds = data.type().shape();
        long axisLen = ds[axis];
        long inner = 1;
        for (int d = axis + 1; d < ds.length; d++) inner *= ds[d];
        int count = indices.size();
        int[] resolved = new int[count];
        for (int j = 0; j < count; j++) {
            long idx = indices.getLong(j);
            long k = idx < 0 ? idx + axisLen : idx;
            if (k < 0 || k >= axisLen) {
                throw new IndexOutOfBoundsException("index " + idx + " is out of range for axis " + axis + " of size " + axisLen);
            }
            resolved[j] = (int) k;
        }
        long in = inner;
        return Remap.copy(data, out, i -> {
            long pos = i % in;
            long rest = i / in;
            long j = rest % count;
            long outer = rest / count;
            return (int) ((outer * axisLen + resolved[(int) j]) * in + pos);
        }, null);
    }

    /**
     * ONNX OneHot: a new axis {@code axis} (of the output) of length {@code depth}; the element at the (wrapped, if
     * negative) index is {@code on}, all others {@code off}. Indices outside [-depth, depth) give all {@code off}.
     */
    public static Tensor oneHot(Tensor indices, long depth, int axis, Tensor offOn, TensorType out) {
        long[] os = out.shape();
        long inner = 1;
        for (int d = axis + 1; d < os.length; d++) inner *= os[d];
        long[] hot = new long[indices.size()];
        for (int j = 0; j < hot.length; j++) {
            long idx = indices.isFloat() ? (long) indices.getDouble(j) : indices.getLong(j);
            hot[j] = idx < -depth || idx >= depth ? -1 : idx < 0 ? idx + depth : idx;
        }
        long in = inner;
        // Output flat i = (outer * depth + k) * inner + pos; its index element is (outer * inner + pos).
        return Remap.copy(offOn, out, i -> {
            long pos = i % in;
            long rest = i / in;
            long k = rest % depth;
            long outer = rest / depth;
            return hot[(int) (outer * in + pos)] == k ? 1 : 0;
        }, null);
    }

    /** Broadcasts {@code x} to {@code out}'s shape (NumPy rules; ONNX Expand after its shape is resolved). */
    public static Tensor expand(Tensor x, TensorType out) {
        long[] os = out.shape();
        long[] st = Indexing.broadcastStrides(x.type().shape(), os);
        return Remap.copy(x, out, i -> Indexing.offset(i, os, st), null);
    }

    /** ONNX Tile: output dim d is {@code repeats[d]} copies of input dim d. */
    public static Tensor tile(Tensor x, TensorType out) {
        long[] xs = x.type().shape();
        long[] xst = Indexing.strides(xs);
        long[] os = out.shape();
        long[] c = new long[os.length];
        return Remap.copy(x, out, i -> {
            Remap.unravel(i, os, c);
            for (int d = 0; d < c.length; d++) c[d] %= xs[d];
            return Remap.ravel(c, xst);
        }, null);
    }
}
