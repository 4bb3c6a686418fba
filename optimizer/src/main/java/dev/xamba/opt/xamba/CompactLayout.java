package dev.xamba.opt.xamba;

import dev.xamba.ir.Value;
import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.ir.ops.ov.view.TransposeOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Layout facts seen through unit dims: exported graphs wrap every product in Unsqueeze/Reshape ops that only add
 * or drop size-1 dims, which move no data. Seen "compactly" (unit dims ignored), a value is often a Transpose of
 * another; contraction recovery composes such a Transpose with the one it needs, and then usually needs none.
 */
final class CompactLayout {
    private CompactLayout() {}

    /** A value equal, up to unit dims, to {@code Transpose(source, perm)} where perm permutes non-unit dims only. */
    record Transposed(Value source, int[] perm) {}

    /** The dims of {@code shape} larger than 1, in order. */
    static long[] nonUnit(long[] shape) {
        return Arrays.stream(shape).filter(d -> d != 1).toArray();
    }

    /** {@code v} with unit-dim-only reshapes (Reshape, Squeeze, Unsqueeze) looked through. */
    static Value source(Value v) {
        while (true) {
            Optional<ReshapeOp> r = ReshapeOp.ANY.definingOp(v);
            if (r.isEmpty() || !r.get().isStatic()) return v;
            Value in = r.get().input();
            if (!Arrays.equals(nonUnit(in.tensorType().shape()), nonUnit(v.tensorType().shape()))) return v;
            v = in;
        }
    }

    /** {@code v}, up to unit dims, as a Transpose of another value, with the permutation of the non-unit dims. */
    static Optional<Transposed> transposeOf(Value v) {
        Value s = source(v);
        Optional<TransposeOp> t = TransposeOp.KIND.definingOp(s);
        if (t.isEmpty() || t.get().order().isEmpty() || !t.get().input().tensorType().hasStaticShape()) return Optional.empty();
        int[] order = t.get().order().get();
        long[] in = t.get().input().tensorType().shape();
        List<Integer> inBig = new ArrayList<>();
        for (int i = 0; i < in.length; i++) if (in[i] != 1) inBig.add(i);
        List<Integer> perm = new ArrayList<>();
        for (int axis : order) if (in[axis] != 1) perm.add(inBig.indexOf(axis));
        return Optional.of(new Transposed(t.get().input(), perm.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** {@code outer ∘ inner}: transposing by {@code inner} then by {@code outer} is transposing by the result. */
    static int[] compose(int[] inner, int[] outer) {
        int[] r = new int[outer.length];
        for (int i = 0; i < outer.length; i++) r[i] = inner[outer[i]];
        return r;
    }

    static boolean isIdentity(int[] perm) {
        for (int i = 0; i < perm.length; i++) if (perm[i] != i) return false;
        return true;
    }
}
