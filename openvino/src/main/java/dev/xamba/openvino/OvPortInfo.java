package dev.xamba.openvino;

import java.util.Arrays;

/**
 * A model input or output as OpenVINO sees it.
 *
 * @param index position among the model's inputs or outputs
 * @param name one of the port's tensor names, or "" when it has none
 * @param elementType element type
 * @param shape dimensions, -1 for a dynamic one; {@code null} when even the rank is dynamic
 */
public record OvPortInfo(int index, String name, OvElementType elementType, long[] shape) {
    public OvPortInfo {
        shape = shape == null ? null : shape.clone();
    }

    /** A copy of the shape (see the record description). */
    @Override
    public long[] shape() {
        return shape == null ? null : shape.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OvPortInfo that && index == that.index && name.equals(that.name)
                && elementType == that.elementType && Arrays.equals(shape, that.shape);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * index + name.hashCode()) + elementType.hashCode()) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + ":" + elementType.irName() + (shape == null ? "[...]" : Arrays.toString(shape));
    }
}
