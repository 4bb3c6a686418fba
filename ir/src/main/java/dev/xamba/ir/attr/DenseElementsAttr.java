package dev.xamba.ir.attr;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;

/**
 * A small constant tensor written inline: {@code dense<1> : tensor<i64>} (splat) or
 * {@code dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>}.
 */
public record DenseElementsAttr(Tensor value) implements Attribute {

    public TensorType type() { return value.type(); }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("dense<");
        if (value.isSplat() && value.size() > 0) appendElement(sb, 0);
        else appendNested(sb, 0, 0);
        return sb.append("> : ").append(value.type()).toString();
    }

    private int appendNested(StringBuilder sb, int dim, int index) {
        TensorType t = value.type();
        if (dim == t.rank()) {
            appendElement(sb, index);
            return index + 1;
        }
        sb.append('[');
        for (long i = 0; i < t.dim(dim); i++) {
            if (i > 0) sb.append(", ");
            index = appendNested(sb, dim + 1, index);
        }
        sb.append(']');
        return index;
    }

    private void appendElement(StringBuilder sb, int i) {
        switch (value.elementType()) {
            case I1 -> sb.append(value.getLong(i) != 0);
            case F64, F32, F16, BF16 -> sb.append(FloatFormat.format(value.getDouble(i), value.elementType()));
            default -> sb.append(value.getLong(i));
        }
    }

    // equals/hashCode written out: the generated ones cost start-up time (README, "Compile speed")
    // Bit for bit (Tensor#sameBits): NaNs of different payloads print differently, so they are different attributes.
    @Override public boolean equals(Object o) {
        return o instanceof DenseElementsAttr d && d.value.sameBits(value);
    }

    @Override public int hashCode() { return value.hashCode(); }
}
