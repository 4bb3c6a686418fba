package dev.xamba.ir.eval.ov;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.eval.kernels.Padding;
import dev.xamba.ir.type.TensorType;

/**
 * OpenVINO Pad-12: each dim grows by {@code begin[d]} elements before and {@code end[d]} after; negative pads crop.
 * New positions are filled by the mode; the indexing is the shared {@link Padding} kernel.
 */
public final class PadKernel {
    private PadKernel() {}

    /** OpenVINO's {@code pad_mode} values. */
    public enum Mode {
        /** The pad value (0 by default). */
        CONSTANT("constant", Padding.Mode.CONSTANT),
        /** The edge element repeated: [1,2,3] by 2 → [1,1,1,2,3,3,3]. */
        EDGE("edge", Padding.Mode.EDGE),
        /** Mirrored without the edge: [1,2,3] by 2 → [3,2,1,2,3,2,1]; pads must be below the dim. */
        REFLECT("reflect", Padding.Mode.REFLECT),
        /** Mirrored with the edge: [1,2,3] by 2 → [2,1,1,2,3,3,2]; pads may reach the dim. */
        SYMMETRIC("symmetric", Padding.Mode.SYMMETRIC);

        private final String irName;
        private final Padding.Mode kernelMode;

        Mode(String irName, Padding.Mode kernelMode) {
            this.irName = irName;
            this.kernelMode = kernelMode;
        }

        public String irName() { return irName; }

        /** The mode spelled {@code name}, or null. */
        public static Mode fromIrName(String name) {
            for (Mode m : values()) if (m.irName.equals(name)) return m;
            return null;
        }

        /** The largest pad this mode allows on a dim of size {@code n} (the whole dim for constant and edge). */
        public long maxPad(long n) {
            return switch (this) {
                case CONSTANT -> Long.MAX_VALUE;
                case EDGE -> n > 0 ? Long.MAX_VALUE : 0;
                case REFLECT -> n - 1;
                case SYMMETRIC -> n;
            };
        }
    }

    /** Pads (or crops) {@code x} into {@code out}; {@code value} is the fill for constant mode (null for 0). */
    public static Tensor pad(Tensor x, long[] begin, Mode mode, Tensor value, TensorType out) {
        return Padding.pad(x, begin, mode.kernelMode, value, out);
    }
}
