package dev.xamba.openvino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.openvino.capi.OvC;
import dev.xamba.openvino.capi.OvC.ov_shape_t;
import dev.xamba.openvino.capi.OvC.ov_tensor_t;
import org.bytedeco.javacpp.LongPointer;
import org.junit.jupiter.api.Test;

/** {@link OvTensors#fromNative} on a tensor larger than a Java buffer can hold. */
class OvTensorsTest {
    @Test
    void aTensorOverTwoGibibytesIsRefusedByNameNotOverflowed() {
        try (OvRuntime runtime = OpenVinoForTests.load()) {
            assertThat(runtime).isNotNull(); // loads the native library the C calls below need
            long elements = (OvTensorTooLargeException.MAX_BYTES / 4) + 1;
            ov_tensor_t tensor = new ov_tensor_t();
            // OpenVINO allocates the 2 GiB without touching it; fromNative must refuse before copying any of it.
            try (ov_shape_t shape = new ov_shape_t(); LongPointer dims = new LongPointer(new long[] {elements})) {
                shape.rank(1).dims(dims);
                OvCalls.check(OvC.ov_tensor_create(OvElementType.F32.code(), shape, tensor), "ov_tensor_create");
            }
            try {
                assertThatThrownBy(() -> OvTensors.fromNative(tensor, "output 0"))
                        .isInstanceOf(OvTensorTooLargeException.class)
                        .hasMessage("output 0 (f32 [" + elements + "]) has " + 4 * elements + " bytes, more than the "
                                + OvTensorTooLargeException.MAX_BYTES + " xamba can copy out of OpenVINO")
                        .satisfies(e -> assertThat(((OvTensorTooLargeException) e).byteSize()).isEqualTo(4 * elements));
            } finally {
                OvC.ov_tensor_free(tensor);
            }
        }
    }
}
