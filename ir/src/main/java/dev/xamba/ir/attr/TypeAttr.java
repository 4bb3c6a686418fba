package dev.xamba.ir.attr;

import dev.xamba.ir.type.Type;

/** A type used as an attribute, e.g. a function's signature. */
public record TypeAttr(Type type) implements Attribute {
    @Override public String toString() { return type.toString(); }
}
