package dev.xamba.codegen;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.eval.HalfFloat;
import dev.xamba.ir.type.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

/**
 * The raw little-endian bytes of an {@code ov.Constant}'s value, as the {@code .bin} holds them (booleans one byte
 * each), and their f16 compression (streamed by {@link WeightsTable} while writing). Resource blobs (weights, possibly memory-mapped) are passed through without a
 * copy.
 */
final class ConstantBlobs {
    /** The largest finite f16 value; compression saturates to it, as OpenVINO's serializer does. */
    static final float F16_MAX = 65504f;

    private ConstantBlobs() {}

    /** The bytes of the constant's {@code value}, exactly {@code numElements * byteWidth} of them. */
    static BlobBytes bytesOf(Operation constant) {
        Attribute value = constant.attr("value");
        if (value instanceof DenseElementsAttr d) return BlobBytes.of(ByteBuffer.wrap(d.value().toBytes()));
        if (value instanceof DenseResourceAttr r) {
            TensorType t = r.type();
            long needed = t.numElements() * t.elementType().byteWidth();
            if (!r.handle().isBound()) throw new DiagnosticException(constant.error("resource '" + r.handle().name() + "' has no data"));
            ByteBuffer blob = r.handle().blob();
            if (blob.remaining() < needed) {
                throw new DiagnosticException(constant.error("resource '" + r.handle().name() + "' holds " + blob.remaining()
                        + " bytes but " + t + " needs " + needed));
            }
            return new BlobBytes(blob.slice().limit((int) needed), r.handle().region().map(f -> f.prefix(needed)).orElse(null));
        }
        throw new DiagnosticException(constant.error("needs a dense or dense_resource 'value' to be written"));
    }

    /** Values converted per step: arrays of this size stay in the CPU's cache. */
    private static final int STEP = 4096;

    /**
     * Converts f32 values from {@code in} to f16 values in {@code out} (both little-endian, positions advanced)
     * until {@code in} has no whole value left or {@code out} is full; saturates to ±65504 (NaN stays NaN). The
     * values pass through small arrays: bulk gets and puts are memory copies, while a {@code getFloat} per value
     * on a mapped buffer is several calls and index checks each until the JIT's last tier compiles the loop.
     *
     * @return how many of the values converted lie outside f16's range as OpenVINO counts them
     *         ({@link #keepsF32}): beyond ±65504 (infinities included), or nonzero and smaller in magnitude than
     *         f16's smallest subnormal, 2^-24; NaN is not counted
     */
    static long toF16(ByteBuffer in, ByteBuffer out) {
        int n = Math.min(in.remaining() / 4, out.remaining() / 2);
        FloatBuffer from = in.slice().order(in.order()).asFloatBuffer();
        ShortBuffer to = out.slice().order(out.order()).asShortBuffer();
        float[] f = new float[Math.min(STEP, n)];
        short[] h = new short[f.length];
        long outOfRange = 0;
        for (int done = 0; done < n; ) {
            int count = Math.min(f.length, n - done);
            from.get(f, 0, count);
            for (int i = 0; i < count; i++) {
                // saturatedF16(f[i]), written out: C1 does not inline it, and the call costs more than the work
                int bits = Float.floatToRawIntBits(f[i]);
                int abs = bits & 0x7fffffff;
                int sign = (bits >>> 16) & 0x8000;
                if (abs >= MIN_NORMAL_F16_BITS && abs <= MAX_F16_BITS) {
                    h[i] = (short) (sign | ((abs - REBIAS + 0xfff + ((abs >>> 13) & 1)) >>> 13));
                } else if (abs > MAX_F16_BITS && abs <= INFINITY_BITS) {
                    h[i] = (short) (sign | MAX_F16_HALF);
                    outOfRange++;
                } else {
                    h[i] = HalfFloat.fromFloat(f[i]); // zero, subnormal, NaN
                    if (abs != 0 && abs < MIN_SUBNORMAL_F16_BITS) outOfRange++;
                }
            }
            to.put(h, 0, count);
            done += count;
        }
        in.position(in.position() + 4 * n);
        out.position(out.position() + 2 * n);
        return outOfRange;
    }

    /**
     * Whether OpenVINO's converter would leave an f32 constant of {@code size} values, {@code outOfRange} of them
     * outside f16's range ({@link #toF16}), uncompressed: it keeps a constant in f32 when 75% or more of its values
     * would not fit ({@code CompressFloatConstants}, the same float arithmetic), and clamps the rest otherwise.
     */
    static boolean keepsF32(long outOfRange, long size) {
        return size > 0 && (float) outOfRange / (float) size >= 0.75f;
    }

    /**
     * {@link #keepsF32} for the f32 values of {@code bytes} (little-endian), read here: for constants small enough
     * to decide before they are laid out ({@link GraphBuilder}), such as a scalar {@code -inf} mask fill.
     */
    static boolean keepsF32(ByteBuffer bytes) {
        FloatBuffer values = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        long outOfRange = 0;
        while (values.hasRemaining()) if (outOfF16Range(values.get())) outOfRange++;
        return keepsF32(outOfRange, values.capacity());
    }

    /** The test {@link #toF16} makes inline: beyond ±65504 (infinities included), or nonzero below 2^-24; not NaN. */
    static boolean outOfF16Range(float v) {
        int abs = Float.floatToRawIntBits(v) & 0x7fffffff;
        return (abs > MAX_F16_BITS && abs <= INFINITY_BITS) || (abs != 0 && abs < MIN_SUBNORMAL_F16_BITS);
    }

    /**
     * {@link HalfFloat#fromFloat} of {@code v} clamped to ±65504 (NaN stays NaN), with the common cases (a normal
     * f16 result, saturation) in a few integer operations; {@link #toF16} repeats them inline.
     */
    static short saturatedF16(float v) {
        int bits = Float.floatToRawIntBits(v);
        int abs = bits & 0x7fffffff;
        int sign = (bits >>> 16) & 0x8000;
        if (abs >= MIN_NORMAL_F16_BITS && abs <= MAX_F16_BITS) {
            // rebias the exponent, then round to nearest even by adding half an ulp less one plus the kept lsb
            return (short) (sign | ((abs - REBIAS + 0xfff + ((abs >>> 13) & 1)) >>> 13));
        }
        if (abs > MAX_F16_BITS && abs <= INFINITY_BITS) return (short) (sign | MAX_F16_HALF); // saturate
        return HalfFloat.fromFloat(v); // zero, subnormal, NaN
    }

    private static final int MIN_NORMAL_F16_BITS = 0x38800000; // 2^-14 as f32 bits
    private static final int MIN_SUBNORMAL_F16_BITS = 0x33800000; // 2^-24 as f32 bits
    private static final int MAX_F16_BITS = 0x477fe000;        // 65504 as f32 bits
    private static final int INFINITY_BITS = 0x7f800000;
    private static final int REBIAS = (127 - 15) << 23;
    private static final int MAX_F16_HALF = 0x7bff;            // 65504 as f16 bits
}
