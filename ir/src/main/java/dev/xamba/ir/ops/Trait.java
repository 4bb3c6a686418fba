package dev.xamba.ir.ops;

/** Properties of an op that generic passes rely on. */
public enum Trait {
    /** No side effects: unused results may be deleted and identical ops merged. */
    PURE,
    /** Ends a block. */
    TERMINATOR,
    /** Its result is its {@code value} attribute. */
    CONSTANT_LIKE,
    /** Holds a symbol table or a function: values from outside may not be used inside. */
    ISOLATED_FROM_ABOVE
}
