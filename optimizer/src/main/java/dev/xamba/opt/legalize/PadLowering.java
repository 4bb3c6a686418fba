package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.PadOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code onnx.Pad(x, pads[, value[, axes]]) {mode} → ov.Pad(x, begins, ends[, value]) {pad_mode}} (Pad-12, which
 * also crops for negative pads). ONNX's {@code pads} (begins for the padded axes, then ends) is split into two i64
 * constants with one entry per dim, scattered to {@code axes} when given. The pad value is passed only in constant
 * mode (ONNX ignores it otherwise), as a 0-D value; when absent both pad with 0.
 *
 * <p>Restrictions: pads and axes are constants; mode is constant, reflect or edge (OpenVINO has no {@code wrap});
 * the pad value is a constant (OpenVINO's CPU plugin, 2026.4, pads with 0 whatever a computed value is, so the model
 * would run and give other results).
 */
final class PadLowering extends OnnxLowering {
    PadLowering() {
        super(OnnxOp.PAD);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        String mode = attributes(op).stringAttr("mode");
        if (!mode.equals("constant") && !mode.equals("reflect") && !mode.equals("edge")) {
            throw new LegalizationFailure("mode \"" + mode + "\" has no OpenVINO Pad mode");
        }
        if (mode.equals("constant") && Operands.has(op, 2) && Operands.constant(op, 2).isEmpty()) {
            throw new LegalizationFailure("the pad value is computed, and OpenVINO's CPU plugin pads with 0 in its place");
        }
        int rank = Operands.type(op.operand(0)).rank();
        long[] pads = Operands.constantInts(op, 1, "pads");
        long[] axes = Operands.has(op, 3) ? Operands.constantInts(op, 3, "axes") : Operands.iota(rank);
        if (pads.length != 2 * axes.length) {
            throw new LegalizationFailure("pads has " + pads.length + " entries for " + axes.length + " axes");
        }
        long[] begins = new long[rank];
        long[] ends = new long[rank];
        for (int i = 0; i < axes.length; i++) {
            int d = Operands.normalizeAxis(axes[i], rank, "axes entry");
            begins[d] = pads[i];
            ends[d] = pads[axes.length + i];
        }
        List<Value> operands = new ArrayList<>(List.of(op.operand(0), ov.i64Vector(begins), ov.i64Vector(ends)));
        if (mode.equals("constant") && Operands.has(op, 2)) operands.add(padValue(ov, op));
        ov.replace(ov.createOp(PadOp.KIND, Map.of("pad_mode", new StringAttr(mode)), operands).result());
    }

    private static Value padValue(OvBuilder ov, Operation op) {
        Value v = op.operand(2);
        if (Operands.type(v).rank() == 0) return v;
        return ov.constant(Operands.constant(op, 2).orElseThrow().reshape(TensorType.scalar(Operands.type(v).elementType())));
    }
}
