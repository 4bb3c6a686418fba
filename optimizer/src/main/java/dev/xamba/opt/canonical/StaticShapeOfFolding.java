package dev.xamba.opt.canonical;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.ov.view.ShapeOfOp;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.OpViewPattern;
import dev.xamba.opt.pattern.PatternRewriter;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Optional;

/**
 * {@code ShapeOf(x : tensor<d0 x ... x T>) => Constant([d0, ...])} when x's shape is static: the shape is known
 * at compile time although x is not a constant (which is why the constant folder does not see it), and the
 * shape arithmetic after it then folds too.
 *
 * <p>Restrictions: every dim of x is static. The constant has the ShapeOf's result type ({@code i64} or
 * {@code i32}, per {@code output_type}).
 */
final class StaticShapeOfFolding extends OpViewPattern<ShapeOfOp> {
    StaticShapeOfFolding() {
        super(ShapeOfOp.KIND, 1);
    }

    @Override
    protected MatchResult matchAndRewrite(ShapeOfOp shapeOf, PatternRewriter rewriter) {
        Optional<long[]> shape = shapeOf.staticShape();
        if (shape.isEmpty()) return rewriter.notifyMatchFailure(shapeOf.op(), "input type " + shapeOf.input().type() + " is not static");
        return OvBuilder.rewriting(shapeOf.op(), rewriter, ov -> {
            ov.replace(ov.constant(Tensor.ofLongs(shapeOf.resultType(), shape.get())));
            return MatchResult.success();
        });
    }
}
