package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;

/**
 * {@code onnx.Div(a, b) → ov.Divide(a, b)}; on integers with {@code m_pythondiv = false}, because ONNX truncates
 * the quotient toward zero while OpenVINO's default (Python division) floors it: -7 / 2 is -3, not -4.
 *
 * <p>Restrictions: none.
 */
final class DivLowering extends OnnxLowering {
    DivLowering() {
        super(OnnxOp.DIV);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        boolean integer = !Operands.type(op.operand(0)).elementType().isFloat();
        Map<String, Attribute> attrs = integer ? Map.of("m_pythondiv", BoolAttr.FALSE) : Map.of();
        ov.replace(ov.create(BinaryOp.DIVIDE, attrs, op.operand(0), op.operand(1)));
    }
}
