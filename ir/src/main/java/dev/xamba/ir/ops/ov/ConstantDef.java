package dev.xamba.ir.ops.ov;

import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/** {@code ov.Constant {value}}: OpenVINO's Const layer; its result is the {@code value} tensor. */
final class ConstantDef extends OvOpDefinition {
    ConstantDef() {
        // The writer spells the value itself (element_type, shape, offset, size), so no data attributes here.
        super(OvDialect.CONSTANT, OvLayerInfo.opset1("Const", List.of()), "a constant tensor", 0, 0,
                List.of(AttrSpec.required("value", AttrSpec.Kind.ELEMENTS)),
                Trait.PURE, Trait.CONSTANT_LIKE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Attribute v = ctx.attr("value");
        if (v instanceof DenseElementsAttr d) return List.of(d.type());
        if (v instanceof DenseResourceAttr r) return List.of(r.type());
        throw new OpError("requires a 'value' attribute");
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        return List.of(Constants.valueOf(ctx.attr("value")).orElseThrow(() -> new OpError("constant has no data")));
    }
}
