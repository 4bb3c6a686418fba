package dev.xamba.opt.canonical;

import dev.xamba.ir.Value;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.OpViewPattern;
import dev.xamba.opt.pattern.PatternRewriter;
import java.util.Optional;

/**
 * {@code Multiply(x, splat 1) => x} (either operand order): exact for floats (NaN and ±0 included) and integers.
 *
 * <p>Restrictions: the one is a constant whose elements all equal 1, and the result type equals x's type, so the
 * multiply neither broadcasts x to a larger shape nor changes its type (a {@code 4xf32 · 2x4xf32} ones stays).
 */
final class MultiplyByOneElimination extends OpViewPattern<BinaryOp> {
    MultiplyByOneElimination() {
        super(BinaryOp.MULTIPLY, 1);
    }

    @Override
    protected MatchResult matchAndRewrite(BinaryOp multiply, PatternRewriter rewriter) {
        Optional<Value> x = NeutralOperand.of(multiply, 1.0);
        if (x.isEmpty()) {
            return rewriter.notifyMatchFailure(multiply.op(), "no splat one beside an operand of the result's type");
        }
        rewriter.replaceOp(multiply.op(), x.get());
        return MatchResult.success();
    }
}
