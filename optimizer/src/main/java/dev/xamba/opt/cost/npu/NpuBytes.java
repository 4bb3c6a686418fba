package dev.xamba.opt.cost.npu;

import dev.xamba.ir.type.ElementType;

/** Bytes per element on the NPU: floats run as FP16 (so f32 and f16 cost alike), integers at their width. */
final class NpuBytes {
    private NpuBytes() {}

    static int of(ElementType t) { return t.isFloat() ? 2 : Math.max(1, t.byteWidth()); }
}
