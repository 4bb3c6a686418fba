package dev.xamba.opt.canonical;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.ov.view.MatMulOp;
import dev.xamba.ir.ops.ov.view.TransposeOp;
import dev.xamba.opt.pattern.MatchResult;
import dev.xamba.opt.pattern.OpViewPattern;
import dev.xamba.opt.pattern.PatternRewriter;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Transpose that swaps the last two dims of a MatMul operand becomes the operand's transpose flag:
 * {@code MatMul(Transpose(a, [..., r-1, r-2]), b) {transpose_a = t} => MatMul(a, b) {transpose_a = !t}}, and the
 * same for b. OpenVINO's converter does the same; the MatMul then reads its operand in either layout at no cost.
 * The new MatMul takes the fused location of the MatMul and the folded Transposes.
 *
 * <p>Restrictions: the Transpose's order is a constant that keeps every batch dim in place and swaps the last two
 * (so its input has rank ≥ 2; a rank-1 operand has no flag to set). A Transpose that other ops also read stays for
 * them, the MatMul no longer reads it; one that only fed the MatMul dies. Each application takes at least one
 * Transpose off the MatMul's operands, so it converges.
 */
final class TransposeIntoMatMul extends OpViewPattern<MatMulOp> {
    TransposeIntoMatMul() {
        super(MatMulOp.KIND, 1);
    }

    @Override
    protected MatchResult matchAndRewrite(MatMulOp matMul, PatternRewriter rewriter) {
        Optional<TransposeOp> ta = swapOfLastTwo(matMul.a());
        Optional<TransposeOp> tb = swapOfLastTwo(matMul.b());
        if (ta.isEmpty() && tb.isEmpty()) {
            return rewriter.notifyMatchFailure(matMul.op(), "no operand is a Transpose swapping just its last two dims");
        }
        OvBuilder ov = new OvBuilder(matMul.op(), rewriter);
        ta.ifPresent(t -> ov.fuseLocationOf(t.op()));
        tb.ifPresent(t -> ov.fuseLocationOf(t.op()));
        Value a = ta.map(TransposeOp::input).orElse(matMul.a());
        Value b = tb.map(TransposeOp::input).orElse(matMul.b());
        Map<String, Attribute> flags = new HashMap<>();
        if (matMul.transposeA() != ta.isPresent()) flags.put("transpose_a", BoolAttr.TRUE);
        if (matMul.transposeB() != tb.isPresent()) flags.put("transpose_b", BoolAttr.TRUE);
        ov.replace(ov.create(MatMulOp.KIND, flags, a, b));
        return MatchResult.success();
    }

    private static Optional<TransposeOp> swapOfLastTwo(Value operand) {
        return TransposeOp.KIND.definingOp(operand).filter(TransposeOp::swapsLastTwo);
    }
}
