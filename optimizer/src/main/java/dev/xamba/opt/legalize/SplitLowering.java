package dev.xamba.opt.legalize;

import dev.xamba.ir.OpResult;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.SplitOp;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code onnx.Split(x[, split]) {axis, num_outputs} → ov.VariadicSplit(x, axis, lengths)} with the lengths read off
 * the results' types. That covers ONNX-18's uneven {@code num_outputs} (last piece smaller), which OpenVINO's
 * Split, needing equal parts, cannot express.
 *
 * <p>Restrictions: every result's dim along the axis is static.
 */
final class SplitLowering extends OnnxLowering {
    SplitLowering() {
        super(OnnxOp.SPLIT);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        int rank = Operands.type(op.operand(0)).rank();
        int axis = Operands.normalizeAxis(attributes(op).intAttr("axis"), rank, "axis");
        long[] lengths = new long[op.numResults()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = op.result(i).tensorType().dim(axis);
            if (lengths[i] < 0) throw new LegalizationFailure("result #" + i + " has a dynamic length along axis " + axis);
        }
        Operation split = ov.createOp(SplitOp.VARIADIC, Map.of(),
                List.of(op.operand(0), ov.i64Scalar(axis), ov.i64Vector(lengths)));
        List<Value> parts = new ArrayList<>();
        for (OpResult r : split.results()) parts.add(r);
        ov.replace(parts);
    }
}
