package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code ov.Convert(x) {destination_type = "f32"}}: OpenVINO Convert-1. The destination type is spelled as in
 * OpenVINO ({@code f32}, {@code i64}, {@code boolean}…). Floats become integers by truncation toward zero and
 * then wrap to the width (as OpenVINO's CPU plugin does: -2.7 to u8 is 254); anything non-zero becomes true.
 */
final class ConvertDef extends OvOpDefinition {
    ConvertDef() {
        super("Convert", "opset1", "converts elements to another type", 1, 1,
                List.of(AttrSpec.required("destination_type", AttrSpec.Kind.STRING)), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        ElementType to = OvElementTypes.require(ctx.stringAttr("destination_type"), "destination_type");
        return List.of(ctx.operandType(0).withElementType(to));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        Tensor x = ctx.constantOperand(0).orElseThrow();
        TensorType out = inferResultTypes(ctx).get(0);
        return List.of(convert(x, out));
    }

    static Tensor convert(Tensor x, TensorType out) {
        ElementType to = out.elementType();
        if (to.isFloat()) return x.isFloat() ? Tensor.ofDoubles(out, x.toDoubles()) : Tensor.ofIntegers(out, x.toLongs());
        long[] r = new long[x.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = to.isBool() ? (x.getDouble(i) != 0 ? 1 : 0) : x.getLong(i);
        }
        return Tensor.ofLongs(out, r);
    }
}
