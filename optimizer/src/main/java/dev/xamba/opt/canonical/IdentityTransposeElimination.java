package dev.xamba.opt.canonical;

import dev.xamba.ir.Operation;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.Constants;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.PatternRewriter;
import dev.xamba.opt.pattern.RewritePattern;
import java.util.Optional;

/**
 * {@code Transpose(x, order = [0, 1, ..., r-1]) => x}.
 *
 * <p>Restrictions: the order is a constant identity permutation (negative entries normalized) and the result
 * type equals the input type, so no user sees a type change.
 */
final class IdentityTransposeElimination extends RewritePattern {
    IdentityTransposeElimination() {
        super("ov.Transpose", 1);
    }

    @Override
    public MatchResult matchAndRewrite(Operation op, PatternRewriter rewriter) {
        Optional<Tensor> order = Constants.valueOf(op.operand(1));
        if (order.isEmpty()) return rewriter.notifyMatchFailure(op, "order is not a constant");
        int rank = op.operand(0).tensorType().rank();
        long[] o = order.get().toLongs();
        // An empty order reverses the dims, which is the identity only up to rank 1.
        boolean identity = o.length == 0 ? rank <= 1 : o.length == rank;
        for (int i = 0; identity && i < o.length; i++) identity = (o[i] < 0 ? o[i] + rank : o[i]) == i;
        if (!identity) return rewriter.notifyMatchFailure(op, "order is not the identity permutation");
        if (!op.result().type().equals(op.operand(0).type())) {
            return rewriter.notifyMatchFailure(op, "result type " + op.result().type() + " differs from input type " + op.operand(0).type());
        }
        rewriter.replaceOp(op, op.operand(0));
        return MatchResult.success();
    }
}
