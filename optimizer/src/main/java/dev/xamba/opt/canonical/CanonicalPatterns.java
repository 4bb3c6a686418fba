package dev.xamba.opt.canonical;

import dev.xamba.opt.pattern.RewritePattern;
import java.util.List;

/**
 * The canonicalization patterns: cheap, always profitable, and each one removes an op, so together they
 * converge. Cost-driven rewrites never belong here.
 */
public final class CanonicalPatterns {
    /** {@code Transpose(x, identity order) => x}. */
    public static final RewritePattern IDENTITY_TRANSPOSE = new IdentityTransposeElimination();
    /** {@code Reshape(x : T) : T => x}. */
    public static final RewritePattern IDENTITY_RESHAPE = new IdentityReshapeElimination();

    private CanonicalPatterns() {}

    public static List<RewritePattern> all() {
        return List.of(IDENTITY_TRANSPOSE, IDENTITY_RESHAPE);
    }
}
