package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.BroadcastOp;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;

/**
 * {@code onnx.Expand(x, shape) → ov.Broadcast(x, shape) {mode = "bidirectional"}}: ONNX Expand broadcasts both
 * ways (the shape may be shorter than x or hold 1s where x is wider), which is exactly Broadcast's bidirectional
 * mode; the numpy mode would reject those shapes.
 *
 * <p>Restrictions: none.
 */
final class ExpandLowering extends OnnxLowering {
    ExpandLowering() {
        super(OnnxOp.EXPAND);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        ov.replace(ov.create(BroadcastOp.KIND, Map.of("mode", new StringAttr("bidirectional")), op.operand(0), op.operand(1)));
    }
}
