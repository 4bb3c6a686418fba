package dev.xamba.frontend.text;

import dev.xamba.ir.attr.FloatFormat;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
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
        if (tokenType == XambaIrLexer.HEX) return Tensor.wrap(et, bits(t, et.byteWidth() * 8, et.toString()));
        long v = parseLong(t, et);
        if (!fits(v, et)) throw src.error(t, "integer " + v + " does not fit in " + et);
        return v;
    }

    /** A floating-point element of type {@code et}, rounded to that type. */
    double floating(Token t, int tokenType, ElementType et) {
        if (tokenType == XambaIrLexer.HEX) return FloatFormat.fromBits(bits(t, et.byteWidth() * 8, et.toString()), et);
        double v = tokenType == XambaIrLexer.INT ? parseLong(t, ElementType.I64) : Double.parseDouble(t.getText());
        return Tensor.round(et, v);
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
