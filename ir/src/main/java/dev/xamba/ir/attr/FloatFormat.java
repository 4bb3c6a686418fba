package dev.xamba.ir.attr;

import dev.xamba.ir.type.ElementType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Float spelling that reads back to the same bits: the shortest decimal for the element type, and for
 * infinities and NaN the hexadecimal bit pattern (as MLIR does), e.g. {@code 0xFF800000} for f32 -inf. One
 * exception: a signalling NaN of f32, f16 or bf16 comes back quiet (its payload kept), as values are held in
 * doubles and the JVM's float-to-double conversion quiets it; f64 NaNs keep every bit.
 */
public final class FloatFormat {
    private FloatFormat() {}

    public static String format(double v, ElementType type) {
        if (Double.isFinite(v)) {
            return switch (type) {
                case F64 -> Double.toString(v);
                case F32 -> Float.toString((float) v);
                default -> shortestHalf(v, type == ElementType.BF16);
            };
        }
        return switch (type) {
            case F64 -> String.format("0x%016X", Double.doubleToRawLongBits(v));
            case F32 -> String.format("0x%08X", Float.floatToRawIntBits((float) v));
            case F16 -> String.format("0x%04X", dev.xamba.ir.eval.HalfFloat.fromDouble(v) & 0xffff);
            default -> String.format("0x%04X", dev.xamba.ir.eval.HalfFloat.bf16FromDouble(v) & 0xffff);
        };
    }

    /**
     * {@code v} with {@code places} decimals, exactly as {@code String.format(Locale.ROOT, "%.<places>f", v)} spells
     * it (the shortest decimal of {@code v}, rounded half up), but without {@link java.util.Formatter}, whose first use
     * loads the locale data: milliseconds of a small compile's start-up, for a remark.
     */
    public static String fixed(double v, int places) {
        if (!Double.isFinite(v)) return String.format(Locale.ROOT, "%." + places + "f", v);
        BigDecimal d = new BigDecimal(Double.toString(v)).setScale(places, RoundingMode.HALF_UP);
        String text = d.toPlainString();
        return d.signum() == 0 && (v < 0 || 1 / v < 0) ? "-" + text : text;
    }

    /**
     * The shortest decimal that reads back as {@code v}'s f16 (or bf16) value, in {@link Double#toString}'s style:
     * {@code 0.1 : f16}, not the float's {@code 0.099975586}, which a value given as 0.1 printed after one round trip
     * (not before). Five significant digits always identify an f16 (four a bf16); the check rounds the decimal once,
     * as the parser reads it.
     */
    private static String shortestHalf(double v, boolean bf16) {
        short bits = bf16 ? dev.xamba.ir.eval.HalfFloat.bf16FromDouble(v) : dev.xamba.ir.eval.HalfFloat.fromDouble(v);
        if ((bits & 0x7fff) == 0) return (bits & 0x8000) != 0 ? "-0.0" : "0.0";
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits < 9; digits++) {
            String text = Double.toString(exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)).doubleValue());
            float nearest = Float.parseFloat(text);
            short read = dev.xamba.ir.eval.HalfFloat.roundOnce(nearest, bf16, () -> new BigDecimal(text).compareTo(new BigDecimal(nearest)));
            if (read == bits) return text;
        }
        return Float.toString((float) v); // unreachable: nine digits identify any float
    }

    /** Reads a hexadecimal bit pattern written by {@link #format} for a non-finite value. */
    public static double fromBits(long bits, ElementType type) {
        return switch (type) {
            case F64 -> Double.longBitsToDouble(bits);
            case F32 -> Float.intBitsToFloat((int) bits);
            case F16 -> dev.xamba.ir.eval.HalfFloat.toFloat((short) bits);
            default -> dev.xamba.ir.eval.HalfFloat.bf16ToFloat((short) bits);
        };
    }
}
