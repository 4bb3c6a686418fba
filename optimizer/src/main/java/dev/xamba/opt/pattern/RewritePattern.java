package dev.xamba.opt.pattern;

import dev.xamba.ir.Operation;

/**
 * A local rewrite rooted at one op, in MLIR's style: check the guards, and either rewrite through the
 * {@link PatternRewriter} and return {@link MatchResult#success()}, or leave the IR untouched and return
 * {@link MatchResult#failure(String)} saying which guard failed.
 *
 * <p>The benefit only orders the attempts on one op (higher first); whether a rewrite pays off on a target is
 * the cost model's question, asked inside the pattern.
 */
public abstract class RewritePattern {
    /** Root name of a pattern that is tried on every op. */
    public static final String ANY = "any";

    private final String rootName;
    private final int benefit;

    /** @param rootName the op name this pattern matches ({@code "ov.CumSum"}), or {@link #ANY} */
    protected RewritePattern(String rootName, int benefit) {
        this.rootName = rootName;
        this.benefit = benefit;
    }

    public final String rootName() { return rootName; }

    public final int benefit() { return benefit; }

    /** The name remarks and warnings use; the class name unless overridden. */
    public String name() { return getClass().getSimpleName(); }

    /**
     * Rewrites {@code op} (whose name is {@link #rootName()} unless that is {@link #ANY}). Every mutation goes
     * through {@code rewriter}, so the driver revisits what changed. On failure the IR must be unchanged.
     */
    public abstract MatchResult matchAndRewrite(Operation op, PatternRewriter rewriter);

    @Override public String toString() { return name() + " on " + rootName; }
}
