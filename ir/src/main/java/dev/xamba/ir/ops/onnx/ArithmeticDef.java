package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Elementwise;
import dev.xamba.ir.ops.AttrSpec;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpError;
import dev.xamba.ir.ops.Shapes;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.TensorType;
import java.util.List;

/**
 * Two-input ONNX arithmetic with NumPy broadcasting: Add, Sub, Mul, Div, Pow, Mod. The result has the first
 * operand's element type; both operands share it, except that Pow's exponent may have any numeric type.
 * Integer Div truncates toward zero (as C does); Mod with {@code fmod = 0} takes the divisor's sign (Python's
 * {@code %}), with {@code fmod = 1} the dividend's (C's {@code fmod}).
 */
final class ArithmeticDef extends OpDefinition {
    enum Kind { ADD("Add"), SUB("Sub"), MUL("Mul"), DIV("Div"), POW("Pow"), MOD("Mod");
        final String opType;

        Kind(String opType) { this.opType = opType; }
    }

    private final Kind kind;

    ArithmeticDef(Kind kind) {
        super("onnx." + kind.opType, "elementwise " + kind.opType + " with broadcasting", 2, 2,
                kind == Kind.MOD ? List.of(AttrSpec.optional("fmod", AttrSpec.Kind.INT, IntegerAttr.i64(0))) : List.of(),
                Trait.PURE);
        this.kind = kind;
    }

    @Override public List<TensorType> inferResultTypes(OpContext ctx) {
        OnnxOperands.requireNumeric(ctx, 0);
        OnnxOperands.requireNumeric(ctx, 1);
        if (kind != Kind.POW) OnnxOperands.requireSameElementType(ctx, 0, 1);
        TensorType a = ctx.operandType(0);
        if (kind == Kind.MOD) {
            long fmod = ctx.intAttr("fmod");
            if (fmod != 0 && fmod != 1) throw new OpError("attribute 'fmod' must be 0 or 1, got " + fmod);
            if (fmod == 0 && a.elementType().isFloat()) {
                throw new OpError("fmod = 0 is defined for integers only; floating-point Mod needs fmod = 1");
            }
        }
        return List.of(TensorType.of(a.elementType(), Shapes.broadcast(a.shape(), ctx.operandType(1).shape())));
    }

    @Override public boolean canEvaluate() { return true; }

    @Override public List<Tensor> evaluate(OpContext ctx) {
        TensorType out = inferResultTypes(ctx).get(0);
        Tensor a = ctx.constantOperand(0).orElseThrow();
        Tensor b = ctx.constantOperand(1).orElseThrow();
        return List.of(switch (kind) {
            case ADD -> Elementwise.zip(a, b, out, Double::sum, Long::sum);
            case SUB -> Elementwise.zip(a, b, out, (x, y) -> x - y, (x, y) -> x - y);
            case MUL -> Elementwise.zip(a, b, out, (x, y) -> x * y, (x, y) -> x * y);
            case DIV -> Elementwise.zip(a, b, out, (x, y) -> x / y, (x, y) -> {
                if (y == 0) throw new OpError("integer division by zero");
                return x / y;
            });
            case MOD -> ctx.intAttr("fmod") == 1
                    ? Elementwise.zip(a, b, out, (x, y) -> x % y, (x, y) -> {
                        if (y == 0) throw new OpError("integer modulo by zero");
                        return x % y;
                    })
                    : Elementwise.zipLongs(a, b, out, (x, y) -> {
                        if (y == 0) throw new OpError("integer modulo by zero");
                        return Math.floorMod(x, y);
                    });
            case POW -> power(a, b, out);
        });
    }

    private static Tensor power(Tensor base, Tensor exponent, TensorType out) {
        if (!base.isFloat() && !exponent.isFloat()) return Elementwise.zipLongs(base, exponent, out, ArithmeticDef::integerPower);
        // x^2 as x*x is exact before the final rounding, as in frameworks that special-case it.
        return Elementwise.zipDoubles(base, exponent, out, (x, y) -> y == 2.0 ? x * x : y == 1.0 ? x : Math.pow(x, y));
    }

    /** Exact integer power by squaring; negative exponents truncate 1 / x^-n toward zero. */
    static long integerPower(long x, long n) {
        if (n < 0) {
            if (x == 0) throw new OpError("integer 0 raised to a negative power");
            return x == 1 ? 1 : x == -1 ? ((n & 1) == 0 ? 1 : -1) : 0;
        }
        long result = 1;
        long b = x;
        while (n > 0) {
            if ((n & 1) != 0) result *= b;
            b *= b;
            n >>= 1;
        }
        return result;
    }
}
