package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpViewKind;
import dev.xamba.ir.ops.OperationContext;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.PatternRewriter;
import dev.xamba.opt.pattern.RewritePattern;
import dev.xamba.opt.rewrite.OvBuilder;

/**
 * A rewrite of one {@code onnx} op into {@code ov} ops with the same numerics. Subclasses implement
 * {@link #lower}: check guards (throwing {@link LegalizationFailure} with the reason), build the replacement through
 * the {@link OvBuilder} and end with one of its {@code replace} calls. A guard that fails midway, or an {@code ov}
 * op that refuses its operands, undoes everything the attempt created, so a failed match leaves the IR unchanged.
 */
abstract class OnnxLowering extends RewritePattern {

    protected OnnxLowering(OpViewKind<OnnxOp> onnxOp) {
        this(onnxOp, 1);
    }

    /** @param benefit higher is tried first; fusions that replace more than their root use 2 */
    protected OnnxLowering(OpViewKind<OnnxOp> onnxOp, int benefit) {
        super(onnxOp, benefit);
    }

    /** Rewrites {@code op} through {@code ov}, or throws {@link LegalizationFailure} saying which guard failed. */
    protected abstract void lower(Operation op, OvBuilder ov);

    @Override
    public final MatchResult matchAndRewrite(Operation op, PatternRewriter rewriter) {
        return OvBuilder.rewriting(op, rewriter, ov -> {
            lower(op, ov);
            if (!ov.hasReplaced()) throw new IllegalStateException(name() + " returned without replacing " + op);
            return MatchResult.success();
        });
    }

    /** The op's attributes with the ONNX defaults its definition declares. */
    protected static OpContext attributes(Operation op) {
        return OperationContext.of(op, op.definition().orElseThrow());
    }
}
