package dev.xamba.openvino;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An immutable host copy of a tensor: element type, static shape and the elements as little-endian
 * bytes in row-major order (the layout OpenVINO uses on x86-64). Inputs are built with the
 * {@code of...} factories, outputs are read with the {@code to...Array} methods, which widen or
 * convert from any compatible element type (e.g. {@link #toFloatArray()} also reads f16).
 */
public final class OvTensorData {
    private final OvElementType elementType;
    private final long[] shape;
    private final ByteBuffer bytes;

    /**
     * @param elementType a transferable type ({@link OvElementType#isTransferable()})
     * @param shape the static shape; empty for a scalar
     * @param data exactly {@code elementCount * byteSize} bytes between position and limit, little-endian;
     *             they are copied, the buffer is not changed
     */
    public OvTensorData(OvElementType elementType, long[] shape, ByteBuffer data) {
        if (!elementType.isTransferable()) {
            throw new IllegalArgumentException("element type " + elementType.irName()
                    + " cannot be transferred to or from Java");
        }
        this.elementType = elementType;
        this.shape = shape.clone();
        long byteCount = Math.multiplyExact(elementCount(this.shape), (long) elementType.byteSize()); // 2^61 f64s overflowed to 0 bytes
        if (data.remaining() != byteCount) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " of " + elementType.irName()
                    + " needs " + byteCount + " bytes, got " + data.remaining());
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).flip();
        this.bytes = copy.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** An f32 tensor. */
    public static OvTensorData ofFloats(long[] shape, float... values) {
        ByteBuffer buffer = allocate(values.length, 4);
        buffer.asFloatBuffer().put(values);
        return new OvTensorData(OvElementType.F32, shape, buffer);
    }

    /** An f16 tensor holding {@code values} rounded to half precision. */
    public static OvTensorData ofFloat16(long[] shape, float... values) {
        ByteBuffer buffer = allocate(values.length, 2);
        for (float value : values) {
            buffer.putShort(HalfFloats.toF16(value));
        }
        return new OvTensorData(OvElementType.F16, shape, buffer.flip());
    }

    /** An f64 tensor. */
    public static OvTensorData ofDoubles(long[] shape, double... values) {
        ByteBuffer buffer = allocate(values.length, 8);
        buffer.asDoubleBuffer().put(values);
        return new OvTensorData(OvElementType.F64, shape, buffer);
    }

    /** An i64 tensor. */
    public static OvTensorData ofLongs(long[] shape, long... values) {
        ByteBuffer buffer = allocate(values.length, 8);
        buffer.asLongBuffer().put(values);
        return new OvTensorData(OvElementType.I64, shape, buffer);
    }

    /** An i32 tensor. */
    public static OvTensorData ofInts(long[] shape, int... values) {
        ByteBuffer buffer = allocate(values.length, 4);
        buffer.asIntBuffer().put(values);
        return new OvTensorData(OvElementType.I32, shape, buffer);
    }

    /** A u8 tensor; each byte is read as 0..255. */
    public static OvTensorData ofUnsignedBytes(long[] shape, byte... values) {
        return new OvTensorData(OvElementType.U8, shape, ByteBuffer.wrap(values));
    }

    /** A boolean tensor (one byte per element, 0 or 1). */
    public static OvTensorData ofBooleans(long[] shape, boolean... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) (values[i] ? 1 : 0);
        }
        return new OvTensorData(OvElementType.BOOLEAN, shape, ByteBuffer.wrap(bytes));
    }

    /** The element type. */
    public OvElementType elementType() {
        return elementType;
    }

    /** A copy of the shape; empty for a scalar. */
    public long[] shape() {
        return shape.clone();
    }

    /** The number of elements (1 for a scalar). */
    public long elementCount() {
        return elementCount(shape);
    }

    /** A read-only little-endian view of the raw bytes, positioned at 0. */
    public ByteBuffer data() {
        return bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A copy of the raw bytes. */
    public byte[] toByteArray() {
        byte[] copy = new byte[bytes.capacity()];
        data().get(copy);
        return copy;
    }

    /** The elements as floats, from f32, f16, bf16 or f64 (narrowed). */
    public float[] toFloatArray() {
        ByteBuffer in = data();
        int n = intCount();
        float[] out = new float[n];
        switch (elementType) {
            case F32 -> in.asFloatBuffer().get(out);
            case F16 -> fill(n, i -> HalfFloats.fromF16(in.getShort(2 * i)), out);
            case BF16 -> fill(n, i -> HalfFloats.fromBf16(in.getShort(2 * i)), out);
            case F64 -> fill(n, i -> (float) in.getDouble(8 * i), out);
            default -> throw wrongType("floats");
        }
        return out;
    }

    /** The elements as longs, from any integer type or boolean (unsigned types read as unsigned). */
    public long[] toLongArray() {
        ByteBuffer in = data();
        long[] out = new long[intCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (elementType) {
                case I64, U64 -> in.getLong(8 * i);
                case I32 -> in.getInt(4 * i);
                case U32 -> Integer.toUnsignedLong(in.getInt(4 * i));
                case I16 -> in.getShort(2 * i);
                case U16 -> Short.toUnsignedInt(in.getShort(2 * i));
                case I8 -> in.get(i);
                case U8, BOOLEAN -> Byte.toUnsignedInt(in.get(i));
                default -> throw wrongType("integers");
            };
        }
        return out;
    }

    /** The elements as ints, from i32 or any narrower integer type or boolean. */
    public int[] toIntArray() {
        if (elementType == OvElementType.I64 || elementType == OvElementType.U64 || elementType == OvElementType.U32) {
            throw wrongType("ints (use toLongArray)");
        }
        return Arrays.stream(toLongArray()).mapToInt(v -> (int) v).toArray();
    }

    /** The elements as booleans (non-zero is true), from boolean or u8. */
    public boolean[] toBooleanArray() {
        if (elementType != OvElementType.BOOLEAN && elementType != OvElementType.U8) {
            throw wrongType("booleans");
        }
        boolean[] out = new boolean[intCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i) != 0;
        }
        return out;
    }

    @Override
    public String toString() {
        return "OvTensorData[" + elementType.irName() + " " + Arrays.toString(shape) + ", " + bytes.capacity()
                + " bytes]";
    }

    static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
            }
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }

    private int intCount() {
        return Math.toIntExact(elementCount());
    }

    private IllegalStateException wrongType(String wanted) {
        return new IllegalStateException("cannot read " + elementType.irName() + " elements as " + wanted);
    }

    private static ByteBuffer allocate(int count, int width) {
        return ByteBuffer.allocate(Math.multiplyExact(count, width)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void fill(int n, FloatAt element, float[] out) {
        for (int i = 0; i < n; i++) {
            out[i] = element.at(i);
        }
    }

    /** The i-th element as a float, without boxing. */
    @FunctionalInterface
    private interface FloatAt {
        float at(int index);
    }
}
