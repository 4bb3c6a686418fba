package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.CompareOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.opt.rewrite.OvBuilder;

/**
 * {@code onnx.Cast(x) {to} → ov.Convert(x) {destination_type}}, or {@code → x} when x already has the target type
 * (TorchScript exports sprinkle f32 → f32 casts). Both truncate floats toward zero when converting to integers,
 * wrap integers to the narrower width and map non-zero to true, except that OpenVINO's CPU plugin converts a float
 * NaN to false where ONNX, as any non-zero value, gives true; so a float cast to bool is
 * {@code → ov.NotEqual(x, 0)} instead (NaN compares unequal to everything).
 *
 * <p>Restrictions: none ({@code onnx.Cast} only targets element types the IR has).
 */
final class CastLowering extends OnnxLowering {
    CastLowering() {
        super(OnnxOp.CAST);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        ElementType to = op.result().tensorType().elementType();
        if (Operands.type(op.operand(0)).elementType() == to) {
            ov.replace(op.operand(0)); // a cast to the type it already has is the identity
            return;
        }
        ElementType from = Operands.type(op.operand(0)).elementType();
        if (from.isFloat() && to.isBool()) {
            // Not a Convert: the CPU plugin's Convert to boolean maps NaN to false.
            ov.replace(ov.create(CompareOp.NOT_EQUAL, op.operand(0), ov.scalar(from, 0)));
            return;
        }
        ov.replace(ov.convert(op.operand(0), to));
    }
}
