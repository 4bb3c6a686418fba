package dev.xamba.ir.type;

import java.util.Arrays;

/**
 * A ranked tensor type such as {@code tensor<1x?x768xf32>}; rank 0 prints as {@code tensor<f32>}.
 * A dynamic dimension is stored as {@link #DYNAMIC}.
 */
public final class TensorType implements Type {
    public static final long DYNAMIC = -1;

    private final ElementType elementType;
    private final long[] shape;

    private TensorType(ElementType elementType, long[] shape) {
        this.elementType = elementType;
        this.shape = shape;
    }

    public static TensorType of(ElementType elementType, long... shape) {
        for (long d : shape) {
            if (d < DYNAMIC) throw new IllegalArgumentException("negative dimension " + d);
        }
        return new TensorType(elementType, shape.clone());
    }

    public static TensorType scalar(ElementType elementType) { return new TensorType(elementType, new long[0]); }

    public ElementType elementType() { return elementType; }

    public long[] shape() { return shape.clone(); }

    public int rank() { return shape.length; }

    public long dim(int i) { return shape[i]; }

    public boolean isDynamicDim(int i) { return shape[i] == DYNAMIC; }

    public boolean hasStaticShape() {
        for (long d : shape) if (d == DYNAMIC) return false;
        return true;
    }

    /**
     * Whether a value of type {@code value} may be given where this type is declared (a function's input): the same
     * element type and rank, and each of this type's static dims equal (a dynamic dim takes any size).
     */
    public boolean admits(TensorType value) {
        if (value.elementType() != elementType() || value.rank() != rank()) return false;
        for (int d = 0; d < rank(); d++) {
            if (!isDynamicDim(d) && dim(d) != value.dim(d)) return false;
        }
        return true;
    }

    /** Number of elements; only meaningful for static shapes. Saturates at Long.MAX_VALUE instead of overflowing. */
    public long numElements() {
        long n = 1;
        for (long d : shape) {
            if (d == DYNAMIC) throw new IllegalStateException("numElements of dynamic type " + this);
            if (d != 0 && n > Long.MAX_VALUE / d) return Long.MAX_VALUE;
            n *= d;
        }
        return n;
    }

    public TensorType withElementType(ElementType et) { return new TensorType(et, shape); }

    public TensorType withShape(long... newShape) { return of(elementType, newShape); }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorType t && t.elementType == elementType && Arrays.equals(t.shape, shape);
    }

    @Override
    public int hashCode() { return elementType.hashCode() * 31 + Arrays.hashCode(shape); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("tensor<");
        for (long d : shape) sb.append(d == DYNAMIC ? "?" : Long.toString(d)).append('x');
        return sb.append(elementType.spelling()).append('>').toString();
    }
}
