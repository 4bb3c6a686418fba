package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.CompareOp;
import dev.xamba.ir.ops.ov.view.SelectOp;
import dev.xamba.ir.ops.ov.view.UnaryOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;

/**
 * {@code onnx.Mod(a, b) {fmod}}. OpenVINO's only remainder op, FloorMod, takes the divisor's sign:
 * <ul>
 *   <li>{@code fmod = 0} (integers, Python's {@code %}) {@code → ov.FloorMod(a, b)};
 *   <li>{@code fmod = 1} on integers (C's {@code %}, the dividend's sign)
 *       {@code → a - b * ov.Divide(a, b) {m_pythondiv = false}}, exact;
 *   <li>{@code fmod = 1} on floats {@code → r = FloorMod(|a|, |b|); a < 0 ? -r : r}: on magnitudes floor and
 *       truncation agree, and the sign is the dividend's.
 * </ul>
 * That float form is C's fmod in exact arithmetic only. OpenVINO's CPU plugin computes FloorMod as
 * {@code a - floor(a / b) * b} in f32, so a large quotient loses the remainder ({@code fmod(1e7, 0.1)} gives 0, not
 * 0.051), an infinite divisor gives NaN (not a), and a zero result is +0 where C keeps the dividend's sign; the
 * reference evaluator computes it in double. See docs/OPENVINO_FINDINGS.md.
 *
 * <p>Restrictions: none.
 */
final class ModLowering extends OnnxLowering {
    ModLowering() {
        super(OnnxOp.MOD);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        Value a = op.operand(0);
        Value b = op.operand(1);
        if (attributes(op).intAttr("fmod") == 0) {
            ov.replace(ov.create(BinaryOp.FLOOR_MOD, a, b));
            return;
        }
        ElementType type = Operands.type(a).elementType();
        if (!type.isFloat()) {
            Value quotient = ov.create(BinaryOp.DIVIDE, Map.of("m_pythondiv", BoolAttr.FALSE), a, b);
            ov.replace(ov.create(BinaryOp.SUBTRACT, a, ov.create(BinaryOp.MULTIPLY, b, quotient)));
            return;
        }
        Value r = ov.create(BinaryOp.FLOOR_MOD, ov.create(UnaryOp.ABS, a), ov.create(UnaryOp.ABS, b));
        Value negative = ov.create(CompareOp.LESS, a, ov.scalar(type, 0.0));
        ov.replace(ov.create(SelectOp.KIND, negative, ov.create(UnaryOp.NEGATIVE, r), r));
    }
}
