package dev.xamba.frontend.onnx.model;

import dev.xamba.frontend.onnx.proto.TensorShapeProto;
import dev.xamba.frontend.onnx.proto.TypeProto;
import dev.xamba.frontend.onnx.proto.ValueInfoProto;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;

/**
 * The tensor type of a graph input or output from its {@code ValueInfoProto}. Symbolic dimensions
 * ({@code dim_param}) take the user's override when one is given, else stay dynamic ({@code ?}).
 */
public final class ValueTypes {
    private ValueTypes() {}

    /**
     * The declared type. {@code override} (may be null) replaces the whole shape; it must agree with every
     * fixed dimension of the model. {@code what} names the value in errors ("input 'x'").
     */
    public static TensorType of(ValueInfoProto info, long[] override, String what, SourceFile file) {
        if (!info.hasType() || info.getType().getValueCase() == TypeProto.ValueCase.VALUE_NOT_SET) {
            throw file.error(what + " has no type");
        }
        if (!info.getType().hasTensorType()) {
            throw file.error(what + " is not a tensor (sequence, map and optional values are not supported)");
        }
        TypeProto.Tensor tt = info.getType().getTensorType();
        ElementType et = ElementTypes.require(tt.getElemType(), what, file);
        if (!tt.hasShape()) {
            if (override == null) throw file.error(what + " has no shape; give one with ImportOptions.inputShapes");
            return TensorType.of(et, checkOverride(override, what, file));
        }
        TensorShapeProto shape = tt.getShape();
        long[] dims = new long[shape.getDimCount()];
        if (override != null && override.length != dims.length) {
            throw file.error(what + " has rank " + dims.length + " but the given shape " + Arrays.toString(override)
                    + " has rank " + override.length);
        }
        for (int i = 0; i < dims.length; i++) {
            TensorShapeProto.Dimension d = shape.getDim(i);
            if (d.hasDimValue()) {
                long v = d.getDimValue();
                if (v < 0) throw file.error(what + " has negative dimension " + v + " at index " + i);
                if (override != null && override[i] != v && override[i] != TensorType.DYNAMIC) {
                    throw file.error(what + " has dimension " + v + " at index " + i + " but the given shape says " + override[i]);
                }
                dims[i] = v;
            } else {
                dims[i] = override != null ? override[i] : TensorType.DYNAMIC;
            }
        }
        if (override != null) checkOverride(override, what, file);
        return TensorType.of(et, dims);
    }

    /** The declared element type, or null when the value info does not say (outputs often do not). */
    public static ElementType declaredElementType(ValueInfoProto info) {
        if (!info.hasType() || !info.getType().hasTensorType()) return null;
        return ElementTypes.fromOnnx(info.getType().getTensorType().getElemType()).orElse(null);
    }

    /** The declared fixed dimensions, with {@link TensorType#DYNAMIC} for symbolic ones; null without a shape. */
    public static long[] declaredDims(ValueInfoProto info) {
        if (!info.hasType() || !info.getType().hasTensorType() || !info.getType().getTensorType().hasShape()) return null;
        TensorShapeProto shape = info.getType().getTensorType().getShape();
        long[] dims = new long[shape.getDimCount()];
        for (int i = 0; i < dims.length; i++) {
            TensorShapeProto.Dimension d = shape.getDim(i);
            dims[i] = d.hasDimValue() && d.getDimValue() >= 0 ? d.getDimValue() : TensorType.DYNAMIC;
        }
        return dims;
    }

    private static long[] checkOverride(long[] override, String what, SourceFile file) {
        for (long v : override) {
            if (v < TensorType.DYNAMIC) throw file.error(what + ": the given shape " + Arrays.toString(override) + " has a negative dimension");
        }
        return override;
    }
}
