package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
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
        ov.replace(ov.create(ReshapeOp.SQUEEZE, op.operandValues().toArray(Value[]::new)));
    }
}
