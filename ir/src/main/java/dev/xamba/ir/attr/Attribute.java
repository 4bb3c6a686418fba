package dev.xamba.ir.attr;

/**
 * A compile-time constant attached to an operation. Attributes are immutable values with structural
 * equality; {@code toString()} is their textual IR form.
 */
public sealed interface Attribute
        permits IntegerAttr, FloatAttr, BoolAttr, StringAttr, ArrayAttr, TypeAttr, DenseElementsAttr, DenseResourceAttr {
}
