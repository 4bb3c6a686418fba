package dev.xamba.ir.attr;

import dev.xamba.ir.type.ElementType;

/**
 * Float spelling that reads back to the same bits: the shortest decimal for the element type, and for
 * infinities and NaN the hexadecimal bit pattern (as MLIR does), e.g. {@code 0xFF800000} for f32 -inf.
 */
public final class FloatFormat {
    private FloatFormat() {}

    public static String format(double v, ElementType type) {
        if (Double.isFinite(v)) {
            return type == ElementType.F64 ? Double.toString(v) : Float.toString((float) v);
        }
        return switch (type) {
            case F64 -> String.format("0x%016X", Double.doubleToRawLongBits(v));
            case F32 -> String.format("0x%08X", Float.floatToRawIntBits((float) v));
            case F16 -> String.format("0x%04X", dev.xamba.ir.eval.HalfFloat.fromFloat((float) v) & 0xffff);
            default -> String.format("0x%04X", dev.xamba.ir.eval.HalfFloat.bf16FromFloat((float) v) & 0xffff);
        };
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
