package dev.xamba.ir.attr;

/** {@code true} or {@code false}. */
public record BoolAttr(boolean value) implements Attribute {
    public static final BoolAttr TRUE = new BoolAttr(true);
    public static final BoolAttr FALSE = new BoolAttr(false);

    public static BoolAttr of(boolean b) { return b ? TRUE : FALSE; }

    @Override public String toString() { return Boolean.toString(value); }

    // equals/hashCode written out: the generated ones cost start-up time (README, "Compile speed")
    @Override public boolean equals(Object o) {
        return o instanceof BoolAttr b && b.value == value;
    }

    @Override public int hashCode() { return Boolean.hashCode(value); }
}
