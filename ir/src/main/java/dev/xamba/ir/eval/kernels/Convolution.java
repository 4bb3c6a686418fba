package dev.xamba.ir.eval.kernels;

import dev.xamba.ir.eval.Indexing;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;

/** N-dimensional grouped convolution (ONNX Conv, cross-correlation as in every framework). */
public final class Convolution {
    private Convolution() {}

    /**
     * {@code out[n, m, o...] = bias[m] + sum_{c, k...} x[n, g*Cg + c, o*stride - padBegin + k*dilation] * w[m, c, k...]}
     * where {@code g = m / (M / group)} and positions outside the input read as zero. Shapes are already checked:
     * x {@code [N, C, D...]}, w {@code [M, C/group, K...]}, bias {@code [M]} or null, out {@code [N, M, O...]}.
     */
    public static Tensor conv(Tensor x, Tensor w, Tensor bias, long[] strides, long[] dilations, long[] padBegin,
                              long group, TensorType out) {
        long[] xs = x.type().shape();
        long[] ws = w.type().shape();
        long[] os = out.shape();
        int spatial = xs.length - 2;
        long[] inSpatial = java.util.Arrays.copyOfRange(xs, 2, xs.length);
        long[] kernel = java.util.Arrays.copyOfRange(ws, 2, ws.length);
        long[] outSpatial = java.util.Arrays.copyOfRange(os, 2, os.length);
        long[] inStrides = Indexing.strides(inSpatial);
        long inPlane = Indexing.size(inSpatial);
        int kernelSize = Indexing.size(kernel);
        int outPlane = Indexing.size(outSpatial);
        long channelsPerGroup = ws[1];
        long outPerGroup = os[1] / group;
        long[][] kernelCoords = new long[kernelSize][spatial];
        for (int k = 0; k < kernelSize; k++) Remap.unravel(k, kernel, kernelCoords[k]);

        double[] xv = x.toDoubles();
        double[] wv = w.toDoubles();
        double[] r = new double[Math.toIntExact(out.numElements())];
        long[] o = new long[spatial];
        int[] inOffset = new int[kernelSize];
        for (int p = 0; p < outPlane; p++) {
            Remap.unravel(p, outSpatial, o);
            // Offsets of the input positions this output position reads, or -1 where they fall into padding.
            for (int k = 0; k < kernelSize; k++) {
                long off = 0;
                for (int d = 0; d < spatial; d++) {
                    long pos = o[d] * strides[d] - padBegin[d] + kernelCoords[k][d] * dilations[d];
                    if (pos < 0 || pos >= inSpatial[d]) {
                        off = -1;
                        break;
                    }
                    off += pos * inStrides[d];
                }
                inOffset[k] = (int) off;
            }
            for (long n = 0; n < os[0]; n++) {
                for (long m = 0; m < os[1]; m++) {
                    long g = m / outPerGroup;
                    double acc = bias == null ? 0.0 : bias.getDouble((int) m);
                    for (long c = 0; c < channelsPerGroup; c++) {
                        long xBase = (n * xs[1] + g * channelsPerGroup + c) * inPlane;
                        long wBase = (m * channelsPerGroup + c) * kernelSize;
                        for (int k = 0; k < kernelSize; k++) {
                            if (inOffset[k] >= 0) acc += xv[(int) (xBase + inOffset[k])] * wv[(int) (wBase + k)];
                        }
                    }
                    r[(int) ((n * os[1] + m) * outPlane + p)] = acc;
                }
            }
        }
        return Tensor.ofDoubles(out, r);
    }
}
