package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.SelectOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.rewrite.OvBuilder;

/**
 * {@code onnx.Trilu(x[, k]) {upper} → ov.Select(mask, x, 0)} with the boolean {@code [rows, cols]} mask computed
 * here: upper keeps {@code col - row >= k}, lower keeps {@code col - row <= k}. OpenVINO has no Trilu; its importer
 * builds the mask at run time from ShapeOf/Range, which static shapes make unnecessary. Select broadcasts the
 * mask over the leading dims and writes exact zeros (also where x is NaN), as Trilu does.
 *
 * <p>Restrictions: the last two dims of x are static and k is a constant.
 */
final class TriluLowering extends OnnxLowering {
    TriluLowering() {
        super(OnnxOp.TRILU);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        TensorType x = Operands.type(op.operand(0));
        long rows = x.dim(x.rank() - 2);
        long cols = x.dim(x.rank() - 1);
        if (rows < 0 || cols < 0) throw new LegalizationFailure("the last two dims of " + x + " must be static to build the mask");
        long k = Operands.has(op, 1) ? Operands.constantScalar(op, 1, "k").getLong(0) : 0;
        boolean upper = attributes(op).intAttr("upper") != 0;
        if (rows != 0 && cols > Integer.MAX_VALUE / rows) {
            throw new LegalizationFailure("the " + rows + "x" + cols + " mask is too large to build as a constant");
        }
        long[] mask = new long[(int) (rows * cols)];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) mask[(int) (r * cols + c)] = (upper ? c - r >= k : c - r <= k) ? 1 : 0;
        }
        Value keep = ov.constant(Tensor.ofLongs(TensorType.of(ElementType.I1, rows, cols), mask));
        ov.replace(ov.create(SelectOp.KIND, keep, op.operand(0), ov.scalar(x.elementType(), 0)));
    }
}
