package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.SliceOp;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code onnx.Slice(x, starts, ends[, axes[, steps]]) → ov.Slice(x, starts, ends, steps[, axes])} (Slice-8, note
 * the operand order), with steps of 1 when absent. Slice-8 clamps starts and ends exactly as ONNX does (negative
 * positions from the end, INT64_MAX for "to the end", the bounds that depend on the step's sign).
 *
 * <p>Restrictions: starts, ends, axes and steps are constants (OpenVINO's Slice on the NPU, and its result shape,
 * need them).
 */
final class SliceLowering extends OnnxLowering {
    private static final String[] NAMES = {"data", "starts", "ends", "axes", "steps"};

    SliceLowering() {
        super(OnnxOp.SLICE);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        for (int i = 1; i < op.numOperands(); i++) Operands.constantInts(op, i, NAMES[i]);
        int n = Operands.constantInts(op, 1, "starts").length;
        Value steps = Operands.has(op, 4) ? op.operand(4) : ov.i64Vector(Operands.filled(n, 1));
        List<Value> operands = new ArrayList<>(List.of(op.operand(0), op.operand(1), op.operand(2), steps));
        if (Operands.has(op, 3)) operands.add(op.operand(3));
        ov.replace(ov.createOp(SliceOp.SLICE, Map.of(), operands).result());
    }
}
