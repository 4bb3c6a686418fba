package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpViewKind;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;

/**
 * An ONNX op whose OpenVINO counterpart takes the same operands in the same order, has no attributes to set and
 * computes the same function: {@code onnx.Exp(x) → ov.Exp(x)}, {@code onnx.Add(a, b) → ov.Add(a, b)} (NumPy
 * broadcasting on both sides), {@code onnx.Where(c, x, y) → ov.Select(c, x, y)}, {@code onnx.MatMul → ov.MatMul}.
 *
 * <p>Restrictions: none beyond the ov op's own operand checks (e.g. equal element types, which ONNX requires too).
 */
final class DirectLowering extends OnnxLowering {
    private final OpViewKind<?> ovOp;
    /** Built once: the driver asks each time the pattern applies. */
    private final String name;

    DirectLowering(OpViewKind<OnnxOp> onnxOp, OpViewKind<?> ovOp) {
        super(onnxOp);
        this.ovOp = ovOp;
        this.name = "DirectLowering(" + rootName() + " → " + ovOp + ")";
    }

    @Override public String name() { return name; }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        ov.replace(ov.create(ovOp, Map.of(), op.operandValues().toArray(Value[]::new)));
    }
}
