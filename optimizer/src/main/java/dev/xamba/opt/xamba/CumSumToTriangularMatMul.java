package dev.xamba.opt.xamba;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.ov.view.CumSumOp;
import dev.xamba.ir.ops.ov.view.MatMulOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pass.PassOption;
import dev.xamba.opt.rewrite.OvBuilder;
import dev.xamba.opt.rewrite.RewriteFailure;
import java.util.List;
import java.util.Map;

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
 * <p>Restrictions, each a stated reason: the axis is a constant; the shape is static (L in particular); L > 1;
 * floating-point elements; the mask fits {@code max-mask-bytes} (default: one NPU tile's CMX); the cost model
 * predicts a win (unless forced).
 */
final class CumSumToTriangularMatMul extends XambaRewrite {
    static final PassOption<Long> MAX_MASK_BYTES = PassOption.longOption("max-mask-bytes", 0L,
            "largest constant mask, in bytes; 0 means the target's on-chip memory (CMX of one NPU tile)").atLeast(0);

    private final long maxMaskBytes;

    CumSumToTriangularMatMul(XambaContext context, long maxMaskBytes) {
        super(CumSumOp.KIND, context);
        this.maxMaskBytes = maxMaskBytes;
    }

    static long maskBudget(XambaPass pass) {
        long configured = pass.option(MAX_MASK_BYTES);
        return configured > 0 ? configured : XambaTargets.maskBudgetBytes(pass.option(XambaPass.TARGET));
    }

    @Override public String patternName() { return "xamba-cumba"; }

    @Override public boolean isCandidate(Operation op) { return CumSumOp.KIND.matches(op); }

    @Override
    protected List<Operation> plan(Operation root, OvBuilder ov) {
        CumSumOp scan = CumSumOp.KIND.cast(root);
        int axis = scan.axis().orElseThrow(() -> new RewriteFailure("the axis is not a constant"));
        TensorType t = scan.input().tensorType();
        if (t.isDynamicDim(axis)) throw new RewriteFailure("the scanned axis " + axis + " has a dynamic length");
        if (!t.hasStaticShape()) throw new RewriteFailure("the input " + t + " has a dynamic dim");
        long len = t.dim(axis);
        if (len < 2) throw new RewriteFailure("the scanned axis has length " + len + ": nothing to scan");
        if (!t.elementType().isFloat()) throw new RewriteFailure("the input is " + t.elementType() + ": MatMul would sum integers in floating point");
        long maskBytes = len * len * t.elementType().byteWidth();
        if (maskBytes > maxMaskBytes) {
            throw new RewriteFailure("the " + len + "×" + len + " mask takes " + maskBytes + " bytes, over max-mask-bytes=" + maxMaskBytes);
        }
        long outer = 1;
        long inner = 1;
        for (int i = 0; i < t.rank(); i++) {
            if (i < axis) outer *= t.dim(i);
            if (i > axis) inner *= t.dim(i);
        }
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
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean in = reverse ? (exclusive ? j > i : j >= i) : (exclusive ? j < i : j <= i);
                if (in) m[transposed ? j * n + i : i * n + j] = 1;
            }
        }
        return Tensor.ofDoubles(TensorType.of(t.elementType(), len, len), m);
    }
}
