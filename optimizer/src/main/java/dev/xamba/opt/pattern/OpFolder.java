package dev.xamba.opt.pattern;

import dev.xamba.ir.Operation;

/**
 * Replaces an op by a simpler equivalent computed at compile time (typically a constant), tried by the
 * {@link GreedyPatternRewriteDriver} before the patterns. Mutates only through the rewriter.
 */
@FunctionalInterface
public interface OpFolder {
    /** Folds {@code op} if it can; returns true exactly when it changed the IR. */
    boolean tryFold(Operation op, PatternRewriter rewriter);
}
