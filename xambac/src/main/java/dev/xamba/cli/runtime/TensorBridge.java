package dev.xamba.cli.runtime;

import dev.xamba.api.pipeline.UserError;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.openvino.OvElementType;
import dev.xamba.openvino.OvTensorData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Moves tensors between xamba's {@link Tensor} and the OpenVINO binding's {@link OvTensorData} (both little-endian). */
public final class TensorBridge {
    private TensorBridge() {}

    public static OvTensorData toOpenVino(Tensor t) {
        ByteBuffer b = ByteBuffer.wrap(t.toBytes()).order(ByteOrder.LITTLE_ENDIAN);
        return new OvTensorData(ovType(t.elementType()), t.type().shape(), b);
    }

    public static Tensor fromOpenVino(OvTensorData d) {
        return Tensor.fromBytes(TensorType.of(readableType(d.elementType(), "an output"), d.shape()), d.data());
    }

    /**
     * The element type xamba reads {@code type} as; {@code what} (an output, named) names it in the error when xamba
     * reads no such type: a model's own output type (an ONNX Cast to u16, a Convert to u4), the input's limit, not a
     * bug (they were exit 3). Checked for each output before running, so no inference runs in vain.
     */
    public static ElementType readableType(OvElementType type, String what) {
        return switch (type) {
            case F32 -> ElementType.F32;
            case F16 -> ElementType.F16;
            case BF16 -> ElementType.BF16;
            case F64 -> ElementType.F64;
            case I64 -> ElementType.I64;
            case I32 -> ElementType.I32;
            case I16 -> ElementType.I16;
            case I8 -> ElementType.I8;
            case U8 -> ElementType.U8;
            case BOOLEAN -> ElementType.I1;
            default -> throw new UserError("the model has " + what + " of type " + type
                    + ", which xamba does not read (f64, f32, f16, bf16, i64, i32, i16, i8, u8 and bool)");
        };
    }

    public static OvElementType ovType(ElementType et) {
        return switch (et) {
            case F64 -> OvElementType.F64;
            case F32 -> OvElementType.F32;
            case F16 -> OvElementType.F16;
            case BF16 -> OvElementType.BF16;
            case I64 -> OvElementType.I64;
            case I32 -> OvElementType.I32;
            case I16 -> OvElementType.I16;
            case I8 -> OvElementType.I8;
            case U8 -> OvElementType.U8;
            case I1 -> OvElementType.BOOLEAN;
        };
    }
}
