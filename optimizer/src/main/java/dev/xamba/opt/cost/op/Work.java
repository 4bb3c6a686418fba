package dev.xamba.opt.cost.op;

import dev.xamba.ir.type.ElementType;

/**
 * What one op asks of any device, independent of the target: the counts the target's rates multiply.
 *
 * @param kernel         the kernel a target's table is keyed by: the {@code ov} op's IR type ({@code CumSum})
 * @param family         the op family, the CPU table's fallback key
 * @param elementType    the element type of the op's data (f32 and f16 are costed alike on the NPU)
 * @param inputElements  elements read from tensor operands (weights included)
 * @param outputElements elements written
 * @param rateElements   the count a per-element rate applies to: output elements, or input elements for reductions
 * @param lanes          independent pieces of work a kernel can be split into (rows of a scan, outputs of a
 *                       reduction, elements of an elementwise op)
 * @param macs           multiply-accumulates (contractions only)
 */
public record Work(String kernel, Family family, ElementType elementType, long inputElements, long outputElements,
                   long rateElements, long lanes, long macs) {
    public static Work none(String kernel) { return new Work(kernel, Family.NONE, ElementType.F32, 0, 0, 0, 0, 0); }
}
