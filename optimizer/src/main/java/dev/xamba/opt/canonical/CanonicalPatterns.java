package dev.xamba.opt.canonical;

import dev.xamba.opt.pattern.RewritePattern;
import java.util.List;

/**
 * The canonicalization patterns: cheap, always profitable, and each one removes an op or shortens a chain of
 * them, so together they converge. Cost-driven rewrites never belong here. Each class's Javadoc gives its
 * before → after and restrictions; each is tested in {@code lit-tests/canonicalize/}.
 */
public final class CanonicalPatterns {
    // ---- eliminations: the op does nothing
    /** {@code Transpose(x, identity order) => x}. */
    public static final RewritePattern IDENTITY_TRANSPOSE = new IdentityTransposeElimination();
    /** {@code Reshape/Squeeze/Unsqueeze(x : T) : T => x}. */
    public static final RewritePattern IDENTITY_RESHAPE = new IdentityReshapeElimination();
    /** {@code Multiply(x, splat 1) => x} when no broadcast happens. */
    public static final RewritePattern MULTIPLY_BY_ONE = new MultiplyByOneElimination();
    /** {@code Add(x, splat 0) => x} when no broadcast happens. */
    public static final RewritePattern ADD_ZERO = new AddZeroElimination();
    /** {@code Broadcast(x : T) : T => x}. */
    public static final RewritePattern NO_OP_BROADCAST = new NoOpBroadcastElimination();
    /** {@code Convert(x : T) : T => x}. */
    public static final RewritePattern NO_OP_CONVERT = new NoOpConvertElimination();
    /** {@code ReduceX(x, axes of size 1) => x or Reshape(x)}. */
    public static final RewritePattern REDUCE_OVER_UNIT_AXES = new ReduceOverUnitAxes();

    // ---- compositions: two ops become one
    /** {@code Transpose(Transpose(x, p), q) => Transpose(x, p∘q)}. */
    public static final RewritePattern TRANSPOSE_COMPOSITION = new TransposeComposition();
    /** {@code Reshape(Squeeze(x)) => Reshape(x)} and every other pair of shape-only ops. */
    public static final RewritePattern RESHAPE_CHAIN = new ReshapeChainCollapse();
    /** {@code MatMul(Transpose(a, last two swapped), b) => MatMul(a, b) {transpose_a}}. */
    public static final RewritePattern TRANSPOSE_INTO_MATMUL = new TransposeIntoMatMul();

    // ---- folding what the constant folder cannot see
    /** {@code ShapeOf(x : static) => Constant}. */
    public static final RewritePattern STATIC_SHAPE_OF = new StaticShapeOfFolding();

    private CanonicalPatterns() {}

    public static List<RewritePattern> all() {
        return List.of(IDENTITY_TRANSPOSE, IDENTITY_RESHAPE, MULTIPLY_BY_ONE, ADD_ZERO, NO_OP_BROADCAST, NO_OP_CONVERT,
                REDUCE_OVER_UNIT_AXES, TRANSPOSE_COMPOSITION, RESHAPE_CHAIN, TRANSPOSE_INTO_MATMUL, STATIC_SHAPE_OF);
    }
}
