package dev.xamba.ir.ops;

import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;

/** Shape rules shared by op definitions (dynamic dimensions are {@link TensorType#DYNAMIC}). */
public final class Shapes {
    private Shapes() {}

    static final long DYN = TensorType.DYNAMIC;

    /**
     * NumPy broadcasting of {@code x} with a shape of {@code length} dims whose values are not known (onnx.Expand,
     * bidirectional ov.Broadcast to a run-time shape): x's dims other than 1 survive any valid broadcast, the rest
     * are dynamic. The two ops must agree on it, or legalize-ov cannot replace one with the other.
     */
    public static long[] broadcastWithUnknown(long[] x, int length) {
        int rank = Math.max(length, x.length);
        long[] out = new long[rank];
        java.util.Arrays.fill(out, DYN);
        for (int i = 0; i < x.length; i++) if (x[i] != 1) out[rank - x.length + i] = x[i];
        return out;
    }

    /** NumPy broadcasting of two shapes, aligned at the right. */
    public static long[] broadcast(long[] a, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long x = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long y = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            out[i] = broadcastDim(x, y, a, b);
        }
        return out;
    }

    private static long broadcastDim(long x, long y, long[] a, long[] b) {
        if (x == 1) return y;
        if (y == 1) return x;
        if (x == DYN) return y;
        if (y == DYN || x == y) return x;
        throw new OpError("shapes [" + format(a) + "] and [" + format(b) + "] do not broadcast");
    }

    /** {@code 1x?x8}, the dimension list of a tensor type. */
    public static String format(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? "x" : "").append(shape[i] == DYN ? "?" : Long.toString(shape[i]));
        return sb.toString();
    }

    /** Normalizes an axis in [-rank, rank) to [0, rank). */
    public static int normalizeAxis(long axis, int rank, String what) {
        if (axis < -rank || axis >= rank) throw new OpError(what + " " + axis + " is out of range for rank " + rank);
        return (int) (axis < 0 ? axis + rank : axis);
    }

    public static void requireSameElementType(OpContext ctx, int a, int b) {
        ElementType x = ctx.operandType(a).elementType();
        ElementType y = ctx.operandType(b).elementType();
        if (x != y) throw new OpError("operands #" + a + " and #" + b + " have different element types (" + x + " vs " + y + ")");
    }

    public static void requireFloat(OpContext ctx, int i) {
        if (!ctx.operandType(i).elementType().isFloat()) {
            throw new OpError("operand #" + i + " must be a float tensor, got " + ctx.operandType(i));
        }
    }

    public static void requireInteger(OpContext ctx, int i, String what) {
        if (!ctx.operandType(i).elementType().isInteger()) {
            throw new OpError(what + " (operand #" + i + ") must be an integer tensor, got " + ctx.operandType(i));
        }
    }

    /** Requires a rank-0 or rank-1 integer operand (axes, shapes, orders). */
    public static void requireIntegerVectorOrScalar(OpContext ctx, int i, String what) {
        requireInteger(ctx, i, what);
        if (ctx.operandType(i).rank() > 1) throw new OpError(what + " (operand #" + i + ") must have rank 0 or 1");
    }
}
