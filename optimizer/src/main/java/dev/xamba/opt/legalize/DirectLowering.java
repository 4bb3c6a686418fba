package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpViewKind;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Map;

/**
 * An ONNX op whose OpenVINO counterpart takes the same operands in the same order, has no attributes to set and
 * computes the same function: {@code onnx.Exp(x) → ov.Exp(x)}, {@code onnx.Add(a, b) → ov.Add(a, b)} (NumPy
 * broadcasting on both sides), {@code onnx.Where(c, x, y) → ov.Select(c, x, y)}, {@code onnx.MatMul → ov.MatMul}.
 *
 * <p>The arithmetic ops made by {@link #wrapping} (Add, Sub, Mul, Neg, Abs) are the exception on 8-bit integers:
 * ONNX wraps them (u8 {@code 250 + 10 = 4}, i8 {@code -(-128) = -128}) while OpenVINO's CPU plugin saturates them
 * ({@code 255}, {@code 127}). For i8 and u8 operands they become {@code Convert(i32) → op → Convert(back)}: the
 * result is exact in i32 and the narrowing Convert wraps, on the CPU plugin too.
 *
 * <p>Restrictions: none beyond the ov op's own operand checks (e.g. equal element types, which ONNX requires too).
 */
final class DirectLowering extends OnnxLowering {
    private final OpViewKind<?> ovOp;
    /** Whether i8/u8 operands are computed in i32 (see the class comment). */
    private final boolean widenEightBit;
    /** Built once: the driver asks each time the pattern applies. */
    private final String name;

    DirectLowering(OpViewKind<OnnxOp> onnxOp, OpViewKind<?> ovOp) {
        this(onnxOp, ovOp, false);
    }

    private DirectLowering(OpViewKind<OnnxOp> onnxOp, OpViewKind<?> ovOp, boolean widenEightBit) {
        super(onnxOp);
        this.ovOp = ovOp;
        this.widenEightBit = widenEightBit;
        this.name = "DirectLowering(" + rootName() + " → " + ovOp + ")";
    }

    /** An integer arithmetic op that must wrap: on i8/u8 it is computed in i32 and converted back. */
    static DirectLowering wrapping(OpViewKind<OnnxOp> onnxOp, OpViewKind<?> ovOp) {
        return new DirectLowering(onnxOp, ovOp, true);
    }

    @Override public String name() { return name; }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        Value[] operands = op.operandValues().toArray(Value[]::new);
        ElementType type = op.result().tensorType().elementType();
        if (!widenEightBit || (type != ElementType.I8 && type != ElementType.U8)) {
            ov.replace(ov.create(ovOp, Map.of(), operands));
            return;
        }
        // The CPU plugin saturates 8-bit arithmetic; i32 holds every result exactly and narrowing wraps.
        for (int i = 0; i < operands.length; i++) operands[i] = ov.convert(operands[i], ElementType.I32);
        ov.replace(ov.convert(ov.create(ovOp, Map.of(), operands), type));
    }
}
