package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.opt.rewrite.OvBuilder;

/**
 * {@code onnx.Squeeze(x[, axes]) → ov.Squeeze(x[, axes])} (Squeeze-1, the version the NPU imports). Without axes
 * (or with empty ones) both remove every dim of size 1.
 *
 * <p>Restrictions: none. (ONNX rejects squeezing a dim that is not 1 while OpenVINO keeps it, but such a model is
 * invalid before legalization.)
 */
final class SqueezeLowering extends OnnxLowering {
    SqueezeLowering() {
        super(OnnxOp.SQUEEZE);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        // Empty constant axes are written without the input: OpenVINO's CPU plugin fails on a zero-byte Const ("ptr is
        // Null"), and xamba's onnx.Squeeze, like no axes, removes every dim of size 1 then.
        boolean emptyAxes = op.numOperands() == 2 && Constants.valueOf(op.operand(1)).map(t -> t.size() == 0).orElse(false);
        Value[] operands = emptyAxes ? new Value[] {op.operand(0)} : op.operandValues().toArray(Value[]::new);
        ov.replace(ov.create(ReshapeOp.SQUEEZE, operands));
    }
}
