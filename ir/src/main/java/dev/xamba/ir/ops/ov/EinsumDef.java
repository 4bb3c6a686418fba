package dev.xamba.ir.ops.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.ov.EinsumKernel;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;

/** {@code ov.Einsum(x1, ..., xn) {equation}}: OpenVINO Einsum-7 (without ellipsis; see {@link EinsumKernel}). */
final class EinsumDef extends OvOpDefinition {
    EinsumDef() {
        super("Einsum", "opset7", "Einstein summation", 1, VARIADIC,
                List.of(AttrSpec.required("equation", AttrSpec.Kind.STRING)), Trait.PURE);
    }

    private static EinsumKernel.Equation equation(OpContext ctx) {
        try {
            return EinsumKernel.Equation.parse(ctx.stringAttr("equation"), ctx.numOperands());
        } catch (IllegalArgumentException e) {
            throw new OpError(e.getMessage());
        }
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        for (int i = 1; i < ctx.numOperands(); i++) Shapes.requireSameElementType(ctx, 0, i);
        OvShapes.requireNumeric(ctx, 0, "operand");
        EinsumKernel.Equation eq = equation(ctx);
        List<long[]> shapes = new ArrayList<>();
        for (int i = 0; i < ctx.numOperands(); i++) shapes.add(ctx.operandType(i).shape());
        try {
            return List.of(ctx.operandType(0).withShape(eq.outShape(eq.letterSizes(shapes))));
        } catch (IllegalArgumentException e) {
            throw new OpError(e.getMessage());
        }
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < ctx.numOperands(); i++) inputs.add(ctx.constantOperand(i).orElseThrow());
        return List.of(EinsumKernel.evaluate(equation(ctx), inputs, inferResultTypes(ctx).get(0)));
    }
}
