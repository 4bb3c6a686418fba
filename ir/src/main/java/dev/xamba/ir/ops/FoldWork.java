package dev.xamba.ir.ops;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.ConvertOp;
import dev.xamba.ir.ops.ov.view.ConvolutionOp;
import dev.xamba.ir.ops.ov.view.MatMulOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;

/**
 * How much arithmetic evaluating an op on constants costs, in multiply-adds: what a constant folder bounds
 * besides the size of the result. A 1024×1024 MatMul has a result of 2^20 elements but costs 2^30
 * multiply-adds; a chain of them over a {@code ConstantOfShape} would keep the folder busy for a minute.
 * Estimates saturate at {@link Long#MAX_VALUE}; a dynamic shape counts as unbounded.
 */
public final class FoldWork {
    /** Default per-op budget: 2^26 multiply-adds, a fraction of a second in the Java kernels. */
    public static final long DEFAULT_MAX = 1L << 26;

    private FoldWork() {}

    public static long estimate(Operation op) {
        long work = 0;
        for (Value v : op.operandValues()) work = add(work, elements(v));
        long results = 0;
        for (Value r : op.results()) results = add(results, elements(r));
        work = add(work, results);
        if (MatMulOp.KIND.matches(op) || OnnxOp.MAT_MUL.matches(op) || OnnxOp.GEMM.matches(op)) {
            // Each result element is a dot product over the contracted dimension: at most the largest of
            // operand 0's last two dims (either may be contracted, when transposed).
            work = add(work, multiply(results, lastDims(op.operand(0))));
        } else if (ConvolutionOp.ANY.matches(op) || OnnxOp.CONV.matches(op)) {
            // Each result element reads one output channel's filter: the weights' elements per output channel.
            if (op.numOperands() > 1 && op.operand(1).type() instanceof TensorType w && w.hasStaticShape() && w.rank() > 0) {
                work = add(work, multiply(results, w.numElements() / Math.max(1, w.dim(0))));
            } else {
                work = Long.MAX_VALUE;
            }
        }
        return work;
    }

    /**
     * Whether {@code op} widens a 16-bit floating-point constant to f32 ({@code ov.Convert} or {@code onnx.Cast}):
     * the decompression of compressed weights. Folding it costs little but doubles the weights the IR stores, and
     * OpenVINO keeps such weights compressed only while the Convert is there, so folders leave it alone.
     */
    public static boolean isWeightDecompression(Operation op) {
        if (!(ConvertOp.KIND.matches(op) || OnnxOp.CAST.matches(op)) || op.numOperands() != 1 || op.numResults() != 1) return false;
        if (!(op.operand(0).type() instanceof TensorType from) || !(op.result(0).type() instanceof TensorType to)) return false;
        boolean halfFloat = from.elementType() == ElementType.F16 || from.elementType() == ElementType.BF16;
        return halfFloat && to.elementType() == ElementType.F32;
    }

    private static long lastDims(Value v) {
        if (!(v.type() instanceof TensorType t) || !t.hasStaticShape()) return Long.MAX_VALUE;
        long k = 1;
        for (int d = Math.max(0, t.rank() - 2); d < t.rank(); d++) k = Math.max(k, t.dim(d));
        return k;
    }

    private static long elements(Value v) {
        if (!(v.type() instanceof TensorType t)) return 1;
        return t.hasStaticShape() ? t.numElements() : Long.MAX_VALUE;
    }

    private static long add(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    private static long multiply(long a, long b) {
        if (a == 0 || b == 0) return 0;
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
