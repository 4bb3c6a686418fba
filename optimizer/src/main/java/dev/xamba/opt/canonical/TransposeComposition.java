package dev.xamba.opt.canonical;

import dev.xamba.ir.ops.ov.view.TransposeOp;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.OpViewPattern;
import dev.xamba.opt.pattern.PatternRewriter;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Optional;

/**
 * {@code Transpose(Transpose(x, p), q) => Transpose(x, p∘q)} with {@code (p∘q)[i] = p[q[i]]}, and {@code => x}
 * when the composition is the identity. The new op takes the fused location of both; the inner Transpose stays
 * only if something else reads it.
 *
 * <p>Restrictions: both orders are constant permutations of the input's rank. Always one Transpose fewer on this
 * path, so the rewrite converges.
 */
final class TransposeComposition extends OpViewPattern<TransposeOp> {
    TransposeComposition() {
        super(TransposeOp.KIND, 1);
    }

    @Override
    protected MatchResult matchAndRewrite(TransposeOp outer, PatternRewriter rewriter) {
        Optional<TransposeOp> maybeInner = TransposeOp.KIND.definingOp(outer.input());
        if (maybeInner.isEmpty()) return rewriter.notifyMatchFailure(outer.op(), "input is not a Transpose");
        TransposeOp inner = maybeInner.get();
        Optional<int[]> p = inner.order();
        Optional<int[]> q = outer.order();
        if (p.isEmpty() || q.isEmpty()) return rewriter.notifyMatchFailure(outer.op(), "an order is not a constant permutation");
        long[] composed = Permutations.compose(p.get(), q.get());
        if (isIdentity(composed) && !inner.input().type().equals(outer.resultType())) {
            return rewriter.notifyMatchFailure(outer.op(), "the transposes cancel but the type changes from "
                    + inner.input().type() + " to " + outer.resultType());
        }
        return OvBuilder.rewriting(outer.op(), rewriter, ov -> {
            ov.fuseLocationOf(inner.op());
            ov.replace(isIdentity(composed) ? inner.input() : ov.create(TransposeOp.KIND, inner.input(), ov.i64Vector(composed)));
            return MatchResult.success();
        });
    }

    private static boolean isIdentity(long[] order) {
        for (int i = 0; i < order.length; i++) if (order[i] != i) return false;
        return true;
    }
}
