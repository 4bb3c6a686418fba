package dev.xamba.opt.canonical;

import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.OpViewPattern;
import dev.xamba.opt.pattern.PatternRewriter;

/**
 * {@code Reshape/Squeeze/Unsqueeze(x : T) : T => x} when T is static: a reshape to the shape it already has moves
 * no data.
 *
 * <p>Restrictions: input and result types are equal and fully static (with a dynamic dim, equal types do not
 * prove equal runtime shapes).
 */
final class IdentityReshapeElimination extends OpViewPattern<ReshapeOp> {
    IdentityReshapeElimination() {
        super(ReshapeOp.ANY, 1);
    }

    @Override
    protected MatchResult matchAndRewrite(ReshapeOp reshape, PatternRewriter rewriter) {
        TensorType in = reshape.input().tensorType();
        if (!in.hasStaticShape()) return rewriter.notifyMatchFailure(reshape.op(), "input type " + in + " is not static");
        if (!reshape.resultType().equals(in)) {
            return rewriter.notifyMatchFailure(reshape.op(), "result type " + reshape.resultType() + " differs from input type " + in);
        }
        rewriter.replaceOp(reshape.op(), reshape.input());
        return MatchResult.success();
    }
}
