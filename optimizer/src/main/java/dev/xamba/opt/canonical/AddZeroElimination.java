package dev.xamba.opt.canonical;

import dev.xamba.ir.Value;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.OpViewPattern;
import dev.xamba.opt.pattern.PatternRewriter;
import java.util.Optional;

/**
 * {@code Add(x, splat 0) => x} (either operand order). Exact for integers; for floats exact except that
 * {@code -0.0 + 0.0} is {@code +0.0} where x stays {@code -0.0}, which only a division by it or a sign test could
 * tell apart (OpenVINO's own {@code EliminateEltwise} removes the same adds).
 *
 * <p>Restrictions: the zero is a constant whose elements all equal 0 (either sign), and the result type equals
 * x's type, so the add neither broadcasts x to a larger shape nor changes its type.
 */
final class AddZeroElimination extends OpViewPattern<BinaryOp> {
    AddZeroElimination() {
        super(BinaryOp.ADD, 1);
    }

    @Override
    protected MatchResult matchAndRewrite(BinaryOp add, PatternRewriter rewriter) {
        Optional<Value> x = NeutralOperand.of(add, 0.0);
        if (x.isEmpty()) return rewriter.notifyMatchFailure(add.op(), "no splat zero beside an operand of the result's type");
        rewriter.replaceOp(add.op(), x.get());
        return MatchResult.success();
    }
}
