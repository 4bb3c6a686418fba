package dev.xamba.ir.eval.ov;

import dev.xamba.ir.eval.Indexing;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Remap;
import dev.xamba.ir.type.TensorType;

/** OpenVINO Gather-8 with {@code batch_dims}. */
public final class GatherKernel {
    private GatherKernel() {}

    /** The output shape: {@code data[:axis] + indices[batchDims:] + data[axis+1:]}. */
    public static long[] outShape(long[] data, long[] indices, int axis, int batchDims) {
        long[] out = new long[data.length - 1 + indices.length - batchDims];
        int j = 0;
        for (int d = 0; d < axis; d++) out[j++] = data[d];
        for (int d = batchDims; d < indices.length; d++) out[j++] = indices[d];
        for (int d = axis + 1; d < data.length; d++) out[j++] = data[d];
        return out;
    }

    /**
     * {@code out[b.., o.., i.., n..] = data[b.., o.., indices[b.., i..], n..]}: the first {@code batchDims} dims are
     * shared by data and indices. Negative indices count from the end; an index outside
     * {@code [-dim, dim)} gives 0, as OpenVINO's CPU plugin does.
     */
    public static Tensor gather(Tensor data, Tensor indices, int axis, int batchDims, TensorType out) {
        long[] ds = data.type().shape();
        long[] is = indices.type().shape();
        long[] os = out.shape();
        long[] dStrides = Indexing.strides(ds);
        long[] iStrides = Indexing.strides(is);
        int indexDims = is.length - batchDims;
        long axisLen = ds[axis];
        long[] c = new long[os.length];
        return Remap.copy(data, out, flat -> {
            Remap.unravel(flat, os, c);
            long iOff = 0;
            for (int d = 0; d < batchDims; d++) iOff += c[d] * iStrides[d];
            for (int d = 0; d < indexDims; d++) iOff += c[axis + d] * iStrides[batchDims + d];
            long idx = indices.getLong((int) iOff);
            if (idx < 0) idx += axisLen;
            if (idx < 0 || idx >= axisLen) return Remap.FILL;
            long off = idx * dStrides[axis];
            for (int d = 0; d < axis; d++) off += c[d] * dStrides[d];
            for (int d = axis + 1; d < ds.length; d++) off += c[d - 1 + indexDims] * dStrides[d];
            return (int) off;
        }, null);
    }
}
