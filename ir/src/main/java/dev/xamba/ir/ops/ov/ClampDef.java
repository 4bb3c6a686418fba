package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code ov.Clamp(x) {min, max}}: OpenVINO Clamp-1. Floats clamp to the bounds rounded to the element type;
 * integers clamp to {@code ceil(min)} and {@code floor(max)}, as OpenVINO does.
 */
final class ClampDef extends OvOpDefinition {
    ClampDef() {
        super("Clamp", "opset1", "limits values to [min, max]", 1, 1,
                List.of(AttrSpec.required("min", AttrSpec.Kind.FLOAT), AttrSpec.required("max", AttrSpec.Kind.FLOAT)),
                Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        OvShapes.requireNumeric(ctx, 0, "operand");
        double min = ctx.floatAttr("min");
        double max = ctx.floatAttr("max");
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new OpError("needs min <= max, got min = " + min + ", max = " + max);
        }
        return List.of(ctx.operandType(0));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Tensor x = ctx.constantOperand(0).orElseThrow();
        double min = Tensor.round(x.elementType(), ctx.floatAttr("min"));
        double max = Tensor.round(x.elementType(), ctx.floatAttr("max"));
        long lo = (long) Math.max(Math.ceil(ctx.floatAttr("min")), Long.MIN_VALUE);
        long hi = (long) Math.min(Math.floor(ctx.floatAttr("max")), Long.MAX_VALUE);
        return List.of(Elementwise.map(x, x.type(), v -> Math.min(Math.max(v, min), max), v -> Math.min(Math.max(v, lo), hi)));
    }
}
