package dev.xamba.opt.canonical;

import dev.xamba.ir.Operation;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.PatternRewriter;
import dev.xamba.opt.pattern.RewritePattern;

/**
 * {@code Reshape(x : T, shape) : T => x} when T is static: a reshape to the shape it already has moves no data.
 *
 * <p>Restrictions: input and result types are equal and fully static (with a dynamic dim, equal types do not
 * prove equal runtime shapes).
 */
final class IdentityReshapeElimination extends RewritePattern {
    IdentityReshapeElimination() {
        super("ov.Reshape", 1);
    }

    @Override
    public MatchResult matchAndRewrite(Operation op, PatternRewriter rewriter) {
        TensorType in = op.operand(0).tensorType();
        if (!in.hasStaticShape()) return rewriter.notifyMatchFailure(op, "input type " + in + " is not static");
        if (!op.result().type().equals(in)) {
            return rewriter.notifyMatchFailure(op, "result type " + op.result().type() + " differs from input type " + in);
        }
        rewriter.replaceOp(op, op.operand(0));
        return MatchResult.success();
    }
}
