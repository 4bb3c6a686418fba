package dev.xamba.openvino;

import dev.xamba.openvino.capi.OvC;
import dev.xamba.openvino.capi.OvC.ov_compiled_model_t;
import dev.xamba.openvino.capi.OvC.ov_infer_request_t;

import java.util.List;

import static dev.xamba.openvino.OvCalls.check;

/**
 * A model compiled for one device by {@link OvRuntime#compile}. It can create any number of infer
 * requests; close it when done (requests made from it stay valid).
 */
public final class OvCompiledModel extends NativeHandle<ov_compiled_model_t> {
    private final String device;
    private final List<OvPortInfo> inputs;
    private final List<OvPortInfo> outputs;

    OvCompiledModel(ov_compiled_model_t compiled, String device, List<OvPortInfo> inputs, List<OvPortInfo> outputs) {
        super("OvCompiledModel(" + device + ")", compiled);
        this.device = device;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    /** The device it was compiled for, e.g. {@code CPU} or {@code NPU}. */
    public String device() {
        return device;
    }

    /** The inputs of the model it was compiled from, in input order. */
    public List<OvPortInfo> inputs() {
        return inputs;
    }

    /** The outputs of the model it was compiled from, in output order. */
    public List<OvPortInfo> outputs() {
        return outputs;
    }

    /** A new infer request; each one is meant for one thread at a time. */
    public OvInferRequest createInferRequest() {
        ov_infer_request_t request = new ov_infer_request_t();
        check(OvC.ov_compiled_model_create_infer_request(pointer(), request),
                "ov_compiled_model_create_infer_request(" + device + ")");
        return new OvInferRequest(request, this);
    }

    @Override
    void free(ov_compiled_model_t compiled) {
        OvC.ov_compiled_model_free(compiled);
    }

    @Override
    public String toString() {
        return "OvCompiledModel[" + device + ", inputs " + inputs + ", outputs " + outputs + "]";
    }
}
