/**
 * Typed views of the {@code ov} ops that patterns and the cost model read: each class names its ops once in an
 * {@link dev.xamba.ir.ops.OpViewKind} ({@code CumSumOp.KIND}, {@code BinaryOp.MULTIPLY}) and reads operands by
 * role and attributes with their defaults ({@code axis()} as a constant when it is one). Views never mutate.
 */
package dev.xamba.ir.ops.ov.view;
