package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.ClampOp;
import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * {@code onnx.Clip(x, min, max) → ov.Clamp(x) {min, max}} when both bounds are constants with
 * {@code min <= max}; otherwise {@code → ov.Minimum(ov.Maximum(x, min), max)}, which is ONNX's definition (also
 * for {@code min > max}, where every element becomes max), leaving out an absent bound. Without bounds the op is
 * the identity. Non-constant bounds given as one-element vectors are squeezed to scalars, so they cannot widen
 * the result's rank. On OpenVINO's CPU plugin neither form propagates NaN: Clamp and Maximum give the lower bound
 * for a NaN x where ONNX gives NaN (see docs/OPENVINO_FINDINGS.md).
 *
 * <p>Restrictions: for Clamp on integers the bounds must be exact as doubles (|bound| <= 2^53), since Clamp's
 * attributes are floats; otherwise Maximum/Minimum are used.
 */
final class ClipLowering extends OnnxLowering {
    private static final double EXACT_INTEGER_LIMIT = 0x1p53;

    ClipLowering() {
        super(OnnxOp.CLIP);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        Value x = op.operand(0);
        ElementType type = Operands.type(x).elementType();
        boolean hasMin = Operands.has(op, 1);
        boolean hasMax = Operands.has(op, 2);
        Optional<Tensor> min = hasMin ? Operands.constant(op, 1) : Optional.empty();
        Optional<Tensor> max = hasMax ? Operands.constant(op, 2) : Optional.empty();
        if (min.isPresent() && max.isPresent() && fitsClamp(min.get(), type) && fitsClamp(max.get(), type)
                && min.get().getDouble(0) <= max.get().getDouble(0)) {
            Map<String, Attribute> bounds = Map.of(
                    "min", bound(min.get(), type), "max", bound(max.get(), type));
            ov.replace(ov.create(ClampOp.KIND, bounds, x));
            return;
        }
        Value result = x;
        if (hasMin) result = ov.create(BinaryOp.MAXIMUM, result, scalar(ov, op.operand(1)));
        if (hasMax) result = ov.create(BinaryOp.MINIMUM, result, scalar(ov, op.operand(2)));
        ov.replace(result);
    }

    private static boolean fitsClamp(Tensor bound, ElementType type) {
        if (bound.size() != 1) return false;
        return type.isFloat() || Math.abs((double) bound.getLong(0)) <= EXACT_INTEGER_LIMIT;
    }

    /** The bound as Clamp's float attribute: f32 spelling for f32 data (the value is an f32), else f64. */
    private static FloatAttr bound(Tensor t, ElementType type) {
        return new FloatAttr(t.getDouble(0), type == ElementType.F32 ? ElementType.F32 : ElementType.F64);
    }

    /** A bound as a 0-D value: scalars as they are, one-element vectors through Squeeze. */
    private static Value scalar(OvBuilder ov, Value bound) {
        return Operands.type(bound).rank() == 0 ? bound : ov.create(ReshapeOp.SQUEEZE, bound);
    }
}
