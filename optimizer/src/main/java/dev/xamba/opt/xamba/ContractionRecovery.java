package dev.xamba.opt.xamba;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.MatMulOp;
import dev.xamba.ir.ops.ov.view.ReduceOp;
import dev.xamba.opt.rewrite.OvBuilder;
import dev.xamba.opt.rewrite.RewriteFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import java.util.List;
import java.util.Map;

/**
 * {@code xamba-contract}: contraction recovery. A broadcast product summed over some axes is an einsum, so
 * <pre>
 *   %p = ov.Multiply(%a, %b)            // e.g. 1×1×256×1×24×128 · 1×1×1×256×24×128
 *   %s = ov.ReduceSum(%p, [-1])          // 201 M products materialized, then summed
 * →
 *   %l = Transpose/Reshape(%a) : [B, M, K]   %r = Transpose/Reshape(%b) : [B, N, K]
 *   %m = ov.MatMul(%l, %r) {transpose_b}     // [B, M, N], the product never exists
 *   %s = Reshape/Transpose(%m)
 * </pre>
 * Each product axis is batch (in both, kept), left/right-only (kept), contracted (in both, summed), or summed in
 * one operand only (that operand is summed first); size-1 axes are free. The layout (operand order, MatMul
 * transpose flags) is the one with the fewest Transposes ({@link EinsumPlan#bestLayout}). A sum over axes of size
 * 1 only is the product reshaped. Exact up to summation order.
 *
 * <p>Restrictions: the axes are a constant; static shapes; a product with elements; floating-point elements; numpy
 * broadcasting; the product feeds only this ReduceSum (else it is materialized anyway); at least one operand is
 * broadcast (a sum of a same-shape product saves nothing here; ReduBA may take the ReduceSum).
 */
final class ContractionRecovery extends XambaRewrite {

    ContractionRecovery(XambaContext context) {
        super(ReduceOp.SUM, context);
    }

    @Override public String patternName() { return "xamba-contract"; }

    @Override public boolean isCandidate(Operation op) {
        return ReduceOp.SUM.matches(op) && BinaryOp.MULTIPLY.matches(op.operand(0).definingOp());
    }

    @Override
    protected List<Operation> plan(Operation root, OvBuilder ov) {
        ReduceOp sum = ReduceOp.SUM.cast(root);
        BinaryOp mul = BinaryOp.MULTIPLY.cast(sum.input().definingOp());
        int[] axes = sum.axes().orElseThrow(() -> new RewriteFailure("the reduced axes are not a constant"));
        for (Value v : List.of(mul.lhs(), mul.rhs(), mul.result())) {
            if (!v.tensorType().hasStaticShape()) throw new RewriteFailure("the product's operand " + v.tensorType() + " has a dynamic dim");
        }
        if (mul.resultType().numElements() == 0) {
            throw new RewriteFailure("the product " + mul.resultType() + " has no elements: the sum is a constant");
        }
        if (!mul.resultType().elementType().isFloat()) {
            throw new RewriteFailure("the product is " + mul.resultType().elementType() + ": MatMul would accumulate integers in floating point");
        }
        if (!"numpy".equals(mul.autoBroadcast())) throw new RewriteFailure("the product's auto_broadcast is " + mul.autoBroadcast() + ", not numpy");
        EinsumPlan p = new EinsumPlan(mul.lhs().tensorType().shape(), mul.rhs().tensorType().shape(), mul.resultType().shape(), axes);
        long[] out = sum.resultType().shape();
        boolean summedAlone = p.has(AxisRole.LEFT_SUMMED) || p.has(AxisRole.RIGHT_SUMMED);
        if (!p.has(AxisRole.CONTRACTED) && !summedAlone) {
            // Every summed axis has size 1: the sum is the product, reshaped.
            ov.fuseLocationOf(mul.op());
            if (mul.result().numUses() == 1 && mul.isSameShape()) {
                var sunk = productOfTransposeSources(ov, mul);
                if (sunk.isPresent()) {
                    ov.replace(ov.reshaped(ov.transposed(sunk.get().source(), sunk.get().perm()), out));
                    return List.of(mul.op());
                }
            }
            ov.replace(ov.reshaped(mul.result(), out)); // the product stays as it is
            return List.of();
        }
        int users = mul.result().numUses();
        if (users > 1) {
            throw new RewriteFailure("the product has " + users + " users: it would stay materialized for the others");
        }
        if (!p.has(AxisRole.LEFT) && !p.has(AxisRole.RIGHT) && !summedAlone) {
            throw new RewriteFailure("no operand is broadcast: the product is no larger than its operands (left to xamba-reduba)");
        }
        ov.fuseLocationOf(mul.op());
        Value a = sumAlone(ov, mul.lhs(), p, AxisRole.LEFT_SUMMED);
        Value b = sumAlone(ov, mul.rhs(), p, AxisRole.RIGHT_SUMMED);
        if (summedAlone) p = new EinsumPlan(a.tensorType().shape(), b.tensorType().shape(), withSummedAloneAsOne(p), axes);
        List<Operation> dead = new ArrayList<>(List.of(mul.op()));
        Value result = p.has(AxisRole.CONTRACTED) ? matMul(ov, a, b, p, dead) : ov.create(BinaryOp.MULTIPLY, a, b);
        ov.replace(ov.reshaped(result, out));
        return dead;
    }

    /**
     * {@code Multiply(Transpose(a, q), Transpose(b, q))} (up to unit dims) as {@code Transpose(Multiply(a, b), q)}:
     * the new product of the sources and {@code q}, so that a contraction reading it composes its own transpose
     * with {@code q} (usually to none) and the two transposes die; empty when the operands are not transposes of
     * same-shaped values by one order.
     */
    private static Optional<CompactLayout.Transposed> productOfTransposeSources(OvBuilder ov, BinaryOp mul) {
        var l = CompactLayout.transposeOf(mul.lhs());
        var r = CompactLayout.transposeOf(mul.rhs());
        if (l.isEmpty() || r.isEmpty() || !Arrays.equals(l.get().perm(), r.get().perm())) return Optional.empty();
        long[] shape = CompactLayout.nonUnit(l.get().source().tensorType().shape());
        if (!Arrays.equals(shape, CompactLayout.nonUnit(r.get().source().tensorType().shape()))) return Optional.empty();
        Value product = ov.create(BinaryOp.MULTIPLY, ov.reshaped(l.get().source(), shape), ov.reshaped(r.get().source(), shape));
        return Optional.of(new CompactLayout.Transposed(product, l.get().perm()));
    }

    /**
     * {@code x} as a transpose (up to unit dims): directly, or as a same-shape product of two same-order
     * transposes that only this contraction reads (that product then dies: added to {@code dead}).
     */
    private static Optional<CompactLayout.Transposed> asTranspose(OvBuilder ov, Value x, List<Operation> dead) {
        var direct = CompactLayout.transposeOf(x);
        if (direct.isPresent()) return direct;
        Value s = CompactLayout.source(x);
        Optional<BinaryOp> m = BinaryOp.MULTIPLY.definingOp(s);
        if (m.isEmpty() || !m.get().isSameShape() || s.numUsesInBlocks() != 1) return Optional.empty(); // not the plan's own reads
        var sunk = productOfTransposeSources(ov, m.get());
        sunk.ifPresent(t -> dead.add(m.get().op()));
        return sunk;
    }

    /** {@code x} summed (keep_dims) over the product axes of {@code role}, which only {@code x} has. */
    private static Value sumAlone(OvBuilder ov, Value x, EinsumPlan p, AxisRole role) {
        List<Integer> axes = p.axes(role);
        if (axes.isEmpty()) return x;
        int offset = p.product.length - x.tensorType().rank();
        long[] own = axes.stream().mapToLong(i -> i - offset).toArray();
        return ov.create(ReduceOp.SUM, Map.of("keep_dims", BoolAttr.TRUE), x, ov.i64Vector(own));
    }

    private static long[] withSummedAloneAsOne(EinsumPlan p) {
        long[] shape = p.product.clone();
        for (int i = 0; i < shape.length; i++) {
            if (p.roles[i] == AxisRole.LEFT_SUMMED || p.roles[i] == AxisRole.RIGHT_SUMMED) shape[i] = 1;
        }
        return shape;
    }

    private static Value matMul(OvBuilder ov, Value a, Value b, EinsumPlan p, List<Operation> dead) {
        EinsumPlan.Layout layout = p.bestLayout();
        Value left = asMatrix(ov, layout.swap() ? b : a, p, p.leftGroups(layout), dead);
        Value right = asMatrix(ov, layout.swap() ? a : b, p, p.rightGroups(layout), dead);
        Map<String, dev.xamba.ir.attr.Attribute> flags = new java.util.TreeMap<>();
        if (layout.transposeLeft()) flags.put("transpose_a", BoolAttr.TRUE);
        if (layout.transposeRight()) flags.put("transpose_b", BoolAttr.TRUE);
        Value m = ov.create(MatMulOp.KIND, flags, left, right);
        List<AxisRole> groups = p.outputGroups(layout);
        List<Integer> order = p.ordered(groups);
        if (order.isEmpty()) return m;
        Value grouped = ov.reshaped(m, dims(p, order));
        if (!p.needsTranspose(groups)) return grouped;
        List<Integer> sorted = new ArrayList<>(order);
        sorted.sort(null);
        int[] perm = sorted.stream().mapToInt(order::indexOf).toArray();
        return ov.transposed(grouped, perm);
    }

    /**
     * {@code x} as the rank-3 MatMul operand {@code [g0, g1, g2]} (each group's axes flattened, in order). A
     * needed Transpose works on {@code x} with its size-1 dims squeezed out: OpenVINO's CPU plugin transposes a
     * compact rank-3 tensor several times faster than the same data as rank 6 with four unit dims.
     */
    private static Value asMatrix(OvBuilder ov, Value x, EinsumPlan p, List<AxisRole> groups, List<Operation> dead) {
        if (p.needsTranspose(groups)) {
            List<Integer> want = p.ordered(groups);
            List<Integer> stored = new ArrayList<>(want);
            stored.sort(null);
            int[] perm = want.stream().mapToInt(stored::indexOf).toArray();
            var earlier = asTranspose(ov, x, dead);
            if (earlier.isPresent() && earlier.get().perm().length == perm.length) {
                // x is itself a transpose (up to unit dims): one permutation of its source does both, often none.
                Value source = earlier.get().source();
                int[] both = CompactLayout.compose(earlier.get().perm(), perm);
                x = ov.transposed(ov.reshaped(source, CompactLayout.nonUnit(source.tensorType().shape())), both);
            } else {
                x = ov.transposed(ov.reshaped(x, dims(p, stored)), perm);
            }
        }
        return ov.reshaped(x, p.extent(groups.get(0)), p.extent(groups.get(1)), p.extent(groups.get(2)));
    }

    private static long[] dims(EinsumPlan p, List<Integer> axes) {
        return axes.stream().mapToLong(i -> p.product[i]).toArray();
    }
}
