package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpViewKind;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.opt.rewrite.OvBuilder;

/**
 * {@code onnx.Max(a, b, c...) → ov.Maximum(ov.Maximum(a, b), c)...} (and Min with {@code ov.Minimum}); a single
 * operand is returned as is. Every step broadcasts, so the result has the joint broadcast shape, as in ONNX; the
 * maximum of floats is exact in any order. NaN is the exception on OpenVINO's CPU plugin: ONNX propagates it,
 * while Maximum/Minimum return the second operand when the first is NaN ({@code Max(NaN, 1)} gives 1,
 * {@code Max(1, NaN)} NaN), so the result then depends on the operand order too (see docs/OPENVINO_FINDINGS.md).
 *
 * <p>Restrictions: none.
 */
final class VariadicMinMaxLowering extends OnnxLowering {
    private final OpViewKind<?> ovOp;
    /** Built once: the driver asks each time the pattern applies. */
    private final String name;

    VariadicMinMaxLowering(OpViewKind<OnnxOp> onnxOp, OpViewKind<?> ovOp) {
        super(onnxOp);
        this.ovOp = ovOp;
        this.name = "VariadicMinMaxLowering(" + rootName() + " → " + ovOp + ")";
    }

    @Override public String name() { return name; }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        Value acc = op.operand(0);
        for (int i = 1; i < op.numOperands(); i++) acc = ov.create(ovOp, acc, op.operand(i));
        ov.replace(acc);
    }
}
