package dev.xamba.ir.type;

/** A value type of the IR. Types are immutable values with structural equality. */
public sealed interface Type permits TensorType, FunctionType {
}
