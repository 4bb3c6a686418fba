package dev.xamba.ir.eval;

import dev.xamba.ir.ops.ElementCounts;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A concrete tensor value with a static shape, used by constant folding and the reference evaluator.
 * Floating-point elements are held already rounded to the element type (so f32 arithmetic in double and a final
 * rounding matches f32 within one ulp): f64 as doubles, f32, f16 and bf16 as floats (exact for them, and half the
 * memory); integer and boolean elements as longs.
 */
public final class Tensor {
    private final TensorType type;
    private final double[] floats;  // f64
    private final float[] singles;  // f32, f16, bf16
    private final long[] ints;
    private int hash; // 0: not computed yet (a tensor whose hash is 0 recomputes it, harmlessly)
    private volatile ByteBuffer encoding; // toBytes() made once, for the constants that hold this tensor (see encoded())

    private Tensor(TensorType type, double[] floats, float[] singles, long[] ints) {
        if (!type.hasStaticShape()) throw new IllegalArgumentException("tensor value needs a static shape: " + type);
        long n = type.numElements();
        int len = floats != null ? floats.length : singles != null ? singles.length : ints.length;
        if (n != len) throw new IllegalArgumentException(type + " needs " + n + " elements, got " + len);
        this.type = type;
        this.floats = floats;
        this.singles = singles;
        this.ints = ints;
    }

    /**
     * A float tensor; values are rounded to the element type. For f64 the array is taken over, not copied; the
     * narrower types keep floats, so kernels with large results should build them with {@link #ofFloats}.
     */
    public static Tensor ofDoubles(TensorType type, double[] values) {
        ElementType et = type.elementType();
        if (!et.isFloat()) throw new IllegalArgumentException("not a float type: " + type);
        if (et == ElementType.F64) return new Tensor(type, values, null, null);
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) f[i] = (float) round(et, values[i]);
        return new Tensor(type, null, f, null);
    }

    /**
     * A float tensor from floats (each already the f32 rounding of the exact result); f16 and bf16 values are
     * rounded further. The array is taken over, not copied (for f64 it is widened).
     */
    public static Tensor ofFloats(TensorType type, float[] values) {
        ElementType et = type.elementType();
        if (!et.isFloat()) throw new IllegalArgumentException("not a float type: " + type);
        if (et == ElementType.F64) {
            double[] d = new double[values.length];
            for (int i = 0; i < values.length; i++) d[i] = values[i];
            return new Tensor(type, d, null, null);
        }
        if (et != ElementType.F32) for (int i = 0; i < values.length; i++) values[i] = (float) round(et, values[i]);
        return new Tensor(type, null, values, null);
    }

    /**
     * A float tensor of integers, each rounded once to the element type. Through double, an integer above 2^53
     * rounded twice: 2^60 + 2^36 + 1 became 2^60 + 2^36, a tie that f32 then rounded to 2^60 rather than up.
     */
    public static Tensor ofIntegers(TensorType type, long[] values) {
        ElementType et = type.elementType();
        if (et == ElementType.F64) {
            double[] d = new double[values.length];
            for (int i = 0; i < values.length; i++) d[i] = values[i]; // long to double rounds once
            return new Tensor(type, d, null, null);
        }
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) f[i] = roundInteger(et, values[i]);
        return ofFloats(type, f); // f16 and bf16 hold them exactly, or overflow to infinity there
    }

    /** An integer rounded once to the precision of f32, f16 or bf16, as a float. */
    private static float roundInteger(ElementType et, long v) {
        return switch (et) {
            case F32 -> v; // long to float rounds once (JLS 5.1.2)
            case F16 -> roundToBits(v, 11); // through float would round twice
            case BF16 -> roundToBits(v, 8);
            default -> throw new IllegalArgumentException("not a float type narrower than f64: " + et);
        };
    }

    /** {@code v} rounded to {@code bits} significant bits, ties to even; exact as a float for bits up to 24. */
    private static float roundToBits(long v, int bits) {
        long m = Math.abs(v); // Long.MIN_VALUE stays itself: 2^63 read unsigned, as >>> and & read it
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(m) - bits);
        long kept = m >>> shift;
        if (shift > 0) {
            long rest = m & ((1L << shift) - 1);
            long half = 1L << (shift - 1);
            if (rest > half || rest == half && (kept & 1) != 0) kept++;
        }
        float r = Math.scalb((float) kept, shift);
        return v < 0 ? -r : r;
    }

    /** Whether results of this element type are held as floats: kernels then build them with {@link #ofFloats}. */
    public static boolean heldAsFloats(ElementType et) {
        return et.isFloat() && et != ElementType.F64;
    }

    /** An integer or boolean tensor; values wrap to the element type. The array is taken over, not copied. */
    public static Tensor ofLongs(TensorType type, long[] values) {
        if (type.elementType().isFloat()) throw new IllegalArgumentException("not an integer type: " + type);
        ElementType et = type.elementType();
        if (et == ElementType.I1) {
            for (int i = 0; i < values.length; i++) values[i] = values[i] != 0 ? 1 : 0;
        } else if (et != ElementType.I64) { // i64 needs no wrapping: skip a call per element
            for (int i = 0; i < values.length; i++) values[i] = wrap(et, values[i]);
        }
        return new Tensor(type, null, null, values);
    }

    /** A tensor of any element type filled with one value. */
    public static Tensor splat(TensorType type, double value) {
        int n = ElementCounts.forEvaluator(type);
        if (type.elementType().isFloat()) {
            double[] v = new double[n];
            Arrays.fill(v, value);
            return ofDoubles(type, v);
        }
        long[] v = new long[n];
        Arrays.fill(v, (long) value);
        return ofLongs(type, v);
    }

    /** Rounds a double to what the element type can hold. */
    public static double round(ElementType et, double v) {
        return switch (et) {
            case F32 -> (float) v;
            case F16 -> HalfFloat.toFloat(HalfFloat.fromDouble(v));
            case BF16 -> HalfFloat.bf16ToFloat(HalfFloat.bf16FromDouble(v));
            case F64 -> v;
            default -> wrap(et, (long) v);
        };
    }

    /** Two's-complement wrap of an integer to the element type's width; booleans become 0 or 1. */
    public static long wrap(ElementType et, long v) {
        return switch (et) {
            case I32 -> (int) v;
            case I16 -> (short) v;
            case I8 -> (byte) v;
            case U8 -> v & 0xff;
            case I1 -> v != 0 ? 1 : 0;
            default -> v;
        };
    }

    public TensorType type() { return type; }

    public ElementType elementType() { return type.elementType(); }

    public int size() { return singles != null ? singles.length : floats != null ? floats.length : ints.length; }

    public boolean isFloat() { return ints == null; }

    public double getDouble(int i) { return singles != null ? singles[i] : floats != null ? floats[i] : ints[i]; }

    public long getLong(int i) { return ints != null ? ints[i] : (long) getDouble(i); }

    /** A copy of the elements as doubles. */
    public double[] toDoubles() {
        if (floats != null) return floats.clone();
        double[] d = new double[size()];
        for (int i = 0; i < d.length; i++) d[i] = getDouble(i);
        return d;
    }

    /** A copy of the elements as floats (f64 and integers rounded to the nearest float). */
    public float[] toFloats() {
        if (singles != null) return singles.clone();
        float[] f = new float[size()];
        for (int i = 0; i < f.length; i++) f[i] = (float) getDouble(i);
        return f;
    }

    /** A copy of the elements as longs (floats truncate toward zero). */
    public long[] toLongs() {
        if (ints != null) return ints.clone();
        long[] l = new long[size()];
        for (int i = 0; i < l.length; i++) l[i] = (long) getDouble(i);
        return l;
    }

    /** Whether every element has the same bits: a splat prints as its first element alone. */
    public boolean isSplat() {
        // Each element against the next, by Arrays.mismatch: one bulk comparison rather than a call per element in
        // the interpreter. Its float equality is Double.compare's: -0 differs from 0, but NaNs of any bits are one,
        // so when the elements are NaN their raw bits are compared as well (dense<[0x7FC00000, 0xFFC00001]> lost
        // its second NaN).
        int n = size();
        if (n < 2) return true;
        if (singles != null) {
            if (Arrays.mismatch(singles, 1, n, singles, 0, n - 1) >= 0) return false;
            if (!Float.isNaN(singles[0])) return true;
            for (int i = 1; i < n; i++) if (Float.floatToRawIntBits(singles[i]) != Float.floatToRawIntBits(singles[0])) return false;
            return true;
        }
        if (floats != null) {
            if (Arrays.mismatch(floats, 1, n, floats, 0, n - 1) >= 0) return false;
            if (!Double.isNaN(floats[0])) return true;
            for (int i = 1; i < n; i++) if (Double.doubleToRawLongBits(floats[i]) != Double.doubleToRawLongBits(floats[0])) return false;
            return true;
        }
        return Arrays.mismatch(ints, 1, n, ints, 0, n - 1) < 0;
    }

    /**
     * A copy that keeps, in row {@code r} of every trailing rows×cols matrix, the columns {@code [from[r], to[r])}
     * and zeroes the others (a band, as Trilu keeps). One array copy per row rather than a call per element: folds
     * of big constants run before the JIT has compiled anything.
     */
    public Tensor keepingColumns(int[] from, int[] to) {
        long[] s = type.shape();
        int rows = (int) s[s.length - 2];
        int cols = (int) s[s.length - 1];
        if (from.length != rows || to.length != rows) throw new IllegalArgumentException("one range per row of " + type);
        Object src = floats != null ? floats : singles != null ? singles : ints;
        Object dst = java.lang.reflect.Array.newInstance(src.getClass().getComponentType(), size());
        for (int base = 0; base < size(); base += rows * cols) {
            for (int r = 0; r < rows; r++) {
                int a = Math.max(0, from[r]);
                int b = Math.min(cols, to[r]);
                if (a < b) System.arraycopy(src, base + r * cols + a, dst, base + r * cols + a, b - a);
            }
        }
        return new Tensor(type, floats != null ? (double[]) dst : null, singles != null ? (float[]) dst : null,
                ints != null ? (long[]) dst : null);
    }

    /** The same elements with another shape of equal element count. */
    public Tensor reshape(TensorType newType) {
        if (newType.elementType() != elementType()) throw new IllegalArgumentException("element type differs");
        return new Tensor(newType, floats, singles, ints);
    }

    /** Little-endian raw bytes, as in ONNX raw_data and an OpenVINO .bin (i1 one byte per element). */
    public byte[] toBytes() {
        ElementType et = elementType();
        ByteBuffer b = ByteBuffer.allocate(size() * et.byteWidth()).order(ByteOrder.LITTLE_ENDIAN);
        // Bulk copies, else one plain loop per type: folding big constants runs this before the JIT has compiled it,
        // where a switch per element costs several times the copy.
        switch (et) {
            case F64 -> b.asDoubleBuffer().put(floats);
            case F32 -> b.asFloatBuffer().put(singles);
            case I64 -> b.asLongBuffer().put(ints);
            case I8, U8, I1 -> {
                byte[] a = b.array();
                for (int i = 0; i < a.length; i++) a[i] = (byte) ints[i];
            }
            case F16 -> { for (float f : singles) b.putShort(HalfFloat.fromFloat(f)); }
            case BF16 -> { for (float f : singles) b.putShort(HalfFloat.bf16FromFloat(f)); }
            case I32 -> { for (long l : ints) b.putInt((int) l); }
            case I16 -> { for (long l : ints) b.putShort((short) l); }
        }
        return b.array();
    }

    /**
     * {@link #toBytes()} as a read-only view, encoded on first use and then shared by every caller. The constants
     * of one fold repeated across a model's layers hold one tensor (the import's fold memo), so they share one
     * encoding instead of one each: the 96-layer Mamba-2 held 96 copies of a 768 KiB zero state until it was written.
     * Two threads that both encode first make equal bytes; either is kept.
     */
    public ByteBuffer encoded() {
        ByteBuffer e = encoding;
        if (e == null) {
            e = ByteBuffer.wrap(toBytes()).asReadOnlyBuffer();
            encoding = e;
        }
        return e.duplicate();
    }

    /** Reads little-endian raw bytes starting at the buffer's position, without changing it. */
    public static Tensor fromBytes(TensorType type, ByteBuffer src) {
        ByteBuffer b = src.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int n = ElementCounts.forEvaluator(type);
        ElementType et = type.elementType();
        if (b.remaining() < (long) n * et.byteWidth()) {
            throw new IllegalArgumentException(type + " needs " + (long) n * et.byteWidth() + " bytes, have " + b.remaining());
        }
        if (et == ElementType.F64) {
            double[] v = new double[n];
            b.asDoubleBuffer().get(v);
            return new Tensor(type, v, null, null);
        }
        if (et.isFloat()) {
            float[] v = new float[n];
            if (et == ElementType.F32) {
                b.asFloatBuffer().get(v);
            } else {
                for (int i = 0; i < n; i++) {
                    short h = b.getShort();
                    v[i] = et == ElementType.F16 ? HalfFloat.toFloat(h) : HalfFloat.bf16ToFloat(h);
                }
            }
            return new Tensor(type, null, v, null);
        }
        long[] v = new long[n];
        if (et == ElementType.I64) {
            b.asLongBuffer().get(v);
            return new Tensor(type, null, null, v);
        }
        if (et == ElementType.I1 || et == ElementType.U8 || et == ElementType.I8) {
            byte[] raw = new byte[n];
            b.get(raw);
            if (et == ElementType.I1) for (int i = 0; i < n; i++) v[i] = raw[i] != 0 ? 1 : 0;
            else if (et == ElementType.U8) for (int i = 0; i < n; i++) v[i] = raw[i] & 0xff;
            else for (int i = 0; i < n; i++) v[i] = raw[i];
            return new Tensor(type, null, null, v);
        }
        // i32 and i16, the types left
        for (int i = 0; i < n; i++) v[i] = et == ElementType.I32 ? b.getInt() : b.getShort();
        return new Tensor(type, null, null, v);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor t) || !t.type.equals(type)) return false;
        return Arrays.equals(floats, t.floats) && Arrays.equals(singles, t.singles) && Arrays.equals(ints, t.ints);
    }

    /**
     * {@link #equals} and, in addition, the same bits in every element: NaNs of different payloads, which
     * {@code equals} treats as one NaN, differ here. For reusing a result computed from {@code t} in place of one
     * computed from this tensor, which must give the same bytes.
     */
    public boolean sameBits(Tensor t) {
        if (this == t) return true;
        if (!t.type.equals(type) || (singles == null) != (t.singles == null) || (floats == null) != (t.floats == null)
                || !Arrays.equals(ints, t.ints)) {
            return false;
        }
        // One pass over the floats, by their raw bits (equals' Arrays.equals would first compare them as values);
        // equal types have equal element counts.
        if (singles != null) {
            for (int i = 0; i < singles.length; i++) {
                if (Float.floatToRawIntBits(singles[i]) != Float.floatToRawIntBits(t.singles[i])) return false;
            }
        }
        if (floats != null) {
            for (int i = 0; i < floats.length; i++) {
                if (Double.doubleToRawLongBits(floats[i]) != Double.doubleToRawLongBits(t.floats[i])) return false;
            }
        }
        return true;
    }

    /** Cached: CSE hashes every constant operation on each sweep, and big folded constants hash slowly cold. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = type.hashCode() * 31 + (singles != null ? Arrays.hashCode(singles)
                    : floats != null ? Arrays.hashCode(floats) : Arrays.hashCode(ints));
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return type + (singles != null ? Arrays.toString(singles)
                : floats != null ? Arrays.toString(floats) : Arrays.toString(ints));
    }
}
