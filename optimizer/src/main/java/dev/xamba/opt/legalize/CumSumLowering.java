package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.CumSumOp;
import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code onnx.CumSum(x, axis) {exclusive, reverse} → ov.CumSum(x, axis) {exclusive, reverse}}: ONNX's 0/1 flags
 * become booleans; the axis becomes the 0-D i64 constant OpenVINO takes (a non-constant one-element axis goes
 * through Squeeze). Same definitions of exclusive and reverse on both sides.
 *
 * <p>Restrictions: none.
 */
final class CumSumLowering extends OnnxLowering {
    CumSumLowering() {
        super(OnnxOp.CUM_SUM);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        var attrs = attributes(op);
        Map<String, Attribute> flags = new HashMap<>();
        if (attrs.intAttr("exclusive") != 0) flags.put("exclusive", BoolAttr.TRUE);
        if (attrs.intAttr("reverse") != 0) flags.put("reverse", BoolAttr.TRUE);
        Value axis = Operands.constant(op, 1).map(t -> ov.i64Scalar(t.getLong(0)))
                .orElseGet(() -> Operands.type(op.operand(1)).rank() == 0 ? op.operand(1) : ov.create(ReshapeOp.SQUEEZE, op.operand(1)));
        ov.replace(ov.create(CumSumOp.KIND, flags, op.operand(0), axis));
    }
}
