package dev.xamba.frontend.text;

import dev.xamba.ir.attr.FloatFormat;
import dev.xamba.ir.eval.HalfFloat;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.antlr.v4.runtime.Token;

/**
 * Values of INT, FLOAT and HEX tokens for a given element type. Integers must fit the type; a hexadecimal
 * literal is the element's bit pattern (how the printer writes infinities and NaN); floats are rounded to the
 * element type, as a tensor of that type would hold them.
 */
final class NumberLiterals {
    private final SourceFile src;

    NumberLiterals(SourceFile src) { this.src = src; }

    /** An integer (or i1 0/1) element; a FLOAT token is an error. */
    long integer(Token t, int tokenType, ElementType et) {
        if (tokenType == XambaIrLexer.FLOAT) {
            throw src.error(t, "expected an integer for " + et + " but found '" + t.getText() + "'");
        }
        if (tokenType == XambaIrLexer.HEX) {
            long bits = bits(t, et.byteWidth() * 8, et.toString());
            if (et == ElementType.I1 && bits > 1) throw src.error(t, "i1 literal " + t.getText() + " is neither 0 nor 1");
            return Tensor.wrap(et, bits);
        }
        long v = parseLong(t, et);
        if (!fits(v, et)) throw src.error(t, "integer " + v + " does not fit in " + et);
        return v;
    }

    /**
     * A floating-point element of type {@code et}: the decimal (an INT or FLOAT token, of any size) rounded once,
     * to nearest, ties to even, to that type. Going through a double (or a float) first would round twice:
     * {@code 1.0000000596046448} is just above a tie of f32 but its double is the tie itself, which rounds down.
     */
    double floating(Token t, int tokenType, ElementType et) {
        if (tokenType == XambaIrLexer.HEX) return FloatFormat.fromBits(bits(t, et.byteWidth() * 8, et.toString()), et);
        String text = t.getText();
        double v = switch (et) {
            case F64 -> Double.parseDouble(text);
            case F32 -> Float.parseFloat(text);
            default -> roundedOnce(text, et);
        };
        // As MLIR: a decimal too large for the type is an error, not infinity (the printer spells infinities in hex).
        if (Double.isInfinite(v)) throw src.error(t, "float literal " + text + " is out of range for " + et);
        return v;
    }

    /** {@code text} rounded once to f16 or bf16, its exact decimal breaking a tie ({@link HalfFloat#roundOnce}). */
    private static double roundedOnce(String text, ElementType et) {
        float f = Float.parseFloat(text);
        boolean bf16 = et == ElementType.BF16;
        short bits = HalfFloat.roundOnce(f, bf16, () -> new BigDecimal(text).compareTo(new BigDecimal(f)));
        return bf16 ? HalfFloat.bf16ToFloat(bits) : HalfFloat.toFloat(bits);
    }

    /** The unsigned value of a HEX token that must fit in {@code width} bits. */
    long bits(Token t, int width, String typeName) {
        BigInteger v = new BigInteger(t.getText().substring(2), 16);
        if (v.bitLength() > width) {
            throw src.error(t, "hexadecimal literal " + t.getText() + " has more than the " + width + " bits of " + typeName);
        }
        return v.longValue();
    }

    private long parseLong(Token t, ElementType et) {
        try {
            return Long.parseLong(t.getText());
        } catch (NumberFormatException e) {
            throw src.error(t, "integer " + t.getText() + " does not fit in " + et);
        }
    }

    private static boolean fits(long v, ElementType et) {
        return switch (et) {
            case I32 -> v == (int) v;
            case I16 -> v == (short) v;
            case I8 -> v == (byte) v;
            case U8 -> v >= 0 && v <= 0xff;
            case I1 -> v == 0 || v == 1;
            default -> true;
        };
    }
}
