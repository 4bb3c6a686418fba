package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.OpViewKind;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;

/**
 * {@code onnx.ReduceSum/Mean/Max/Min(x[, axes]) {keepdims, noop_with_empty_axes}
 * → ov.ReduceSum/Mean/Max/Min(x, axes) {keep_dims}}, with keep_dims always written (its defaults differ: ONNX
 * keeps dims, OpenVINO does not). Absent or statically empty axes reduce every dim in ONNX, so they become the
 * constant {@code [0, ..., rank-1]}; with {@code noop_with_empty_axes = 1} they reduce nothing and the op is the
 * identity.
 *
 * <p>Restrictions: a non-constant axes operand needs {@code noop_with_empty_axes = 1}: if it turned out empty at
 * run time, ONNX would reduce every dim where OpenVINO reduces none. It also needs a static length (at least 1,
 * as a static 0 is the empty case above): OpenVINO's CPU plugin fails the inference when a run-time axes tensor is
 * empty, where ONNX gives the identity.
 */
final class ReduceLowering extends OnnxLowering {
    private final OpViewKind<?> ovOp;
    /** Built once: the driver asks each time the pattern applies. */
    private final String name;

    ReduceLowering(OpViewKind<OnnxOp> onnxOp, OpViewKind<?> ovOp) {
        super(onnxOp);
        this.ovOp = ovOp;
        this.name = "ReduceLowering(" + rootName() + " → " + ovOp + ")";
    }

    @Override public String name() { return name; }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        OpContext attrs = attributes(op);
        boolean noopWhenEmpty = attrs.intAttr("noop_with_empty_axes") != 0;
        Value x = op.operand(0);
        Value axes;
        boolean empty = !Operands.has(op, 1) || Operands.type(op.operand(1)).dim(0) == 0;
        if (empty) {
            if (noopWhenEmpty) {
                ov.replace(x);
                return;
            }
            axes = ov.i64Vector(Operands.iota(Operands.type(x).rank()));
        } else {
            if (Operands.constant(op, 1).isEmpty() && !noopWhenEmpty) {
                throw new LegalizationFailure("axes (operand #1) must be a constant: if it were empty at run time, "
                        + "ONNX would reduce every dim (noop_with_empty_axes = 0) and OpenVINO none");
            }
            if (Operands.constant(op, 1).isEmpty() && Operands.type(op.operand(1)).isDynamicDim(0)) {
                // The identity ONNX asks for would need a branch on the length; OpenVINO's CPU plugin instead fails
                // the inference on a zero-element axes tensor, so a length that may be 0 is refused here.
                throw new LegalizationFailure("axes (operand #1) is computed at run time and its length is not known "
                        + "to be at least 1: OpenVINO fails on an empty run-time axes tensor");
            }
            axes = op.operand(1);
        }
        boolean keep = attrs.intAttr("keepdims") != 0;
        ov.replace(ov.create(ovOp, Map.of("keep_dims", BoolAttr.of(keep)), x, axes));
    }
}
