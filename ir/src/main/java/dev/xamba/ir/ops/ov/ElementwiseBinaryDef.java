package dev.xamba.ir.ops.ov;

import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.ops.Constants;
import java.util.ArrayList;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Arithmetic on two numeric tensors of one element type with {@code auto_broadcast} (NumPy by default): the
 * opset1 ops Add, Subtract, Multiply, Divide, Power, Maximum, Minimum, FloorMod.
 */
final class ElementwiseBinaryDef extends OvOpDefinition {
    enum Kind {
        ADD("Add"),
        SUBTRACT("Subtract"),
        MULTIPLY("Multiply"),
        DIVIDE("Divide"),
        POWER("Power"),
        MAXIMUM("Maximum"),
        MINIMUM("Minimum"),
        FLOOR_MOD("FloorMod");

        final String irType;

        Kind(String irType) { this.irType = irType; }

        // The arithmetic is a switch over lambdas rather than constructor arguments: linking a lambda costs about
        // 0.16 ms before the JIT has compiled anything, so a compile pays only for the kinds it folds (README,
        // "Compile speed").
        DoubleBinaryOperator f() {
            return switch (this) {
                case ADD -> Double::sum;
                case SUBTRACT -> (a, b) -> a - b;
                case MULTIPLY -> (a, b) -> a * b;
                case DIVIDE -> (a, b) -> a / b;
                case POWER -> Math::pow;
                case MAXIMUM -> Math::max;
                case MINIMUM -> Math::min;
                // The result takes the sign of the divisor (Python's %), for floats and integers alike.
                case FLOOR_MOD -> (a, b) -> a - b * Math.floor(a / b);
            };
        }

        /** The arithmetic on integers; null for Divide, whose integer division depends on m_pythondiv (integerDivide). */
        LongBinaryOperator g() {
            return switch (this) {
                case ADD -> Long::sum;
                case SUBTRACT -> (a, b) -> a - b;
                case MULTIPLY -> (a, b) -> a * b;
                case DIVIDE -> null;
                // Integer powers are computed like OpenVINO's reference, std::pow then a cast: 5^-1 = 0.
                case POWER -> (a, b) -> (long) Math.pow(a, b);
                case MAXIMUM -> Math::max;
                case MINIMUM -> Math::min;
                case FLOOR_MOD -> ElementwiseBinaryDef::floorMod;
            };
        }
    }

    private final Kind kind;

    ElementwiseBinaryDef(Kind kind) {
        super(kind.irType, "opset1", "elementwise " + kind.irType + " with broadcasting", 2, 2, attributes(kind), Trait.PURE);
        this.kind = kind;
    }

    private static List<AttrSpec> attributes(Kind kind) {
        List<AttrSpec> attrs = new ArrayList<>(List.of(OvShapes.autoBroadcastAttr()));
        // OpenVINO's spelling of Divide's "Python division" flag: floor (true, the default) or truncate integers.
        if (kind == Kind.DIVIDE) attrs.add(AttrSpec.optional("m_pythondiv", AttrSpec.Kind.BOOL, BoolAttr.TRUE));
        return attrs;
    }

    private static long floorMod(long a, long b) {
        if (b == 0) throw new OpError("integer modulo by zero");
        return Math.floorMod(a, b);
    }

    /**
     * OpenVINO's reference Divide on integers: rounds toward negative infinity when {@code m_pythondiv} (the
     * default), else toward zero. (The CPU plugin truncates in both cases; constant folding floors.)
     */
    private static LongBinaryOperator integerDivide(boolean pythonDiv) {
        return (a, b) -> {
            if (b == 0) throw new OpError("integer division by zero");
            return pythonDiv ? Math.floorDiv(a, b) : a / b;
        };
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        Shapes.requireSameElementType(ctx, 0, 1);
        OvShapes.requireNumeric(ctx, 0, "lhs");
        return List.of(TensorType.of(ctx.operandType(0).elementType(), OvShapes.autoBroadcast(ctx, 0, 1)));
    }

    /**
     * OpenVINO folds constant sub-graphs when it loads a model, and an integer Divide or FloorMod by a constant
     * zero makes that fail: reject it here, at the op, instead of writing IR the runtime cannot load.
     */
    @Override public void verify(Operation op, Consumer<Diagnostic> emit) {
        if (kind != Kind.DIVIDE && kind != Kind.FLOOR_MOD) return;
        if (!(op.operand(1).type() instanceof TensorType t) || !t.elementType().isInteger()) return;
        Optional<Tensor> divisor = Constants.valueOf(op.operand(1));
        if (divisor.isEmpty()) return;
        for (int i = 0; i < divisor.get().size(); i++) {
            if (divisor.get().getLong(i) == 0) {
                emit.accept(op.error("integer " + (kind == Kind.DIVIDE ? "division" : "modulo") + " by a constant zero (divisor element #" + i
                        + "); OpenVINO cannot load this"));
                return;
            }
        }
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        Tensor a = ctx.constantOperand(0).orElseThrow();
        Tensor b = ctx.constantOperand(1).orElseThrow();
        LongBinaryOperator g = kind == Kind.DIVIDE ? integerDivide(ctx.boolAttr("m_pythondiv")) : kind.g();
        return List.of(Elementwise.zip(a, b, out, kind.f(), g));
    }
}
