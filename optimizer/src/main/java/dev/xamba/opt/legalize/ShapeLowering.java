package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.ShapeOfOp;
import dev.xamba.ir.ops.ov.view.SliceOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Arrays;

/**
 * {@code onnx.Shape(x) {start, end}}: when the selected dims of x are static, an i64 constant of them (no op at run
 * time, as the NPU wants); otherwise {@code ov.ShapeOf(x)}, sliced with {@code ov.Slice} when start/end select less
 * than the whole shape.
 *
 * <p>Restrictions: none.
 */
final class ShapeLowering extends OnnxLowering {
    ShapeLowering() {
        super(OnnxOp.SHAPE);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        TensorType x = Operands.type(op.operand(0));
        OpContext attrs = attributes(op);
        int rank = x.rank();
        int start = clamp(attrs.intAttr("start"), rank);
        int end = Math.max(start, attrs.attr("end") == null ? rank : clamp(attrs.intAttr("end"), rank));
        long[] dims = Arrays.copyOfRange(x.shape(), start, end);
        if (Arrays.stream(dims).noneMatch(d -> d == TensorType.DYNAMIC)) {
            ov.replace(ov.i64Vector(dims));
            return;
        }
        Value shape = ov.create(ShapeOfOp.KIND, op.operand(0));
        if (start > 0 || end < rank) {
            shape = ov.create(SliceOp.SLICE, shape, ov.i64Vector(start), ov.i64Vector(end), ov.i64Vector(1));
        }
        ov.replace(shape);
    }

    /** ONNX's reading of start/end: negative counts from the rank, then clamped to [0, rank]. */
    private static int clamp(long v, int rank) {
        long r = v < 0 ? v + rank : v;
        return (int) Math.max(0, Math.min(rank, r));
    }
}
