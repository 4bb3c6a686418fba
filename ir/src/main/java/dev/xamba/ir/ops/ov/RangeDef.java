package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.ElementCounts;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * {@code ov.Range(start, stop, step) {output_type}}: OpenVINO Range-4. Scalars of any numeric types; for an integer
 * output_type they are first truncated toward zero. The length is {@code max(ceil((stop - start) / step), 0)}.
 */
final class RangeDef extends OvOpDefinition {
    RangeDef() {
        super("Range", "opset4", "an arithmetic sequence", 3, 3,
                List.of(AttrSpec.required("output_type", AttrSpec.Kind.STRING)), Trait.PURE);
    }

    /**
     * The length, or empty when an operand is not constant. For an integer output type it is exact in long (the
     * operands truncated toward zero); in double, 2^60 + 3 - 2^60 was 0.
     */
    private static Optional<Long> length(OpContext ctx, ElementType type) {
        Tensor[] v = new Tensor[3];
        for (int i = 0; i < 3; i++) {
            Optional<Tensor> t = ctx.constantOperand(i);
            if (t.isEmpty()) return Optional.empty();
            v[i] = t.get();
        }
        if (!type.isFloat()) {
            if (v[2].getLong(0) == 0) throw new OpError("step must not be 0");
            return Optional.of((long) ElementCounts.rangeLength(v[0].getLong(0), v[1].getLong(0), v[2].getLong(0)));
        }
        if (v[2].getDouble(0) == 0) throw new OpError("step must not be 0");
        double n = Math.ceil((v[1].getDouble(0) - v[0].getDouble(0)) / v[2].getDouble(0));
        if (Double.isNaN(n)) throw new OpError("start, stop and step must be finite");
        if (n > Integer.MAX_VALUE) throw new OpError("range of " + n + " elements is too large");
        return Optional.of((long) Math.max(n, 0));
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        ElementType type = OvElementTypes.require(ctx.stringAttr("output_type"), "output_type");
        if (type.isBool()) throw new OpError("output_type must be numeric");
        String[] names = {"start", "stop", "step"};
        for (int i = 0; i < 3; i++) {
            OvShapes.requireScalar(ctx, i, names[i]);
            OvShapes.requireNumeric(ctx, i, names[i]);
        }
        return List.of(TensorType.of(type, length(ctx, type).orElse(TensorType.DYNAMIC)));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        int n = (int) out.dim(0);
        Tensor start = ctx.constantOperand(0).orElseThrow();
        Tensor step = ctx.constantOperand(2).orElseThrow();
        if (out.elementType().isFloat()) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = start.getDouble(0) + i * step.getDouble(0);
            return List.of(Tensor.ofDoubles(out, v));
        }
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = start.getLong(0) + i * step.getLong(0);
        return List.of(Tensor.ofLongs(out, v));
    }
}
