package dev.xamba.ir.eval.kernels;

import dev.xamba.ir.eval.Indexing;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;

/** Kernels that cut tensors into pieces or join them: strided slices, split, concat. */
public final class Slicing {
    private Slicing() {}

    /**
     * Output element at coordinates {@code c} is input element {@code start + c * step} per dim (starts and steps
     * already resolved and clamped; negative steps walk backwards).
     */
    public static Tensor strided(Tensor x, long[] start, long[] step, TensorType out) {
        long[] xst = Indexing.strides(x.type().shape());
        long[] os = out.shape();
        long[] c = new long[os.length];
        return Remap.copy(x, out, i -> {
            Remap.unravel(i, os, c);
            long off = 0;
            for (int d = 0; d < c.length; d++) off += (start[d] + c[d] * step[d]) * xst[d];
            return (int) off;
        }, null);
    }

    /** Splits along {@code axis} into consecutive pieces of the given lengths. */
    public static List<Tensor> split(Tensor x, int axis, long[] lengths) {
        long[] xs = x.type().shape();
        long[] step = new long[xs.length];
        java.util.Arrays.fill(step, 1);
        List<Tensor> parts = new ArrayList<>(lengths.length);
        long offset = 0;
        for (long len : lengths) {
            long[] start = new long[xs.length];
            start[axis] = offset;
            long[] shape = xs.clone();
            shape[axis] = len;
            parts.add(strided(x, start, step, x.type().withShape(shape)));
            offset += len;
        }
        return parts;
    }

    /** Joins tensors of one element type along {@code axis}; other dims are equal. */
    public static Tensor concat(List<Tensor> inputs, int axis, TensorType out) {
        long[] os = out.shape();
        long inner = 1;
        for (int d = axis + 1; d < os.length; d++) inner *= os[d];
        long outAxis = os[axis];
        // For each position along the output axis: which input, and the position inside it.
        int[] owner = new int[(int) outAxis];
        long[] local = new long[(int) outAxis];
        long[] inputAxis = new long[inputs.size()];
        int p = 0;
        for (int k = 0; k < inputs.size(); k++) {
            inputAxis[k] = inputs.get(k).type().dim(axis);
            for (long j = 0; j < inputAxis[k]; j++, p++) {
                owner[p] = k;
                local[p] = j;
            }
        }
        int n = Math.toIntExact(out.numElements());
        long in = inner;
        if (out.elementType().isFloat()) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                long pos = i % in;
                long rest = i / in;
                int a = (int) (rest % outAxis);
                long outer = rest / outAxis;
                int k = owner[a];
                r[i] = inputs.get(k).getDouble((int) ((outer * inputAxis[k] + local[a]) * in + pos));
            }
            return Tensor.ofDoubles(out, r);
        }
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            long pos = i % in;
            long rest = i / in;
            int a = (int) (rest % outAxis);
            long outer = rest / outAxis;
            int k = owner[a];
            r[i] = inputs.get(k).getLong((int) ((outer * inputAxis[k] + local[a]) * in + pos));
        }
        return Tensor.ofLongs(out, r);
    }
}
