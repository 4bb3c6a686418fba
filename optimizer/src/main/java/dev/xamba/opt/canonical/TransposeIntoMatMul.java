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
 * The swap of the last two dims that a Transpose does to a MatMul operand becomes the operand's transpose flag:
 * <ul>
 *   <li>{@code MatMul(Transpose(a, [0, ..., r-1, r-2]), b) {transpose_a = t} => MatMul(a, b) {transpose_a = !t}}:
 *       the Transpose is gone (OpenVINO's converter does the same);</li>
 *   <li>{@code MatMul(Transpose(a, [..., k, r-1]), b)} with the last dim moved elsewhere, where swapping the order's
 *       last two entries keeps the last dim in place: {@code => MatMul(Transpose(a, [..., r-1, k]), b)
 *       {transpose_a = !t}}: the Transpose left only moves whole rows, and equal ones merge (XAMBA's contraction
 *       recovery makes {@code [1, 0, 2]} and {@code [1, 2, 0]} of the same value).</li>
 * </ul>
 * The same for b. The new ops take the fused location of the MatMul and the folded Transposes.
 *
 * <p>Restrictions: the order is a constant with its last two entries descending. The first form applies whatever
 * else reads the Transpose (it stays for them, the MatMul no longer reads it). The second form needs the
 * reordered Transpose to keep the last dim in place, and the MatMul to be the old Transpose's only reader (so
 * the op count does not grow). Each application leaves the operand's order with
 * its last two entries ascending, so it converges.
 */
final class TransposeIntoMatMul extends OpViewPattern<MatMulOp> {
    TransposeIntoMatMul() {
        super(MatMulOp.KIND, 1);
    }

    /** What a MatMul operand becomes: the value it reads instead and the Transpose it no longer reads. */
    private record Folded(TransposeOp transpose, long[] remainingOrder) {}

    @Override
    protected MatchResult matchAndRewrite(MatMulOp matMul, PatternRewriter rewriter) {
        Optional<Folded> fa = foldable(matMul.a());
        Optional<Folded> fb = foldable(matMul.b());
        if (fa.isEmpty() && fb.isEmpty()) {
            return rewriter.notifyMatchFailure(matMul.op(), "no operand is a Transpose whose last-two swap can become a flag");
        }
        return OvBuilder.rewriting(matMul.op(), rewriter, ov -> {
            fa.ifPresent(f -> ov.fuseLocationOf(f.transpose().op()));
            fb.ifPresent(f -> ov.fuseLocationOf(f.transpose().op()));
            Value a = fa.map(f -> operand(ov, f)).orElse(matMul.a());
            Value b = fb.map(f -> operand(ov, f)).orElse(matMul.b());
            Map<String, Attribute> flags = new HashMap<>();
            if (matMul.transposeA() != fa.isPresent()) flags.put("transpose_a", BoolAttr.TRUE);
            if (matMul.transposeB() != fb.isPresent()) flags.put("transpose_b", BoolAttr.TRUE);
            ov.replace(ov.create(MatMulOp.KIND, flags, a, b));
            return MatchResult.success();
        });
    }

    private static Value operand(OvBuilder ov, Folded f) {
        Value x = f.transpose().input();
        return f.remainingOrder() == null ? x : ov.create(TransposeOp.KIND, x, ov.i64Vector(f.remainingOrder()));
    }

    private static Optional<Folded> foldable(Value operand) {
        Optional<TransposeOp> t = TransposeOp.KIND.definingOp(operand);
        if (t.isEmpty()) return Optional.empty();
        Optional<int[]> order = t.get().order();
        if (order.isEmpty() || order.get().length < 2) return Optional.empty();
        int[] p = order.get();
        int r = p.length;
        if (p[r - 2] < p[r - 1]) return Optional.empty();
        long[] swapped = new long[r];
        for (int i = 0; i < r; i++) swapped[i] = p[i];
        swapped[r - 2] = p[r - 1];
        swapped[r - 1] = p[r - 2];
        boolean identity = true;
        for (int i = 0; i < r; i++) identity &= swapped[i] == i;
        if (identity) return Optional.of(new Folded(t.get(), null));
        // A Transpose read elsewhere too would stay beside the new one: one op more, so leave it.
        if (swapped[r - 1] != r - 1 || t.get().result().numUses() != 1) return Optional.empty();
        return Optional.of(new Folded(t.get(), swapped));
    }
}
