package dev.xamba.codegen;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.eval.HalfFloat;
import dev.xamba.ir.type.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The raw little-endian bytes of an {@code ov.Constant}'s value, as the {@code .bin} holds them (booleans one byte
 * each), and their f16 compression. Resource blobs (weights, possibly memory-mapped) are passed through without a
 * copy.
 */
final class ConstantBlobs {
    /** The largest finite f16 value; compression saturates to it, as OpenVINO's serializer does. */
    static final float F16_MAX = 65504f;

    private ConstantBlobs() {}

    /** The bytes of the constant's {@code value}, exactly {@code numElements * byteWidth} of them. */
    static ByteBuffer bytesOf(Operation constant) {
        Attribute value = constant.attr("value");
        if (value instanceof DenseElementsAttr d) return ByteBuffer.wrap(d.value().toBytes());
        if (value instanceof DenseResourceAttr r) {
            TensorType t = r.type();
            long needed = t.numElements() * t.elementType().byteWidth();
            if (!r.handle().isBound()) throw new DiagnosticException(constant.error("resource '" + r.handle().name() + "' has no data"));
            ByteBuffer blob = r.handle().blob();
            if (blob.remaining() < needed) {
                throw new DiagnosticException(constant.error("resource '" + r.handle().name() + "' holds " + blob.remaining()
                        + " bytes but " + t + " needs " + needed));
            }
            return blob.slice().limit((int) needed);
        }
        throw new DiagnosticException(constant.error("needs a dense or dense_resource 'value' to be written"));
    }

    /** f32 little-endian bytes to f16 little-endian bytes, saturating to ±65504 (NaN stays NaN). */
    static ByteBuffer toF16(ByteBuffer f32) {
        ByteBuffer in = f32.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int n = in.remaining() / 4;
        ByteBuffer out = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            float v = in.getFloat();
            if (!Float.isNaN(v)) v = Math.max(-F16_MAX, Math.min(F16_MAX, v));
            out.putShort(HalfFloat.fromFloat(v));
        }
        return out.flip();
    }
}
