package dev.xamba.ir.attr;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Quoting;
import dev.xamba.ir.type.TensorType;

/** A constant tensor whose bytes live in a resource blob: {@code dense_resource<w0> : tensor<64x64xf32>}. */
public record DenseResourceAttr(ResourceHandle handle, TensorType type) implements Attribute {

    /** Decodes the blob (little-endian raw elements) into a tensor value; a folded blob's tensor is taken as it is. */
    public Tensor value() {
        Tensor computed = handle.computedValue().orElse(null);
        if (computed != null && computed.elementType() == type.elementType() && computed.type().hasStaticShape()
                && type.hasStaticShape() && computed.type().numElements() == type.numElements()) {
            return computed.type().equals(type) ? computed : computed.reshape(type);
        }
        return Tensor.fromBytes(type, handle.blob());
    }

    @Override public boolean equals(Object o) {
        return o instanceof DenseResourceAttr d && d.handle == handle && d.type.equals(type);
    }

    @Override public int hashCode() { return System.identityHashCode(handle) * 31 + type.hashCode(); }

    @Override public String toString() {
        String n = handle.name();
        return "dense_resource<" + (isBareName(n) ? n : Quoting.quote(n)) + "> : " + type;
    }

    public static boolean isBareName(String n) {
        return n.matches("[A-Za-z_][A-Za-z0-9_$.\\-]*");
    }
}
