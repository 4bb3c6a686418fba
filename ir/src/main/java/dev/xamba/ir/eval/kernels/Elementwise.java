package dev.xamba.ir.eval.kernels;

import dev.xamba.ir.eval.Indexing;
import dev.xamba.ir.eval.StridedLoop;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Elementwise kernels with NumPy broadcasting. The input element type picks the arithmetic (double for float
 * inputs, exact long for integer and boolean inputs); the output type only decides how results are stored,
 * so comparisons of floats can produce booleans and float powers of integers can truncate.
 */
public final class Elementwise {
    private Elementwise() {}

    /** {@code out[i] = f(x[i])} on doubles, or {@code g(x[i])} on longs for integer inputs. */
    public static Tensor map(Tensor x, TensorType out, DoubleUnaryOperator f, LongUnaryOperator g) {
        int n = x.size();
        if (x.isFloat()) {
            if (Tensor.heldAsFloats(x.elementType()) && Tensor.heldAsFloats(out.elementType())) {
                // a bulk copy, then one call per element: import folds whole weights (-exp(A_log)) with this
                // before the JIT has compiled it
                float[] r = x.toFloats();
                for (int i = 0; i < n; i++) r[i] = (float) f.applyAsDouble(r[i]);
                return Tensor.ofFloats(out, r);
            }
            if (Tensor.heldAsFloats(out.elementType())) {
                float[] r = new float[n];
                for (int i = 0; i < n; i++) r[i] = (float) f.applyAsDouble(x.getDouble(i));
                return Tensor.ofFloats(out, r);
            }
            double[] r = new double[n];
            for (int i = 0; i < n; i++) r[i] = f.applyAsDouble(x.getDouble(i));
            return store(out, r);
        }
        long[] r = x.toLongs(); // a bulk copy: reading through getLong is a call per element, costly before the JIT
        for (int i = 0; i < n; i++) r[i] = g.applyAsLong(r[i]);
        return store(out, r);
    }

    /**
     * Boolean NOT, {@code out[i] = x[i] == 0}: a plain loop rather than {@link #map}'s call per element, as folds of
     * 256×256 attention masks run it at import, before the JIT has compiled anything.
     */
    public static Tensor not(Tensor x, TensorType out) {
        long[] r = x.toLongs();
        for (int i = 0; i < r.length; i++) r[i] = r[i] == 0 ? 1 : 0;
        return Tensor.ofLongs(out, r);
    }

    /** {@code out[i] = f(a[i], b[i])} on doubles (inputs read as doubles whatever their type), broadcast. */
    public static Tensor zipDoubles(Tensor a, Tensor b, TensorType out, DoubleBinaryOperator f) {
        long[] os = out.shape();
        StridedLoop loop = StridedLoop.of(os, Indexing.broadcastStrides(a.type().shape(), os),
                Indexing.broadcastStrides(b.type().shape(), os));
        int n = Indexing.size(os);
        int len = loop.innerLength();
        int ia = loop.innerStride(0);
        int ib = loop.innerStride(1);
        if (Tensor.heldAsFloats(out.elementType())) {
            float[] r = new float[n];
            for (int base = 0; base < n; base += len, loop.next()) {
                int oa = loop.offset(0);
                int ob = loop.offset(1);
                for (int j = 0; j < len; j++) r[base + j] = (float) f.applyAsDouble(a.getDouble(oa + j * ia), b.getDouble(ob + j * ib));
            }
            return Tensor.ofFloats(out, r);
        }
        double[] r = new double[n];
        for (int base = 0; base < n; base += len, loop.next()) {
            int oa = loop.offset(0);
            int ob = loop.offset(1);
            for (int j = 0; j < len; j++) r[base + j] = f.applyAsDouble(a.getDouble(oa + j * ia), b.getDouble(ob + j * ib));
        }
        return store(out, r);
    }

    /** {@code out[i] = g(a[i], b[i])} on exact longs, broadcast; for integer and boolean inputs. */
    public static Tensor zipLongs(Tensor a, Tensor b, TensorType out, LongBinaryOperator g) {
        long[] os = out.shape();
        StridedLoop loop = StridedLoop.of(os, Indexing.broadcastStrides(a.type().shape(), os),
                Indexing.broadcastStrides(b.type().shape(), os));
        long[] r = new long[Indexing.size(os)];
        int len = loop.innerLength();
        int ia = loop.innerStride(0);
        int ib = loop.innerStride(1);
        for (int base = 0; base < r.length; base += len, loop.next()) {
            int oa = loop.offset(0);
            int ob = loop.offset(1);
            for (int j = 0; j < len; j++) r[base + j] = g.applyAsLong(a.getLong(oa + j * ia), b.getLong(ob + j * ib));
        }
        return store(out, r);
    }

    /** {@code zipDoubles} for float inputs, {@code zipLongs} otherwise (decided by {@code a}'s element type). */
    public static Tensor zip(Tensor a, Tensor b, TensorType out, DoubleBinaryOperator f, LongBinaryOperator g) {
        return a.isFloat() ? zipDoubles(a, b, out, f) : zipLongs(a, b, out, g);
    }

    /** {@code out[i] = cond[i] ? x[i] : y[i]} with three-way broadcasting. */
    public static Tensor where(Tensor cond, Tensor x, Tensor y, TensorType out) {
        long[] os = out.shape();
        StridedLoop loop = StridedLoop.of(os, Indexing.broadcastStrides(cond.type().shape(), os),
                Indexing.broadcastStrides(x.type().shape(), os), Indexing.broadcastStrides(y.type().shape(), os));
        int n = Indexing.size(os);
        int len = loop.innerLength();
        int ic = loop.innerStride(0);
        int ix = loop.innerStride(1);
        int iy = loop.innerStride(2);
        if (x.isFloat()) {
            double[] r = new double[n];
            for (int base = 0; base < n; base += len, loop.next()) {
                int oc = loop.offset(0);
                int ox = loop.offset(1);
                int oy = loop.offset(2);
                for (int j = 0; j < len; j++) {
                    r[base + j] = cond.getLong(oc + j * ic) != 0 ? x.getDouble(ox + j * ix) : y.getDouble(oy + j * iy);
                }
            }
            return Tensor.ofDoubles(out, r);
        }
        long[] r = new long[n];
        for (int base = 0; base < n; base += len, loop.next()) {
            int oc = loop.offset(0);
            int ox = loop.offset(1);
            int oy = loop.offset(2);
            for (int j = 0; j < len; j++) {
                r[base + j] = cond.getLong(oc + j * ic) != 0 ? x.getLong(ox + j * ix) : y.getLong(oy + j * iy);
            }
        }
        return Tensor.ofLongs(out, r);
    }

    /** Stores double results, truncating toward zero when the output is an integer type (booleans: non-zero). */
    public static Tensor store(TensorType out, double[] r) {
        if (out.elementType().isFloat()) return Tensor.ofDoubles(out, r);
        long[] l = new long[r.length];
        for (int i = 0; i < r.length; i++) l[i] = out.elementType().isBool() ? (r[i] != 0 ? 1 : 0) : (long) r[i];
        return Tensor.ofLongs(out, l);
    }

    /** Stores exact long results, rounding each once when the output is a float type. */
    public static Tensor store(TensorType out, long[] r) {
        return out.elementType().isFloat() ? Tensor.ofIntegers(out, r) : Tensor.ofLongs(out, r);
    }
}
