package dev.xamba.opt.canonical;

import dev.xamba.ir.ops.ov.view.BroadcastOp;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.OpViewPattern;
import dev.xamba.opt.pattern.PatternRewriter;

/**
 * {@code Broadcast(x : T, shape) : T => x}: a broadcast to the shape x already has copies x.
 *
 * <p>Restrictions: input and result types are equal and static; the mode is {@code numpy} or
 * {@code bidirectional} ({@code explicit} mode maps dims through {@code axes_mapping}, which is left alone).
 */
final class NoOpBroadcastElimination extends OpViewPattern<BroadcastOp> {
    NoOpBroadcastElimination() {
        super(BroadcastOp.KIND, 1);
    }

    @Override
    protected MatchResult matchAndRewrite(BroadcastOp broadcast, PatternRewriter rewriter) {
        if (broadcast.mode().equals("explicit")) return rewriter.notifyMatchFailure(broadcast.op(), "mode is explicit");
        if (!broadcast.isNoOp()) {
            return rewriter.notifyMatchFailure(broadcast.op(), "broadcasts " + broadcast.input().type() + " to "
                    + broadcast.resultType() + ", not to its own static type");
        }
        rewriter.replaceOp(broadcast.op(), broadcast.input());
        return MatchResult.success();
    }
}
