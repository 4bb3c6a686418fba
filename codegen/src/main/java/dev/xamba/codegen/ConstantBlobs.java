package dev.xamba.codegen;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.eval.HalfFloat;
import dev.xamba.ir.type.TensorType;
import java.nio.ByteBuffer;

/**
 * The raw little-endian bytes of an {@code ov.Constant}'s value, as the {@code .bin} holds them (booleans one byte
 * each), and their f16 compression (streamed by {@link WeightsTable} while writing). Resource blobs (weights, possibly memory-mapped) are passed through without a
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

    /**
     * Converts f32 values from {@code in} to f16 values in {@code out} (both little-endian, positions advanced)
     * until {@code in} has no whole value left or {@code out} is full; saturates to ±65504 (NaN stays NaN).
     */
    static void toF16(ByteBuffer in, ByteBuffer out) {
        int n = Math.min(in.remaining() / 4, out.remaining() / 2);
        int ip = in.position();
        int op = out.position();
        for (int i = 0; i < n; i++) {
            float v = in.getFloat(ip + 4 * i);
            if (!Float.isNaN(v)) v = Math.max(-F16_MAX, Math.min(F16_MAX, v));
            out.putShort(op + 2 * i, HalfFloat.fromFloat(v));
        }
        in.position(ip + 4 * n);
        out.position(op + 2 * n);
    }
}
