package dev.xamba.opt.pattern;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/**
 * A {@link RewritePattern} that receives its root as a typed view: it names its root once, as a view kind
 * ({@code TransposeOp.KIND}), and reads operands by role ({@code transpose.input()}) instead of by index.
 *
 * @param <V> the view of the root
 */
public abstract class OpViewPattern<V extends OpView> extends RewritePattern {
    private final OpViewKind<V> root;

    protected OpViewPattern(OpViewKind<V> root, int benefit) {
        super(root, benefit);
        this.root = root;
    }

    /** Rewrites the viewed root; the same contract as {@link #matchAndRewrite(Operation, PatternRewriter)}. */
    protected abstract MatchResult matchAndRewrite(V root, PatternRewriter rewriter);

    @Override
    public final MatchResult matchAndRewrite(Operation op, PatternRewriter rewriter) {
        return matchAndRewrite(root.cast(op), rewriter);
    }
}
