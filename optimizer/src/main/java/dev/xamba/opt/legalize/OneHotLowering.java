package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.CompareOp;
import dev.xamba.ir.ops.ov.view.GatherOp;
import dev.xamba.ir.ops.ov.view.OneHotOp;
import dev.xamba.ir.ops.ov.view.SelectOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * {@code onnx.OneHot(indices, depth, values) {axis} → ov.OneHot(i, depth, values[1], values[0]) {axis}}. ONNX counts
 * negative indices from depth, OpenVINO gives them a row of off values, so
 * {@code i = indices < 0 ? indices + depth : indices}. Indices other than i64 and i32 are first converted to i64:
 * floats are truncated, as ONNX reads them, and i8/u8/i16 could not hold depth (and OpenVINO's CPU plugin does not
 * load OneHot with 8-bit indices). The [off, on] pair is split into two 0-D values.
 *
 * <p>Restrictions: depth is a constant (it is the size of the new dim).
 */
final class OneHotLowering extends OnnxLowering {
    OneHotLowering() {
        super(OnnxOp.ONE_HOT);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        Tensor d = Operands.constantScalar(op, 1, "depth");
        long depth = d.isFloat() ? (long) d.getDouble(0) : d.getLong(0);
        Value indices = op.operand(0);
        ElementType type = Operands.type(indices).elementType();
        // Floats are truncated as ONNX reads them. Narrow integers are widened too: the wrap addend below is depth
        // in the indices' type (40000 does not fit i16), and the CPU plugin's OneHot refuses i8/u8 indices outright.
        if (type != ElementType.I64 && !(type == ElementType.I32 && depth <= Integer.MAX_VALUE)) {
            type = ElementType.I64;
            indices = ov.convert(indices, ElementType.I64);
        }
        Value negative = ov.create(CompareOp.LESS, indices, ov.scalar(type, 0));
        Value wrapped = ov.create(BinaryOp.ADD, indices, ov.scalar(type, depth));
        indices = ov.create(SelectOp.KIND, negative, wrapped, indices);
        ov.replace(ov.create(OneHotOp.KIND, Map.of("axis", IntegerAttr.i64(attributes(op).intAttr("axis"))),
                indices, ov.i64Scalar(depth), pick(ov, op, 1), pick(ov, op, 0)));
    }

    /** Element {@code k} of the [off, on] operand as a 0-D value. */
    private static Value pick(OvBuilder ov, Operation op, int k) {
        Optional<Tensor> values = Operands.constant(op, 2);
        if (values.isPresent()) {
            Tensor t = values.get();
            TensorType scalar = TensorType.scalar(t.elementType());
            return ov.constant(t.isFloat() ? Tensor.ofDoubles(scalar, new double[] {t.getDouble(k)})
                    : Tensor.ofLongs(scalar, new long[] {t.getLong(k)}));
        }
        return ov.create(GatherOp.KIND, op.operand(2), ov.i64Scalar(k), ov.i64Scalar(0));
    }
}
