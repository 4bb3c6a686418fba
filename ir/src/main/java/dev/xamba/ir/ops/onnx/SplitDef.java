package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Slicing;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code onnx.Split(input[, split]) {axis, num_outputs}}: cuts input along {@code axis} into pieces of the lengths
 * in {@code split}, or into {@code num_outputs} pieces of ceil(dim / num_outputs) with a smaller last one (ONNX
 * 18). Exactly one of the two must be given; the importer turns older opsets' implicit "as many as outputs"
 * into {@code num_outputs}. The number of results follows from them.
 */
final class SplitDef extends OpDefinition {
    private static final long DYN = TensorType.DYNAMIC;

    SplitDef() {
        super("onnx.Split", "cuts a tensor into pieces along an axis", 1, 2, List.of(
                AttrSpec.optional("axis", AttrSpec.Kind.INT, IntegerAttr.i64(0)),
                AttrSpec.optional("num_outputs", AttrSpec.Kind.INT, null)), Trait.PURE);
    }

    @Override public int numResults() { return -1; }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        TensorType x = ctx.operandType(0);
        if (x.rank() == 0) throw new OpError("cannot split a scalar");
        int axis = OnnxOperands.normalizeAxis(ctx.intAttr("axis"), x.rank(), "axis");
        List<TensorType> out = new ArrayList<>();
        for (long len : lengths(ctx, axis)) {
            long[] s = x.shape();
            s[axis] = len;
            out.add(TensorType.of(x.elementType(), s));
        }
        return out;
    }

    /** The length of each piece along the axis (DYN where unknown). */
    private static long[] lengths(OpContext ctx, int axis) {
        long dim = ctx.operandType(0).dim(axis);
        boolean hasNum = ctx.attr("num_outputs") != null;
        if (OnnxOperands.has(ctx, 1)) {
            if (hasNum) throw new OpError("give either a 'split' operand or a 'num_outputs' attribute, not both");
            int n = OnnxOperands.staticIntVector(ctx, 1, "split");
            Optional<long[]> split = OnnxOperands.ints(ctx, 1);
            if (split.isEmpty()) {
                long[] dyn = new long[n];
                Arrays.fill(dyn, DYN);
                return dyn;
            }
            long sum = 0;
            for (long s : split.get()) {
                if (s < 0) throw new OpError("split " + Arrays.toString(split.get()) + " has a negative length");
                sum += s;
            }
            if (dim != DYN && sum != dim) {
                throw new OpError("split " + Arrays.toString(split.get()) + " adds up to " + sum + " but axis " + axis + " has " + dim);
            }
            return split.get();
        }
        if (!hasNum) throw new OpError("needs a 'split' operand or a 'num_outputs' attribute");
        long n = ctx.intAttr("num_outputs");
        if (n < 1) throw new OpError("num_outputs must be positive, got " + n);
        if (n > Integer.MAX_VALUE) throw new OpError("num_outputs " + n + " is too large");
        long[] lengths = new long[(int) n];
        if (dim == DYN) {
            Arrays.fill(lengths, DYN);
            return lengths;
        }
        long chunk = (dim + n - 1) / n;
        long last = dim - chunk * (n - 1);
        if (last < 0) throw new OpError("cannot split " + dim + " elements into " + n + " outputs of " + chunk + " and a smaller last one");
        Arrays.fill(lengths, chunk);
        lengths[(int) n - 1] = last;
        return lengths;
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Tensor x = ctx.constantOperand(0).orElseThrow();
        int axis = OnnxOperands.normalizeAxis(ctx.intAttr("axis"), x.type().rank(), "axis");
        return Slicing.split(x, axis, lengths(ctx, axis));
    }
}
