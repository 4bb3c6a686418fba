package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Gathering;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * {@code ov.Tile(x, repeats)}: OpenVINO Tile-1. Dim d of the result is {@code repeats[d]} copies of x's dim d; the
 * shorter of x's shape and repeats is padded with leading 1s.
 */
final class TileDef extends OvOpDefinition {
    TileDef() {
        super("Tile", "opset1", "repeats a tensor along each dim", 2, 2, List.of(), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        OvShapes.requireIntegerVector(ctx, 1, "repeats");
        TensorType x = ctx.operandType(0);
        Optional<long[]> repeats = OvShapes.constantLongs(ctx, 1);
        if (repeats.isEmpty()) {
            return List.of(x.withShape(OvShapes.dynamic(Math.max(x.rank(), OvShapes.staticLength(ctx, 1, "repeats")))));
        }
        long[] in = padded(x.shape(), repeats.get().length);
        long[] r = padded(repeats.get(), x.rank());
        long[] out = new long[in.length];
        for (int d = 0; d < out.length; d++) {
            if (r[d] < 0) throw new OpError("repeats entry " + r[d] + " is negative");
            out[d] = in[d] == TensorType.DYNAMIC ? TensorType.DYNAMIC : in[d] * r[d];
        }
        return List.of(x.withShape(out));
    }

    /** {@code s} with leading 1s up to {@code rank}. */
    private static long[] padded(long[] s, int rank) {
        if (s.length >= rank) return s;
        long[] r = new long[rank];
        java.util.Arrays.fill(r, 1);
        System.arraycopy(s, 0, r, rank - s.length, s.length);
        return r;
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        Tensor x = ctx.constantOperand(0).orElseThrow();
        Tensor aligned = x.reshape(x.type().withShape(padded(x.type().shape(), out.rank())));
        return List.of(Gathering.tile(aligned, out));
    }
}
