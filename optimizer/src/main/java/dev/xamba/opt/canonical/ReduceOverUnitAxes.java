package dev.xamba.opt.canonical;

import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.ov.view.ReduceOp;
import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.OpViewPattern;
import dev.xamba.opt.pattern.PatternRewriter;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * A reduction over axes that all have size 1 reduces nothing: {@code ReduceSum/Mean/Max/Min/Prod(x, axes)
 * {keep_dims = true} => x}, and with {@code keep_dims = false} {@code => Reshape(x, result shape)} (dropping the
 * unit dims). Each element is reduced with itself alone, which every one of these reductions leaves unchanged
 * (also for integers: a mean of one element is that element).
 *
 * <p>Restrictions: the axes are a constant; every reduced dim of x is statically 1; for {@code keep_dims = false}
 * the result shape is static. An empty axes list also qualifies (OpenVINO then reduces nothing).
 */
final class ReduceOverUnitAxes extends OpViewPattern<ReduceOp> {
    ReduceOverUnitAxes() {
        super(ReduceOp.ANY, 1);
    }

    @Override
    protected MatchResult matchAndRewrite(ReduceOp reduce, PatternRewriter rewriter) {
        Optional<int[]> axes = reduce.axes();
        if (axes.isEmpty()) return rewriter.notifyMatchFailure(reduce.op(), "axes are not a constant");
        TensorType in = reduce.input().tensorType();
        for (int axis : axes.get()) {
            if (in.dim(axis) != 1) {
                return rewriter.notifyMatchFailure(reduce.op(), "reduced dim " + axis + " of " + in + " is not 1");
            }
        }
        TensorType out = reduce.resultType();
        if (!out.equals(in) && !out.hasStaticShape()) {
            return rewriter.notifyMatchFailure(reduce.op(), "the result type " + out + " is not static");
        }
        return OvBuilder.rewriting(reduce.op(), rewriter, ov -> {
            ov.replace(out.equals(in) ? reduce.input() : ov.create(ReshapeOp.RESHAPE, Map.of("special_zero", BoolAttr.FALSE),
                    reduce.input(), ov.i64Vector(out.shape())));
            return MatchResult.success();
        });
    }
}
