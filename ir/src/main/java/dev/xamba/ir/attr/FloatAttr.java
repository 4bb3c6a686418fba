package dev.xamba.ir.attr;

import dev.xamba.ir.type.ElementType;

/** A floating-point number such as {@code 1.0E-5 : f32}. */
public record FloatAttr(double value, ElementType type) implements Attribute {
    public FloatAttr {
        if (!type.isFloat()) throw new IllegalArgumentException("float attribute of type " + type);
    }

    @Override public String toString() { return FloatFormat.format(value, type) + " : " + type; }

    /**
     * The same type and the same bits: NaNs of different payloads differ, as they print differently ({@code 0x7FF8…1});
     * {@code Double.compare} took them for one, and CSE merged ops whose attributes differed.
     */
    @Override public boolean equals(Object o) {
        return o instanceof FloatAttr f && f.type == type && Double.doubleToRawLongBits(f.value) == Double.doubleToRawLongBits(value);
    }

    @Override public int hashCode() { return Long.hashCode(Double.doubleToRawLongBits(value)) * 31 + type.hashCode(); }
}
