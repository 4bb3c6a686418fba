package dev.xamba.ir.attr;

import dev.xamba.ir.type.ElementType;

/** An integer such as {@code 3 : i64}. */
public record IntegerAttr(long value, ElementType type) implements Attribute {
    public IntegerAttr {
        if (!type.isInteger()) throw new IllegalArgumentException("integer attribute of type " + type);
    }

    public static IntegerAttr i64(long value) { return new IntegerAttr(value, ElementType.I64); }

    @Override public String toString() { return value + " : " + type; }

    // equals/hashCode written out: the generated ones cost start-up time (README, "Compile speed")
    @Override public boolean equals(Object o) {
        return o instanceof IntegerAttr i && i.value == value && i.type == type;
    }

    @Override public int hashCode() { return Long.hashCode(value) * 31 + type.hashCode(); }
}
