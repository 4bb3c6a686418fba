package dev.xamba.opt.xamba;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.ov.view.MatMulOp;
import dev.xamba.ir.ops.ov.view.ReduceOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pass.PassOption;
import dev.xamba.opt.rewrite.OvBuilder;
import dev.xamba.opt.rewrite.RewriteFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code xamba-reduba}: XAMBA's ReduBA. A sum (mean) over axes is a product with a constant ones (1/N) vector:
 * <pre>
 *   %y = ov.ReduceSum(%x : [P, K, Q], axes)  →  %y = Reshape(ov.MatMul(%ones : [1, K], %x : [P, K, Q]))
 *   %y = ov.ReduceSum(%x : [P, K], axes)     →  %y = Reshape(ov.MatMul(%x : [P, K], %ones : [K, 1]))
 * </pre>
 * where K is the product of the reduced dims, which must be adjacent once size-1 dims are ignored; otherwise one
 * Transpose moves them last first. keep_dims either way (the final Reshape gives the result's shape).
 *
 * <p>Restrictions: the axes are a constant; static shape; floating-point elements; at least one element; at least
 * one reduced dim is larger than 1 (a sum over size-1 dims is a Reshape, canonicalize's job); a mean's weight 1/N
 * is a normal number of the element type (in f16, N at most 16384); the vector fits {@code max-ones-bytes} (default:
 * one NPU tile's CMX, as CumBA's masks; a reduction of 10^8 elements would embed a 400 MB constant). A ReduceSum of a
 * broadcast product is {@code xamba-contract}'s first; this pattern takes what it leaves.
 */
final class ReduceToOnesMatMul extends XambaRewrite {
    static final PassOption<Long> MAX_ONES_BYTES = PassOption.longOption("max-ones-bytes", 0L,
            "largest constant ones (1/N) vector, in bytes; 0 means the target's on-chip memory (CMX of one NPU tile)").atLeast(0);

    private final long maxOnesBytes;

    ReduceToOnesMatMul(XambaContext context, long maxOnesBytes) {
        super(ReduceOp.SUM.or(ReduceOp.MEAN), context);
        this.maxOnesBytes = maxOnesBytes;
    }

    @Override public String patternName() { return "xamba-reduba"; }

    @Override public boolean isCandidate(Operation op) { return ReduceOp.SUM.matches(op) || ReduceOp.MEAN.matches(op); }

    @Override
    protected List<Operation> plan(Operation root, OvBuilder ov) {
        ReduceOp reduce = ReduceOp.SUM.or(ReduceOp.MEAN).cast(root);
        int[] axes = reduce.axes().orElseThrow(() -> new RewriteFailure("the reduced axes are not a constant"));
        TensorType t = reduce.input().tensorType();
        if (!t.hasStaticShape()) throw new RewriteFailure("the input " + t + " has a dynamic dim");
        if (!t.elementType().isFloat()) throw new RewriteFailure("the input is " + t.elementType() + ": MatMul would sum integers in floating point");
        if (t.numElements() == 0) throw new RewriteFailure("the input " + t + " has no elements: the result is a constant");
        boolean[] reduced = new boolean[t.rank()];
        long k = 1;
        for (int a : axes) {
            reduced[a] = true;
            k *= t.dim(a);
        }
        if (k == 1) throw new RewriteFailure("every reduced dim has size 1: the reduction is a Reshape");
        int width = t.elementType().byteWidth();
        if (k > maxOnesBytes / width) {
            throw new RewriteFailure("the ones vector of " + k + " " + t.elementType() + " elements is over max-ones-bytes=" + maxOnesBytes);
        }
        // The weight is a constant of the input's type. Below that type's smallest normal number it keeps ever fewer
        // significant bits: an f16 mean of 307200 ones would come out 1.0068, of 1e6 ones 1.0137, and past about
        // 3.3e7 elements the weight rounds to 0.
        if (reduce.isMean() && 1.0 / k < smallestNormal(t.elementType())) {
            throw new RewriteFailure("the mean's weight 1/" + k + " is below " + t.elementType()
                    + "'s smallest normal number: the constant would lose its precision");
        }
        // The dims that matter (size > 1) in order; is the reduced run among them contiguous?
        List<Integer> big = new ArrayList<>();
        for (int i = 0; i < t.rank(); i++) if (t.dim(i) > 1) big.add(i);
        int first = -1;
        int last = -1;
        for (int j = 0; j < big.size(); j++) {
            if (reduced[big.get(j)]) {
                if (first < 0) first = j;
                last = j;
            }
        }
        boolean contiguous = true;
        for (int j = first; j <= last; j++) contiguous &= reduced[big.get(j)];
        Value x = reduce.input();
        long outer = 1;
        long inner = 1;
        if (contiguous) {
            for (int j = 0; j < first; j++) outer *= t.dim(big.get(j));
            for (int j = last + 1; j < big.size(); j++) inner *= t.dim(big.get(j));
        } else {
            // One Transpose moves the reduced dims last, the others keeping their order.
            List<Integer> perm = new ArrayList<>();
            for (int i = 0; i < t.rank(); i++) if (!reduced[i]) perm.add(i);
            for (int i = 0; i < t.rank(); i++) if (reduced[i]) perm.add(i);
            x = ov.transposed(x, perm.stream().mapToInt(Integer::intValue).toArray());
            outer = t.numElements() / k;
        }
        double weight = reduce.isMean() ? 1.0 / k : 1.0;
        Value y;
        if (inner == 1) {
            y = ov.create(MatMulOp.KIND, ov.reshaped(x, outer, k), ov.constant(Tensor.splat(TensorType.of(t.elementType(), k, 1), weight)));
        } else {
            y = ov.create(MatMulOp.KIND, ov.constant(Tensor.splat(TensorType.of(t.elementType(), 1, k), weight)),
                    ov.reshaped(x, outer, k, inner));
        }
        ov.replace(ov.reshaped(y, reduce.resultType().shape()));
        return List.of();
    }

    private static double smallestNormal(ElementType et) {
        return switch (et) {
            case F16 -> 0x1p-14;
            case F64 -> Double.MIN_NORMAL;
            default -> Float.MIN_NORMAL; // f32, and bf16 (f32's exponent range)
        };
    }
}
