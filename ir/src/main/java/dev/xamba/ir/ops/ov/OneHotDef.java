package dev.xamba.ir.ops.ov;

import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Remap;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * {@code ov.OneHot(indices, depth, on_value, off_value) {axis}}: OpenVINO OneHot-1. A new dim of size depth at
 * {@code axis} (of the output; -1 = last); the result holds on_value where the index matches, else off_value.
 * Indices outside {@code [0, depth)}, negative ones included, give a row of off_value (as OpenVINO 2026 does).
 */
final class OneHotDef extends OvOpDefinition {
    OneHotDef() {
        super("OneHot", "opset1", "one-hot encoding of indices", 4, 4,
                List.of(AttrSpec.optional("axis", AttrSpec.Kind.INT, IntegerAttr.i64(-1))), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Shapes.requireInteger(ctx, 0, "indices");
        Shapes.requireInteger(ctx, 1, "depth");
        OvShapes.requireScalarLike(ctx, 1, "depth");
        OvShapes.requireScalar(ctx, 2, "on_value");
        OvShapes.requireScalar(ctx, 3, "off_value");
        Shapes.requireSameElementType(ctx, 2, 3);
        long[] in = ctx.operandType(0).shape();
        int axis = Shapes.normalizeAxis(ctx.intAttr("axis"), in.length + 1, "axis");
        Optional<Tensor> depth = ctx.constantOperand(1);
        long d = depth.map(t -> t.getLong(0)).orElse(TensorType.DYNAMIC);
        if (depth.isPresent() && d < 0) throw new OpError("depth must not be negative, got " + d);
        long[] out = OvShapes.concat(OvShapes.concat(OvShapes.slice(in, 0, axis), new long[] {d}), OvShapes.slice(in, axis, in.length));
        return List.of(TensorType.of(ctx.operandType(2).elementType(), out));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        Tensor indices = ctx.constantOperand(0).orElseThrow();
        int axis = Shapes.normalizeAxis(ctx.intAttr("axis"), out.rank(), "axis");
        long depth = out.dim(axis);
        long inner = 1;
        for (int d = axis + 1; d < out.rank(); d++) inner *= out.dim(d);
        long in = inner;
        // Element 0 of offOn is off_value, element 1 on_value.
        Tensor off = ctx.constantOperand(3).orElseThrow();
        Tensor on = ctx.constantOperand(2).orElseThrow();
        Tensor offOn = off.isFloat()
                ? Tensor.ofDoubles(off.type().withShape(2), new double[] {off.getDouble(0), on.getDouble(0)})
                : Tensor.ofLongs(off.type().withShape(2), new long[] {off.getLong(0), on.getLong(0)});
        // Output flat i = (outer * depth + k) * inner + pos reads the index at outer * inner + pos.
        return List.of(Remap.copy(offOn, out, i -> {
            long pos = i % in;
            long rest = i / in;
            long k = rest % depth;
            long outer = rest / depth;
            return indices.getLong((int) (outer * in + pos)) == k ? 1 : 0;
        }, null));
    }
}
