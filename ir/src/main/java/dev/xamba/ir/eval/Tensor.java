package dev.xamba.ir.eval;

import dev.xamba.ir.ops.ElementCounts;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A concrete tensor value with a static shape, used by constant folding and the reference evaluator.
 * Floating-point elements are held as doubles already rounded to the element type (so f32 arithmetic in
 * double and a final rounding matches f32 within one ulp); integer and boolean elements as longs.
 */
public final class Tensor {
    private final TensorType type;
    private final double[] floats;
    private final long[] ints;

    private Tensor(TensorType type, double[] floats, long[] ints) {
        if (!type.hasStaticShape()) throw new IllegalArgumentException("tensor value needs a static shape: " + type);
        long n = type.numElements();
        int len = floats != null ? floats.length : ints.length;
        if (n != len) throw new IllegalArgumentException(type + " needs " + n + " elements, got " + len);
        this.type = type;
        this.floats = floats;
        this.ints = ints;
    }

    /** A float tensor; values are rounded to the element type. The array is taken over, not copied. */
    public static Tensor ofDoubles(TensorType type, double[] values) {
        if (!type.elementType().isFloat()) throw new IllegalArgumentException("not a float type: " + type);
        for (int i = 0; i < values.length; i++) values[i] = round(type.elementType(), values[i]);
        return new Tensor(type, values, null);
    }

    /** An integer or boolean tensor; values wrap to the element type. The array is taken over, not copied. */
    public static Tensor ofLongs(TensorType type, long[] values) {
        if (type.elementType().isFloat()) throw new IllegalArgumentException("not an integer type: " + type);
        for (int i = 0; i < values.length; i++) values[i] = wrap(type.elementType(), values[i]);
        return new Tensor(type, null, values);
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
            case F16 -> HalfFloat.toFloat(HalfFloat.fromFloat((float) v));
            case BF16 -> HalfFloat.bf16ToFloat(HalfFloat.bf16FromFloat((float) v));
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

    public int size() { return floats != null ? floats.length : ints.length; }

    public boolean isFloat() { return floats != null; }

    public double getDouble(int i) { return floats != null ? floats[i] : ints[i]; }

    public long getLong(int i) { return floats != null ? (long) floats[i] : ints[i]; }

    /** A copy of the elements as doubles. */
    public double[] toDoubles() {
        if (floats != null) return floats.clone();
        double[] d = new double[ints.length];
        for (int i = 0; i < d.length; i++) d[i] = ints[i];
        return d;
    }

    /** A copy of the elements as longs (floats truncate toward zero). */
    public long[] toLongs() {
        if (ints != null) return ints.clone();
        long[] l = new long[floats.length];
        for (int i = 0; i < l.length; i++) l[i] = (long) floats[i];
        return l;
    }

    public boolean isSplat() {
        for (int i = 1; i < size(); i++) {
            if (floats != null ? Double.compare(floats[i], floats[0]) != 0 : ints[i] != ints[0]) return false;
        }
        return true;
    }

    /** The same elements with another shape of equal element count. */
    public Tensor reshape(TensorType newType) {
        if (newType.elementType() != elementType()) throw new IllegalArgumentException("element type differs");
        return new Tensor(newType, floats, ints);
    }

    /** Little-endian raw bytes, as in ONNX raw_data and an OpenVINO .bin (i1 one byte per element). */
    public byte[] toBytes() {
        ElementType et = elementType();
        ByteBuffer b = ByteBuffer.allocate(size() * et.byteWidth()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < size(); i++) {
            switch (et) {
                case F64 -> b.putDouble(floats[i]);
                case F32 -> b.putFloat((float) floats[i]);
                case F16 -> b.putShort(HalfFloat.fromFloat((float) floats[i]));
                case BF16 -> b.putShort(HalfFloat.bf16FromFloat((float) floats[i]));
                case I64 -> b.putLong(ints[i]);
                case I32 -> b.putInt((int) ints[i]);
                case I16 -> b.putShort((short) ints[i]);
                case I8, U8, I1 -> b.put((byte) ints[i]);
            }
        }
        return b.array();
    }

    /** Reads little-endian raw bytes starting at the buffer's position, without changing it. */
    public static Tensor fromBytes(TensorType type, ByteBuffer src) {
        ByteBuffer b = src.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int n = ElementCounts.forEvaluator(type);
        ElementType et = type.elementType();
        if (b.remaining() < (long) n * et.byteWidth()) {
            throw new IllegalArgumentException(type + " needs " + (long) n * et.byteWidth() + " bytes, have " + b.remaining());
        }
        if (et.isFloat()) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = switch (et) {
                    case F64 -> b.getDouble();
                    case F32 -> b.getFloat();
                    case F16 -> HalfFloat.toFloat(b.getShort());
                    default -> HalfFloat.bf16ToFloat(b.getShort());
                };
            }
            return new Tensor(type, v, null);
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (et) {
                case I64 -> b.getLong();
                case I32 -> b.getInt();
                case I16 -> b.getShort();
                case I8 -> b.get();
                case U8 -> b.get() & 0xff;
                default -> b.get() != 0 ? 1 : 0;
            };
        }
        return new Tensor(type, null, v);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor t) || !t.type.equals(type)) return false;
        return floats != null ? Arrays.equals(floats, t.floats) : Arrays.equals(ints, t.ints);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + (floats != null ? Arrays.hashCode(floats) : Arrays.hashCode(ints));
    }

    @Override
    public String toString() {
        return type + (floats != null ? Arrays.toString(floats) : Arrays.toString(ints));
    }
}
