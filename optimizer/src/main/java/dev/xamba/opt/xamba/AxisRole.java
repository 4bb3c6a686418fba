package dev.xamba.opt.xamba;

/** What one axis of a broadcast product {@code Multiply(a, b)} that is then summed does in the einsum it spells. */
enum AxisRole {
    /** Size 1 in the product: reshapes add or drop it for free. */
    TRIVIAL,
    /** In both operands, kept: a MatMul batch dim. */
    BATCH,
    /** Only in {@code a} (broadcast in {@code b}), kept: MatMul rows. */
    LEFT,
    /** Only in {@code b}, kept: MatMul columns. */
    RIGHT,
    /** In both operands, summed: the MatMul's inner dim. */
    CONTRACTED,
    /** Only in {@code a}, summed: {@code a} is summed over it before the product. */
    LEFT_SUMMED,
    /** Only in {@code b}, summed. */
    RIGHT_SUMMED
}
