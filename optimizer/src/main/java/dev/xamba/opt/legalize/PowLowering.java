package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.opt.rewrite.OvBuilder;

/**
 * {@code onnx.Pow(x, y) → ov.Power(x, y)}. ONNX lets the exponent have another numeric type than the base, while
 * OpenVINO needs one type, so a {@code Convert} is inserted where the types differ, choosing the conversion that
 * loses nothing ONNX would keep:
 * <ul>
 *   <li>an integer exponent, or a float exponent whose values a float base type holds exactly, is converted to
 *       the base's type;
 *   <li>otherwise (a float exponent with an integer base, or a wider float exponent) both go to f64, the power is
 *       taken there, and the result is converted back to the base's type, as ONNX computes it.
 * </ul>
 * OpenVINO's CPU plugin runs f64 in f32, though, so on CPU that last form is only as exact as f32: an i32 base
 * above 2^24 loses its low bits ({@code Pow(16777217, 1.0)} gives 16777216); see docs/OPENVINO_FINDINGS.md.
 *
 * <p>Restrictions: none.
 */
final class PowLowering extends OnnxLowering {
    PowLowering() {
        super(OnnxOp.POW);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        Value x = op.operand(0);
        Value y = op.operand(1);
        ElementType base = Operands.type(x).elementType();
        ElementType exponent = Operands.type(y).elementType();
        if (base == exponent) {
            ov.replace(ov.create(BinaryOp.POWER, x, y));
        } else if (!exponent.isFloat() || (base.isFloat() && widensExactly(exponent, base))) {
            ov.replace(ov.create(BinaryOp.POWER, x, convert(ov, y, base)));
        } else {
            Value wide = ov.create(BinaryOp.POWER, convert(ov, x, ElementType.F64), convert(ov, y, ElementType.F64));
            ov.replace(convert(ov, wide, base));
        }
    }

    /** Whether every value of float type {@code from} is a value of float type {@code to}. */
    private static boolean widensExactly(ElementType from, ElementType to) {
        return to == ElementType.F64 || (to == ElementType.F32 && from != ElementType.F64);
    }

    private static Value convert(OvBuilder ov, Value v, ElementType to) {
        if (Operands.type(v).elementType() == to) return v;
        return ov.convert(v, to);
    }
}
