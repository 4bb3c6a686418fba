package dev.xamba.opt.canonical;

import dev.xamba.ir.ops.ov.view.TransposeOp;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.OpViewPattern;
import dev.xamba.opt.pattern.PatternRewriter;
import java.util.Optional;

/**
 * {@code Transpose(x, order = [0, 1, ..., r-1]) => x}.
 *
 * <p>Restrictions: the order is a constant identity permutation (negative entries normalized; an empty order
 * reverses the dims, the identity only up to rank 1) and the result type equals the input type, so no user sees
 * a type change.
 */
final class IdentityTransposeElimination extends OpViewPattern<TransposeOp> {
    IdentityTransposeElimination() {
        super(TransposeOp.KIND, 1);
    }

    @Override
    protected MatchResult matchAndRewrite(TransposeOp transpose, PatternRewriter rewriter) {
        Optional<int[]> order = transpose.order();
        if (order.isEmpty()) return rewriter.notifyMatchFailure(transpose.op(), "order is not a constant permutation");
        if (!Permutations.isIdentity(order.get())) {
            return rewriter.notifyMatchFailure(transpose.op(), "order is not the identity permutation");
        }
        if (!transpose.resultType().equals(transpose.input().type())) {
            return rewriter.notifyMatchFailure(transpose.op(), "result type " + transpose.resultType()
                    + " differs from input type " + transpose.input().type());
        }
        rewriter.replaceOp(transpose.op(), transpose.input());
        return MatchResult.success();
    }
}
