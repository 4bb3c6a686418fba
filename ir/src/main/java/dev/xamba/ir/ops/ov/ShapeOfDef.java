package dev.xamba.ir.ops.ov;

import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/** {@code ov.ShapeOf(x) {output_type}}: OpenVINO ShapeOf-3, x's dims as a vector of i64 (default) or i32. */
final class ShapeOfDef extends OvOpDefinition {
    ShapeOfDef() {
        super("ShapeOf", "opset3", "the shape of a tensor", 1, 1,
                List.of(AttrSpec.optional("output_type", AttrSpec.Kind.STRING, new StringAttr("i64"))), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        ElementType t = OvElementTypes.require(ctx.stringAttr("output_type"), "output_type");
        if (t != ElementType.I64 && t != ElementType.I32) throw new OpError("output_type must be i64 or i32, got " + t);
        return List.of(TensorType.of(t, ctx.operandType(0).rank()));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(Tensor.ofLongs(inferResultTypes(ctx).get(0), ctx.operandType(0).shape()));
    }
}
