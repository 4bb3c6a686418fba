package dev.xamba.ir.attr;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Quoting;
import dev.xamba.ir.type.TensorType;

/** A constant tensor whose bytes live in a resource blob: {@code dense_resource<w0> : tensor<64x64xf32>}. */
public record DenseResourceAttr(ResourceHandle handle, TensorType type) implements Attribute {

    /** Decodes the blob (little-endian raw elements) into a tensor value. */
    public Tensor value() { return Tensor.fromBytes(type, handle.blob()); }

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
