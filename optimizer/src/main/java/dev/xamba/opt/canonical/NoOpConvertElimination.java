package dev.xamba.opt.canonical;

import dev.xamba.ir.ops.ov.view.ConvertOp;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.OpViewPattern;
import dev.xamba.opt.pattern.PatternRewriter;

/**
 * {@code Convert(x : T) {destination_type} : T => x}: a conversion to the element type x already has.
 *
 * <p>Restrictions: input and result types are equal.
 */
final class NoOpConvertElimination extends OpViewPattern<ConvertOp> {
    NoOpConvertElimination() {
        super(ConvertOp.KIND, 1);
    }

    @Override
    protected MatchResult matchAndRewrite(ConvertOp convert, PatternRewriter rewriter) {
        if (!convert.isNoOp()) {
            return rewriter.notifyMatchFailure(convert.op(), "converts " + convert.input().type() + " to " + convert.resultType());
        }
        rewriter.replaceOp(convert.op(), convert.input());
        return MatchResult.success();
    }
}
