package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.type.ElementType;
import java.util.Optional;

/** ONNX {@code TensorProto.DataType} numbers and the IR element types they map to. */
public final class OnnxDataTypes {
    private OnnxDataTypes() {}

    private static final String[] NAMES = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64",
        "STRING", "BOOL", "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16",
        "FLOAT8E4M3FN", "FLOAT8E4M3FNUZ", "FLOAT8E5M2", "FLOAT8E5M2FNUZ", "UINT4", "INT4", "FLOAT4E2M1",
        "FLOAT8E8M0", "UINT2", "INT2"};

    /** The element type of ONNX data type {@code code}, or empty when the IR has no such type (UINT16, STRING...). */
    public static Optional<ElementType> elementType(long code) {
        return Optional.ofNullable(switch ((int) Math.max(Math.min(code, Integer.MAX_VALUE), -1)) {
            case 1 -> ElementType.F32;
            case 2 -> ElementType.U8;
            case 3 -> ElementType.I8;
            case 5 -> ElementType.I16;
            case 6 -> ElementType.I32;
            case 7 -> ElementType.I64;
            case 9 -> ElementType.I1;
            case 10 -> ElementType.F16;
            case 11 -> ElementType.F64;
            case 16 -> ElementType.BF16;
            default -> null;
        });
    }

    /** The ONNX data type number of an element type. */
    public static int code(ElementType et) {
        return switch (et) {
            case F32 -> 1;
            case U8 -> 2;
            case I8 -> 3;
            case I16 -> 5;
            case I32 -> 6;
            case I64 -> 7;
            case I1 -> 9;
            case F16 -> 10;
            case F64 -> 11;
            case BF16 -> 16;
        };
    }

    /** {@code "INT64 (7)"}: how messages name an ONNX data type. */
    public static String describe(long code) {
        return (code >= 0 && code < NAMES.length ? NAMES[(int) code] : "unknown data type") + " (" + code + ")";
    }
}
