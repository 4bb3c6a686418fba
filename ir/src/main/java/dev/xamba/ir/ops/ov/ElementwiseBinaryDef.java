package dev.xamba.ir.ops.ov;

import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Kernels;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/** Arithmetic on two tensors of one element type with NumPy broadcasting ({@code auto_broadcast = "numpy"}). */
final class ElementwiseBinaryDef extends OpDefinition {
    enum Kind {
        ADD("ov.Add", Double::sum, Long::sum),
        SUBTRACT("ov.Subtract", (a, b) -> a - b, (a, b) -> a - b),
        MULTIPLY("ov.Multiply", (a, b) -> a * b, (a, b) -> a * b),
        DIVIDE("ov.Divide", (a, b) -> a / b, ElementwiseBinaryDef::floorDiv);

        final String opName;
        final DoubleBinaryOperator f;
        final LongBinaryOperator g;

        Kind(String opName, DoubleBinaryOperator f, LongBinaryOperator g) {
            this.opName = opName;
            this.f = f;
            this.g = g;
        }
    }

    private final Kind kind;

    ElementwiseBinaryDef(Kind kind) {
        super(kind.opName, "elementwise " + kind.name().toLowerCase() + " with broadcasting", 2, 2,
                List.of(AttrSpec.optional("auto_broadcast", AttrSpec.Kind.STRING, new StringAttr("numpy"))), Trait.PURE);
        this.kind = kind;
    }

    /** OpenVINO's integer Divide (pythondiv = true, the default) rounds toward negative infinity. */
    private static long floorDiv(long a, long b) {
        if (b == 0) throw new OpError("integer division by zero");
        return Math.floorDiv(a, b);
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Shapes.requireSameElementType(ctx, 0, 1);
        TensorType a = ctx.operandType(0);
        TensorType b = ctx.operandType(1);
        String mode = ctx.stringAttr("auto_broadcast");
        switch (mode) {
            case "numpy" -> { }
            case "none" -> {
                if (!Arrays.equals(a.shape(), b.shape())) {
                    throw new OpError("auto_broadcast = \"none\" needs equal shapes, got " + a + " and " + b);
                }
            }
            default -> throw new OpError("unsupported auto_broadcast \"" + mode + "\" (expected \"numpy\" or \"none\")");
        }
        return List.of(TensorType.of(a.elementType(), Shapes.broadcast(a.shape(), b.shape())));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        Tensor a = ctx.constantOperand(0).orElseThrow();
        Tensor b = ctx.constantOperand(1).orElseThrow();
        return List.of(Kernels.binary(a, b, out, kind.f, kind.g));
    }
}
