package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
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

    /** start and step as the output type sees them, and the length. */
    private record Plan(double start, double step, long length) {}

    private static Optional<Plan> plan(OpContext ctx, ElementType type) {
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            Optional<Tensor> t = ctx.constantOperand(i);
            if (t.isEmpty()) return Optional.empty();
            v[i] = type.isFloat() ? t.get().getDouble(0) : (double) (long) t.get().getDouble(0);
        }
        if (v[2] == 0) throw new OpError("step must not be 0");
        double n = Math.ceil((v[1] - v[0]) / v[2]);
        if (Double.isNaN(n)) throw new OpError("start, stop and step must be finite");
        return Optional.of(new Plan(v[0], v[2], (long) Math.max(n, 0)));
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        ElementType type = OvElementTypes.require(ctx.stringAttr("output_type"), "output_type");
        if (type.isBool()) throw new OpError("output_type must be numeric");
        String[] names = {"start", "stop", "step"};
        for (int i = 0; i < 3; i++) {
            OvShapes.requireScalar(ctx, i, names[i]);
            OvShapes.requireNumeric(ctx, i, names[i]);
        }
        return List.of(TensorType.of(type, plan(ctx, type).map(Plan::length).orElse(TensorType.DYNAMIC)));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        Plan p = plan(ctx, out.elementType()).orElseThrow();
        double[] v = new double[(int) p.length()];
        for (int i = 0; i < v.length; i++) v[i] = p.start() + i * p.step();
        return List.of(ConvertDef.convert(Tensor.ofDoubles(out.withElementType(ElementType.F64), v), out));
    }
}
