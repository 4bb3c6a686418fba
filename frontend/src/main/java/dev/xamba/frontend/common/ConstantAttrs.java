package dev.xamba.frontend.common;

import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.attr.FileRegion;
import dev.xamba.ir.attr.ResourceHandle;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;
import java.nio.ByteBuffer;

/**
 * Chooses how a constant is held: small tensors inline as {@code dense<...>}, bigger ones as
 * {@code dense_resource<name>} over their bytes (a view of the mapped file when they come from one). Resource
 * names are sanitized tensor names, unique per import.
 */
public final class ConstantAttrs {
    private final int maxInlineElements;
    private final Identifiers resourceNames = new Identifiers();

    public ConstantAttrs(int maxInlineElements) { this.maxInlineElements = maxInlineElements; }

    public boolean isInline(TensorType type) { return type.numElements() <= maxInlineElements; }

    /** A constant over little-endian bytes; {@code bytes} is kept, not copied, when the tensor is big. */
    public Attribute fromBytes(TensorType type, ByteBuffer bytes, String name) {
        return fromBytes(type, bytes, null, name);
    }

    /** {@link #fromBytes(TensorType, ByteBuffer, String)} for bytes also stored at {@code region} (null if not). */
    public Attribute fromBytes(TensorType type, ByteBuffer bytes, FileRegion region, String name) {
        if (isInline(type)) return new DenseElementsAttr(Tensor.fromBytes(type, bytes));
        return new DenseResourceAttr(new ResourceHandle(resourceNames.unique(name, "blob"), bytes, region), type);
    }

    /** A constant holding a computed value. */
    public Attribute fromTensor(Tensor value, String name) {
        if (isInline(value.type())) return new DenseElementsAttr(value);
        return new DenseResourceAttr(ResourceHandle.ofValue(resourceNames.unique(name, "blob"), value), value.type());
    }
}
