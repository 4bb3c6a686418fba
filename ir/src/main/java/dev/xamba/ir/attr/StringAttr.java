package dev.xamba.ir.attr;

import dev.xamba.ir.loc.Quoting;

/** A quoted string such as {@code "numpy"}. */
public record StringAttr(String value) implements Attribute {
    @Override public String toString() { return Quoting.quote(value); }

    // equals/hashCode written out: the generated ones cost start-up time (README, "Compile speed")
    @Override public boolean equals(Object o) {
        return o instanceof StringAttr s && s.value.equals(value);
    }

    @Override public int hashCode() { return value.hashCode(); }
}
