package dev.xamba.ir.eval;

import java.util.function.IntSupplier;

/** IEEE half and bfloat16 conversions (Float.floatToFloat16 exists only from Java 20). */
public final class HalfFloat {
    private HalfFloat() {}

    /**
     * f32 to IEEE f16 bits, round to nearest even, overflow to infinity; a NaN keeps the top ten bits of its payload
     * (what {@link #toFloat} puts there, so an f16 NaN comes back with its bits) and is quiet.
     */
    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xff;
        int mant = bits & 0x7fffff;
        if (exp == 0xff) return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 | (mant >>> 13) : 0));
        int e = exp - 127 + 15;
        if (e >= 0x1f) return (short) (sign | 0x7c00);
        if (e <= 0) {
            if (e < -10) return (short) sign;
            mant |= 0x800000;
            int shift = 14 - e;
            int half = mant >> shift;
            int rem = mant & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rem > mid || (rem == mid && (half & 1) != 0)) half++;
            return (short) (sign | half);
        }
        int half = (e << 10) | (mant >> 13);
        int rem = mant & 0x1fff;
        if (rem > 0x1000 || (rem == 0x1000 && (half & 1) != 0)) half++;
        return (short) (sign | half);
    }

    /** f64 to IEEE f16 bits, rounded once ({@link #roundOnce}). */
    public static short fromDouble(double d) {
        float f = (float) d;
        return f == d ? fromFloat(f) : roundOnce(f, false, () -> Double.compare(d, f));
    }

    /** f64 to bfloat16 bits, rounded once ({@link #roundOnce}). */
    public static short bf16FromDouble(double d) {
        float f = (float) d;
        return f == d ? bf16FromFloat(f) : roundOnce(f, true, () -> Double.compare(d, f));
    }

    /**
     * The f16 (or, with {@code bf16}, bfloat16) bits of a value whose nearest float is {@code nearest}, rounded once.
     * Rounding the float instead rounds twice: a value just beside a tie of f16 is the tie as a float, which then
     * rounds to even. The ties of f16 and bf16 are floats, so the nearest float is on the value's side of each, unless
     * it is the tie itself; only then is {@code side} asked whether the value is above (&gt; 0), below (&lt; 0) or
     * at (0) {@code nearest} (a decimal literal's exact comparison is costly), and the float next to the tie on that
     * side rounds the way the value does.
     */
    public static short roundOnce(float nearest, boolean bf16, IntSupplier side) {
        short rounded = bf16 ? bf16FromFloat(nearest) : fromFloat(nearest);
        if (Float.isNaN(nearest) || Float.isInfinite(nearest)) return rounded;
        short below = bf16 ? bf16FromFloat(Math.nextDown(nearest)) : fromFloat(Math.nextDown(nearest));
        short above = bf16 ? bf16FromFloat(Math.nextUp(nearest)) : fromFloat(Math.nextUp(nearest));
        if (below == above) return rounded; // nearest is no tie
        int s = side.getAsInt();
        return s == 0 ? rounded : s > 0 ? above : below;
    }

    public static float toFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        if (exp == 0) {
            if (mant == 0) return Float.intBitsToFloat(sign);
            float v = mant / 1024f / 16384f; // 2^-14 * mant/2^10
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }

    /** f32 to bfloat16 bits, round to nearest even. */
    public static short bf16FromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) return (short) ((bits >>> 16) | 0x40);
        int rounding = 0x7fff + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }

    public static float bf16ToFloat(short b) {
        return Float.intBitsToFloat((b & 0xffff) << 16);
    }
}
