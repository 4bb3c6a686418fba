package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code onnx.ConstantOfShape(shape) {value}}: a tensor of the given shape filled with the one element of
 * {@code value}, whose element type is the result's (default: f32 zero).
 */
final class ConstantOfShapeDef extends OpDefinition {
    static final DenseElementsAttr DEFAULT_VALUE =
            new DenseElementsAttr(Tensor.ofDoubles(TensorType.of(ElementType.F32, 1), new double[] {0.0}));

    ConstantOfShapeDef() {
        super("onnx.ConstantOfShape", "a tensor of a given shape filled with one value", 1, 1,
                List.of(AttrSpec.optional("value", AttrSpec.Kind.ELEMENTS, DEFAULT_VALUE)), Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Tensor value = fillValue(ctx);
        int rank = OnnxOperands.staticIntVector(ctx, 0, "shape");
        var shape = OnnxOperands.ints(ctx, 0);
        if (shape.isEmpty()) return List.of(OnnxOperands.dynamic(value.elementType(), rank));
        for (long d : shape.get()) {
            if (d < 0) throw new OpError("shape " + java.util.Arrays.toString(shape.get()) + " has a negative dim");
        }
        return List.of(TensorType.of(value.elementType(), shape.get()));
    }

    private static Tensor fillValue(OpContext ctx) {
        Tensor v = Constants.valueOf(ctx.attr("value")).orElseThrow(() -> new OpError("attribute 'value' has no data"));
        if (v.size() != 1) throw new OpError("attribute 'value' must hold exactly one element, got " + v.type());
        return v;
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        OnnxOperands.requireEvaluable(out);
        Tensor v = fillValue(ctx);
        return List.of(v.isFloat() ? Tensor.splat(out, v.getDouble(0)) : splatLong(out, v.getLong(0)));
    }

    private static Tensor splatLong(TensorType out, long value) {
        long[] r = new long[(int) out.numElements()];
        java.util.Arrays.fill(r, value);
        return Tensor.ofLongs(out, r);
    }
}
