package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * {@code onnx.Cast {to}}: converts to the ONNX data type numbered {@code to}. Floats become integers by
 * truncation toward zero, anything becomes a boolean by "non-zero" (NaN is true), integers narrow by
 * two's-complement wrapping. {@code saturate} only concerns float8 types, which the IR does not have.
 */
final class CastDef extends OpDefinition {
    CastDef() {
        super("onnx.Cast", "converts the element type", 1, 1,
                List.of(AttrSpec.required("to", AttrSpec.Kind.INT), AttrSpec.optional("saturate", AttrSpec.Kind.INT, IntegerAttr.i64(1))),
                Trait.PURE);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        long to = ctx.intAttr("to");
        ElementType et = OnnxDataTypes.elementType(to)
                .orElseThrow(() -> new OpError("cannot cast to " + OnnxDataTypes.describe(to) + ": the IR has no such element type"));
        return List.of(ctx.operandType(0).withElementType(et));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        // Storing into the result type does the conversion: truncation, "non-zero", wrapping or rounding.
        return List.of(Elementwise.map(ctx.constantOperand(0).orElseThrow(), inferResultTypes(ctx).get(0), v -> v, v -> v));
    }
}
