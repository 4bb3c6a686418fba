package dev.xamba.opt.xamba;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.CumSumOp;
import dev.xamba.ir.ops.ov.view.MatMulOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pass.PassOption;
import dev.xamba.opt.rewrite.OvBuilder;
import dev.xamba.opt.rewrite.RewriteFailure;
import java.util.List;

/**
 * {@code xamba-cumba}: XAMBA's CumBA. A scan along an axis of length L is a product with a constant L×L 0/1 mask:
 * <pre>
 *   %y = ov.CumSum(%x : [P, L, Q], axis 1)  →  %y = ov.MatMul(%mask : [L, L], %x : [P, L, Q])
 *   %y = ov.CumSum(%x : [P, L], axis -1)    →  %y = ov.MatMul(%x : [P, L], %maskᵀ : [L, L])
 * </pre>
 * with {@code mask[i][j] = 1} where output i sums input j: {@code j ≤ i} (inclusive), {@code j < i} (exclusive,
 * strict triangle), {@code j ≥ i} / {@code j > i} (reverse). Any axis needs only Reshapes, never a Transpose: the
 * mask multiplies from the left for an inner axis and from the right (transposed) for the last one.
 *
 * <p>Restrictions, each a stated reason: the axis is a constant; the shape is static (L in particular); at least one
 * element; L > 1; floating-point elements; each mask of the form fits {@code max-mask-bytes} (default: one NPU tile's
 * CMX) and a Java array (a side of at most {@link #MAX_MASK_SIDE}): the single form's L×L mask, the blocked form's
 * b×b and (L/b)×(L/b) ones; the cost model predicts a win (unless forced).
 */
final class CumSumToTriangularMatMul extends XambaRewrite {
    static final PassOption<Long> MAX_MASK_BYTES = PassOption.longOption("max-mask-bytes", 0L,
            "largest constant mask, in bytes; 0 means the target's on-chip memory (CMX of one NPU tile)").atLeast(0);

    /** The blocked form's name; offered when L splits into blocks of at least {@link #MIN_BLOCK}. */
    static final String BLOCKED = "blocked";
    static final int MIN_BLOCK = 4;

    static final PassOption<String> FORM = PassOption.stringOption("form", "auto",
            "single (one L×L MatMul, the paper's), blocked (two levels of √L blocks) or auto (the cost model's pick; single without one)")
            .checkedBy(PassOption.oneOf("auto", "single", BLOCKED));

    private final long maxMaskBytes;
    private final String form;

    CumSumToTriangularMatMul(XambaContext context, long maxMaskBytes, String form) {
        super(CumSumOp.KIND, context);
        this.maxMaskBytes = maxMaskBytes;
        this.form = form;
    }

    @Override public String patternName() { return "xamba-cumba"; }

    @Override public boolean isCandidate(Operation op) { return CumSumOp.KIND.matches(op); }

    /**
     * The paper's one L×L MatMul, and a two-level form: scans within blocks of b ≈ √L (a b×b mask), plus the
     * exclusive scan of the block totals (an (L/b)×(L/b) mask) added to every block, L·b + (L/b)² MACs per column
     * instead of L². The cost model picks; without one the paper's form is built.
     */
    @Override protected List<String> forms(Operation root) {
        boolean blockable = CumSumOp.KIND.cast(root).axis().isPresent() && blockFor(root) > 0;
        return switch (form) {
            case "single" -> List.of("");
            case BLOCKED -> blockable ? List.of(BLOCKED) : List.of("");
            default -> blockable ? List.of("", BLOCKED) : List.of("");
        };
    }

    /**
     * The block size b closest to √L (the smaller on a tie) that divides L with b and L/b at least {@link #MIN_BLOCK},
     * or 0 when there is none, or when L is past what two masks of {@link #MAX_MASK_SIDE} can scan. Divisors come in
     * pairs (d, L/d) with d ≤ √L, so √L steps find them all.
     */
    private static long blockFor(Operation root) {
        CumSumOp scan = CumSumOp.KIND.cast(root);
        TensorType t = scan.input().tensorType();
        int axis = scan.axis().getAsInt();
        if (t.isDynamicDim(axis)) return 0;
        long len = t.dim(axis);
        if (len > MAX_MASK_SIDE * MAX_MASK_SIDE) return 0; // also keeps b * b below in range
        long best = 0;
        for (long d = 1; d * d <= len; d++) {
            if (len % d != 0) continue;
            for (long b : new long[] {d, len / d}) {
                if (b < MIN_BLOCK || b * MIN_BLOCK > len) continue;
                long distance = Math.abs(b * b - len);
                long bestDistance = Math.abs(best * best - len);
                if (best == 0 || distance < bestDistance || (distance == bestDistance && b < best)) best = b;
            }
        }
        return best;
    }

    @Override
    protected List<Operation> plan(Operation root, OvBuilder ov, String form) {
        if (!form.equals(BLOCKED)) return plan(root, ov);
        CumSumOp scan = CumSumOp.KIND.cast(root);
        Scan s = guards(scan);
        TensorType t = scan.input().tensorType();
        long outer = s.outer();
        long inner = s.inner();
        long b = blockFor(root);
        long nb = s.len() / b;
        requireMaskFits(Math.max(b, nb), t);
        boolean rev = scan.reverse();
        Value y;
        if (inner == 1) {
            Value x = ov.reshaped(scan.input(), outer, nb, b);
            Value local = ov.create(MatMulOp.KIND, x, ov.constant(mask(t, b, scan.exclusive(), rev, true)));
            Value totals = ov.reshaped(ov.create(MatMulOp.KIND, x, ov.constant(Tensor.splat(TensorType.of(t.elementType(), b, 1), 1))), outer, nb);
            Value carry = ov.create(MatMulOp.KIND, totals, ov.constant(mask(t, nb, true, rev, true)));
            y = ov.create(BinaryOp.ADD, local, ov.reshaped(carry, outer, nb, 1));
        } else {
            Value x = ov.reshaped(scan.input(), outer, nb, b, inner);
            Value local = ov.create(MatMulOp.KIND, ov.constant(mask(t, b, scan.exclusive(), rev, false)), x);
            Value totals = ov.reshaped(ov.create(MatMulOp.KIND, ov.constant(Tensor.splat(TensorType.of(t.elementType(), 1, b), 1)), x),
                    outer, nb, inner);
            Value carry = ov.create(MatMulOp.KIND, ov.constant(mask(t, nb, true, rev, false)), totals);
            y = ov.create(BinaryOp.ADD, local, ov.reshaped(carry, outer, nb, 1, inner));
        }
        ov.replace(ov.reshaped(y, t.shape()));
        return List.of();
    }

    /** The longest scan whose L×L mask fits in one Java array (46340). */
    static final long MAX_MASK_SIDE = (long) Math.sqrt(Integer.MAX_VALUE - 8);

    /** The scan's length and the products of the dims before ({@code outer}) and after ({@code inner}) its axis. */
    private record Scan(long len, long outer, long inner) {}

    /** The guards every form shares, in order; nothing is built. Each form then checks its masks' size. */
    private Scan guards(CumSumOp scan) {
        int axis = scan.axis().orElseThrow(() -> new RewriteFailure("the axis is not a constant"));
        TensorType t = scan.input().tensorType();
        if (t.isDynamicDim(axis)) throw new RewriteFailure("the scanned axis " + axis + " has a dynamic length");
        if (!t.hasStaticShape()) throw new RewriteFailure("the input " + t + " has a dynamic dim");
        if (t.numElements() == 0) throw new RewriteFailure("the input " + t + " has no elements: nothing to scan");
        long len = t.dim(axis);
        if (len < 2) throw new RewriteFailure("the scanned axis has length " + len + ": nothing to scan");
        if (!t.elementType().isFloat()) throw new RewriteFailure("the input is " + t.elementType() + ": MatMul would sum integers in floating point");
        long outer = 1;
        long inner = 1;
        for (int i = 0; i < t.rank(); i++) {
            if (i < axis) outer *= t.dim(i);
            if (i > axis) inner *= t.dim(i);
        }
        return new Scan(len, outer, inner);
    }

    /** A side×side mask of {@code t}'s element type fits a Java array and {@code max-mask-bytes}. */
    private void requireMaskFits(long side, TensorType t) {
        if (side > MAX_MASK_SIDE) {
            // Before the product below can overflow, and before mask() would size a Java array past 2^31.
            throw new RewriteFailure("the " + side + "×" + side + " mask has more than 2^31 elements, more than xamba builds in memory");
        }
        long maskBytes = side * side * t.elementType().byteWidth();
        if (maskBytes > maxMaskBytes) {
            throw new RewriteFailure("the " + side + "×" + side + " mask takes " + maskBytes + " bytes, over max-mask-bytes=" + maxMaskBytes);
        }
    }

    @Override
    protected List<Operation> plan(Operation root, OvBuilder ov) {
        CumSumOp scan = CumSumOp.KIND.cast(root);
        Scan s = guards(scan);
        TensorType t = scan.input().tensorType();
        requireMaskFits(s.len(), t);
        long len = s.len();
        long outer = s.outer();
        long inner = s.inner();
        Value y;
        if (inner == 1) {
            Value rows = ov.reshaped(scan.input(), outer, len);
            y = ov.create(MatMulOp.KIND, rows, ov.constant(mask(t, len, scan.exclusive(), scan.reverse(), true)));
        } else {
            Value x = ov.reshaped(scan.input(), outer, len, inner);
            y = ov.create(MatMulOp.KIND, ov.constant(mask(t, len, scan.exclusive(), scan.reverse(), false)), x);
        }
        ov.replace(ov.reshaped(y, t.shape()));
        return List.of();
    }

    /** The L×L 0/1 mask ({@code transposed}: indexed [input j][output i], for x·mask). */
    static Tensor mask(TensorType t, long len, boolean exclusive, boolean reverse, boolean transposed) {
        int n = (int) len;
        float[] m = new float[n * n]; // 0 and 1 are exact: as floats, f32 needs no rounding pass (L² calls, run cold)
        for (int i = 0; i < n; i++) {
            // output i sums inputs j in [from, to)
            int from = reverse ? (exclusive ? i + 1 : i) : 0;
            int to = reverse ? n : (exclusive ? i : i + 1);
            for (int j = from; j < to; j++) m[transposed ? j * n + i : i * n + j] = 1;
        }
        return Tensor.ofFloats(TensorType.of(t.elementType(), len, len), m);
    }
}
