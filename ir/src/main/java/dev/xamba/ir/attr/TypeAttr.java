package dev.xamba.ir.attr;

import dev.xamba.ir.type.Type;

/** A type used as an attribute, e.g. a function's signature. */
public record TypeAttr(Type type) implements Attribute {
    @Override public String toString() { return type.toString(); }

    // equals/hashCode written out: the generated ones cost start-up time (README, "Compile speed")
    @Override public boolean equals(Object o) {
        return o instanceof TypeAttr t && t.type.equals(type);
    }

    @Override public int hashCode() { return type.hashCode(); }
}
