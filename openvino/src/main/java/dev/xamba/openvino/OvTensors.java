package dev.xamba.openvino;

import dev.xamba.openvino.capi.OvC;
import dev.xamba.openvino.capi.OvC.ov_shape_t;
import dev.xamba.openvino.capi.OvC.ov_tensor_t;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

import java.nio.ByteBuffer;

import static dev.xamba.openvino.OvCalls.check;

/**
 * Copies between {@link OvTensorData} and OpenVINO tensors. Inputs are copied into tensors that
 * OpenVINO allocates, rather than wrapping Java memory with ov_tensor_create_from_host_ptr, so no
 * Java buffer has to outlive an infer request.
 */
final class OvTensors {
    private OvTensors() {}

    /** A new OpenVINO tensor holding a copy of {@code data}; the caller frees it with ov_tensor_free. */
    static ov_tensor_t toNative(OvTensorData data) {
        long[] dims = data.shape();
        ov_tensor_t tensor = new ov_tensor_t();
        // ov_shape_create rejects rank 0, so the struct is filled directly; it only borrows dims.
        // A scalar still gets a valid (unused) dims pointer.
        try (ov_shape_t shape = new ov_shape_t();
             LongPointer dimsPointer = new LongPointer(dims.length == 0 ? new long[] {1} : dims)) {
            shape.rank(dims.length).dims(dimsPointer);
            check(OvC.ov_tensor_create(data.elementType().code(), shape, tensor), "ov_tensor_create(" + data + ")");
        }
        try {
            ByteBuffer bytes = data.data();
            if (bytes.remaining() > 0) {
                dataPointer(tensor, bytes.remaining()).asBuffer().put(bytes);
            }
            return tensor;
        } catch (RuntimeException e) {
            OvC.ov_tensor_free(tensor);
            throw e;
        }
    }

    /** A host copy of an OpenVINO tensor; the tensor itself is left for the caller to free. */
    static OvTensorData fromNative(ov_tensor_t tensor, String what) {
        OvElementType type;
        try (IntPointer typeOut = new IntPointer(1)) {
            check(OvC.ov_tensor_get_element_type(tensor, typeOut), "ov_tensor_get_element_type(" + what + ")");
            type = OvElementType.fromCode(typeOut.get());
        }
        long[] shape = shapeOf(tensor, what);
        long byteSize;
        try (SizeTPointer sizeOut = new SizeTPointer(1)) {
            check(OvC.ov_tensor_get_byte_size(tensor, sizeOut), "ov_tensor_get_byte_size(" + what + ")");
            byteSize = sizeOut.get();
        }
        if (byteSize > OvTensorTooLargeException.MAX_BYTES) throw new OvTensorTooLargeException(what, type, shape, byteSize);
        ByteBuffer copy = ByteBuffer.allocate((int) byteSize);
        if (byteSize > 0) {
            copy.put(dataPointer(tensor, byteSize).asBuffer()).flip();
        }
        return new OvTensorData(type, shape, copy);
    }

    private static long[] shapeOf(ov_tensor_t tensor, String what) {
        try (ov_shape_t shape = new ov_shape_t()) {
            shape.rank(0).dims(null);
            int status = OvC.ov_tensor_get_shape(tensor, shape);
            if (status == OvStatus.INVALID_C_PARAM.code() && elementCountOf(tensor, what) == 1) {
                // ov_tensor_get_shape builds its result with ov_shape_create, which rejects rank 0,
                // so for a valid tensor this status means a scalar.
                return new long[0];
            }
            check(status, "ov_tensor_get_shape(" + what + ")");
            try {
                long[] dims = new long[Math.toIntExact(shape.rank())];
                if (dims.length > 0) {
                    shape.dims().get(dims);
                }
                return dims;
            } finally {
                OvC.ov_shape_free(shape);
            }
        }
    }

    private static long elementCountOf(ov_tensor_t tensor, String what) {
        try (SizeTPointer sizeOut = new SizeTPointer(1)) {
            check(OvC.ov_tensor_get_size(tensor, sizeOut), "ov_tensor_get_size(" + what + ")");
            return sizeOut.get();
        }
    }

    /** The tensor's element memory, sized to {@code byteSize}. */
    private static BytePointer dataPointer(ov_tensor_t tensor, long byteSize) {
        try (PointerPointer<Pointer> dataOut = new PointerPointer<>(1)) {
            check(OvC.ov_tensor_data(tensor, dataOut), "ov_tensor_data");
            Pointer data = dataOut.get(0);
            if (data == null || data.isNull()) {
                throw new IllegalStateException("ov_tensor_data returned a null pointer for " + byteSize + " bytes");
            }
            return new BytePointer(data).capacity(byteSize);
        }
    }
}
