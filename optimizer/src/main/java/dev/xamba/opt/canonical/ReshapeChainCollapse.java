package dev.xamba.opt.canonical;

import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.OpViewPattern;
import dev.xamba.opt.pattern.PatternRewriter;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * A chain of shape-only ops collapses to one: {@code R2(R1(x)) => Reshape(x, shape of R2's result)} for any
 * {@code R1, R2} among Reshape, Squeeze and Unsqueeze, and {@code => x} when the chain ends where it began. They
 * keep the elements in order, so only the final shape matters. The new op takes the fused location of both; R1
 * stays only if something else reads it.
 *
 * <p>Restrictions: x and the final result have fully static shapes (the new Reshape spells its target as a
 * constant, with {@code special_zero = false}). Each application removes one shape op from the path, so chains
 * collapse in as many steps as they are long.
 */
final class ReshapeChainCollapse extends OpViewPattern<ReshapeOp> {
    ReshapeChainCollapse() {
        super(ReshapeOp.ANY, 1);
    }

    @Override
    protected MatchResult matchAndRewrite(ReshapeOp outer, PatternRewriter rewriter) {
        Optional<ReshapeOp> maybeInner = ReshapeOp.ANY.definingOp(outer.input());
        if (maybeInner.isEmpty()) return rewriter.notifyMatchFailure(outer.op(), "input is not a Reshape, Squeeze or Unsqueeze");
        ReshapeOp inner = maybeInner.get();
        TensorType source = inner.input().tensorType();
        TensorType target = outer.resultType();
        if (!source.hasStaticShape() || !target.hasStaticShape()) {
            return rewriter.notifyMatchFailure(outer.op(), "the chain goes from " + source + " to " + target
                    + ", not between static shapes");
        }
        return OvBuilder.rewriting(outer.op(), rewriter, ov -> {
            ov.fuseLocationOf(inner.op());
            if (source.equals(target)) {
                ov.replace(inner.input());
            } else {
                ov.replace(ov.create(ReshapeOp.RESHAPE, Map.of("special_zero", BoolAttr.FALSE), inner.input(),
                        ov.i64Vector(target.shape())));
            }
            return MatchResult.success();
        });
    }
}
