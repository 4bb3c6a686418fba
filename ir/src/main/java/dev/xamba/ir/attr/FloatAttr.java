package dev.xamba.ir.attr;

import dev.xamba.ir.type.ElementType;

/** A floating-point number such as {@code 1.0E-5 : f32}. */
public record FloatAttr(double value, ElementType type) implements Attribute {
    public FloatAttr {
        if (!type.isFloat()) throw new IllegalArgumentException("float attribute of type " + type);
    }

    @Override public String toString() { return FloatFormat.format(value, type) + " : " + type; }

    @Override public boolean equals(Object o) {
        return o instanceof FloatAttr f && f.type == type && Double.compare(f.value, value) == 0;
    }

    @Override public int hashCode() { return Double.hashCode(value) * 31 + type.hashCode(); }
}
