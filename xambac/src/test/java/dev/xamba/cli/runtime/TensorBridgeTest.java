package dev.xamba.cli.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.api.pipeline.UserError;
import dev.xamba.openvino.OvElementType;
import dev.xamba.openvino.OvTensorData;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** OpenVINO results into xamba tensors. */
class TensorBridgeTest {
    @Test
    void anOutputOfATypeXambaDoesNotReadIsTheModelsLimitNotABug() {
        // A model whose output is u16 (an ONNX Cast to=4): run ended in an IllegalArgumentException, exit 3.
        OvTensorData u16 = new OvTensorData(OvElementType.U16, new long[] {2}, ByteBuffer.allocate(4));
        assertThatThrownBy(() -> TensorBridge.fromOpenVino(u16)).isInstanceOf(UserError.class)
                .hasMessageStartingWith("the model has an output of type U16, which xamba does not read");
    }
}
