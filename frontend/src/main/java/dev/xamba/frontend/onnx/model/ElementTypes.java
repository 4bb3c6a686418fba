package dev.xamba.frontend.onnx.model;

import dev.xamba.frontend.onnx.proto.TensorProto.DataType;
import dev.xamba.ir.type.ElementType;
import java.util.Optional;

/** ONNX {@code TensorProto.DataType} numbers and the IR's element types. */
public final class ElementTypes {
    private ElementTypes() {}

    /** The element type for an ONNX data type, or empty for types the IR does not have (strings, u16, u32, ...). */
    public static Optional<ElementType> fromOnnx(int dataType) {
        DataType t = DataType.forNumber(dataType);
        if (t == null) return Optional.empty();
        return Optional.ofNullable(switch (t) {
            case FLOAT -> ElementType.F32;
            case DOUBLE -> ElementType.F64;
            case FLOAT16 -> ElementType.F16;
            case BFLOAT16 -> ElementType.BF16;
            case INT64 -> ElementType.I64;
            case INT32 -> ElementType.I32;
            case INT16 -> ElementType.I16;
            case INT8 -> ElementType.I8;
            case UINT8 -> ElementType.U8;
            case BOOL -> ElementType.I1;
            default -> null;
        });
    }

    /** The ONNX spelling of a data type for messages: {@code UINT32}, or {@code data type 99}. */
    public static String onnxName(int dataType) {
        DataType t = DataType.forNumber(dataType);
        return t == null || t == DataType.UNRECOGNIZED ? "data type " + dataType : t.name();
    }

    /** The element type, or an error naming the tensor and its unsupported type. */
    public static ElementType require(int dataType, String what, SourceFile file) {
        return fromOnnx(dataType).orElseThrow(() -> file.error(what + " has element type " + onnxName(dataType)
                + ", which xamba does not support"));
    }
}
