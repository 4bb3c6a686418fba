package dev.xamba.ir.attr;

import dev.xamba.ir.loc.Quoting;

/** A quoted string such as {@code "numpy"}. */
public record StringAttr(String value) implements Attribute {
    @Override public String toString() { return Quoting.quote(value); }
}
