package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Slicing;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ov.Split(x, axis) {num_splits}} (equal parts; the dim must divide evenly) and
 * {@code ov.VariadicSplit(x, axis, split_lengths)} (given lengths, one of them may be -1): OpenVINO Split-1 and
 * VariadicSplit-1. The axis is a scalar (or one-element) integer constant.
 */
final class SplitDef extends OvOpDefinition {
    enum Kind { EVEN, VARIADIC }

    private final Kind kind;

    SplitDef(Kind kind) {
        super(kind == Kind.EVEN ? "Split" : "VariadicSplit", "opset1", "cuts a tensor into parts along an axis",
                kind == Kind.EVEN ? 2 : 3, kind == Kind.EVEN ? 2 : 3,
                kind == Kind.EVEN ? List.of(AttrSpec.required("num_splits", AttrSpec.Kind.INT)) : List.of(), Trait.PURE);
        this.kind = kind;
    }

    @Override public int numResults() { return -1; }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Shapes.requireInteger(ctx, 1, "axis");
        OvShapes.requireScalarLike(ctx, 1, "axis");
        TensorType x = ctx.operandType(0);
        int axis = Shapes.normalizeAxis(ctx.requireConstant(1, "axis").getLong(0), x.rank(), "axis");
        long[] lengths = lengths(ctx, x.dim(axis));
        List<TensorType> out = new ArrayList<>(lengths.length);
        for (long len : lengths) {
            long[] s = x.shape();
            s[axis] = len;
            out.add(x.withShape(s));
        }
        return out;
    }

    /** The part lengths along the axis (dynamic where unknown). */
    private long[] lengths(OpContext ctx, long dim) {
        if (kind == Kind.EVEN) {
            long n = ctx.intAttr("num_splits");
            if (n <= 0) throw new OpError("num_splits must be positive, got " + n);
            if (dim != TensorType.DYNAMIC && dim % n != 0) throw new OpError("dim " + dim + " does not split into " + n + " equal parts");
            long[] r = new long[(int) n];
            java.util.Arrays.fill(r, dim == TensorType.DYNAMIC ? TensorType.DYNAMIC : dim / n);
            return r;
        }
        OvShapes.requireIntegerVector(ctx, 2, "split_lengths");
        var given = OvShapes.constantLongs(ctx, 2);
        if (given.isEmpty()) return OvShapes.dynamic(OvShapes.staticLength(ctx, 2, "split_lengths"));
        long[] r = given.get().clone();
        int inferred = -1;
        long sum = 0;
        for (int i = 0; i < r.length; i++) {
            if (r[i] == -1) {
                if (inferred >= 0) throw new OpError("split_lengths has more than one -1");
                inferred = i;
            } else if (r[i] < 0) {
                throw new OpError("split_lengths entry " + r[i] + " is negative");
            } else {
                sum += r[i];
            }
        }
        if (dim == TensorType.DYNAMIC) {
            if (inferred >= 0) r[inferred] = TensorType.DYNAMIC;
        } else if (inferred >= 0) {
            if (sum > dim) throw new OpError("split_lengths sum to " + sum + ", more than dim " + dim);
            r[inferred] = dim - sum;
        } else if (sum != dim) {
            throw new OpError("split_lengths sum to " + sum + " but the dim is " + dim);
        }
        return r;
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Tensor x = ctx.constantOperand(0).orElseThrow();
        int axis = Shapes.normalizeAxis(ctx.constantOperand(1).orElseThrow().getLong(0), x.type().rank(), "axis");
        return Slicing.split(x, axis, lengths(ctx, x.type().dim(axis)));
    }
}
