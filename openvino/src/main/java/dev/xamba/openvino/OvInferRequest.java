package dev.xamba.openvino;

import dev.xamba.openvino.capi.OvC;
import dev.xamba.openvino.capi.OvC.ov_infer_request_t;
import dev.xamba.openvino.capi.OvC.ov_profiling_info_list_t;
import dev.xamba.openvino.capi.OvC.ov_profiling_info_t;
import dev.xamba.openvino.capi.OvC.ov_tensor_t;
import org.bytedeco.javacpp.BytePointer;

import java.util.ArrayList;
import java.util.List;

import static dev.xamba.openvino.OvCalls.check;

/**
 * One synchronous inference context: set the inputs, {@link #infer()}, read the outputs. Input data
 * is copied in when set and output data copied out when read, so no Java buffer is shared with
 * OpenVINO. Not thread-safe; use one request per thread.
 */
public final class OvInferRequest extends NativeHandle<ov_infer_request_t> {
    private final List<OvPortInfo> inputs;
    private final List<OvPortInfo> outputs;

    OvInferRequest(ov_infer_request_t request, OvCompiledModel compiledModel) {
        super("OvInferRequest(" + compiledModel.device() + ")", request);
        this.inputs = compiledModel.inputs();
        this.outputs = compiledModel.outputs();
    }

    /** Sets input {@code index} (Parameter order) to a copy of {@code data}. */
    public void setInput(int index, OvTensorData data) {
        ov_tensor_t tensor = OvTensors.toNative(data);
        try {
            check(OvC.ov_infer_request_set_input_tensor_by_index(pointer(), index, tensor),
                    "ov_infer_request_set_input_tensor_by_index(" + index + ", " + data + ")");
        } finally {
            // The request keeps its own reference to the tensor's memory.
            OvC.ov_tensor_free(tensor);
        }
    }

    /** Sets the input (or output) tensor named {@code tensorName} to a copy of {@code data}. */
    public void setInput(String tensorName, OvTensorData data) {
        ov_tensor_t tensor = OvTensors.toNative(data);
        try (BytePointer name = OvCalls.utf8(tensorName)) {
            check(OvC.ov_infer_request_set_tensor(pointer(), name, tensor),
                    "ov_infer_request_set_tensor(" + tensorName + ", " + data + ")");
        } finally {
            OvC.ov_tensor_free(tensor);
        }
    }

    /** Sets every input in order; {@code data.size()} must equal the number of inputs. */
    public void setInputs(List<OvTensorData> data) {
        if (data.size() != inputs.size()) {
            throw new IllegalArgumentException("the model has " + inputs.size() + " inputs " + inputs + ", got "
                    + data.size() + " tensors");
        }
        for (int i = 0; i < data.size(); i++) {
            setInput(i, data.get(i));
        }
    }

    /** Runs the model on the inputs set so far and waits for it. */
    public void infer() {
        check(OvC.ov_infer_request_infer(pointer()), "ov_infer_request_infer");
    }

    /**
     * The performance counters of the last {@link #infer()}, one entry per node the plugin ran or dropped; the
     * model must have been compiled with {@code PERF_COUNT=YES} (without it the CPU plugin lists every node
     * as NOT_RUN with zero times).
     */
    public List<OvProfilingEntry> profilingInfo() {
        try (ov_profiling_info_list_t list = new ov_profiling_info_list_t()) {
            check(OvC.ov_infer_request_get_profiling_info(pointer(), list), "ov_infer_request_get_profiling_info");
            try {
                List<OvProfilingEntry> entries = new ArrayList<>(Math.toIntExact(list.size()));
                ov_profiling_info_t info = list.profiling_infos();
                for (long i = 0; i < list.size(); i++) {
                    info.position(i);
                    entries.add(new OvProfilingEntry(string(info.node_name()), string(info.node_type()),
                            string(info.exec_type()), OvProfilingEntry.Status.values()[info.status()],
                            info.real_time(), info.cpu_time()));
                }
                return entries;
            } finally {
                OvC.ov_profiling_info_list_free(list);
            }
        }
    }

    /** A C string the list owns (freed with it), or "" for null. */
    private static String string(BytePointer p) {
        return p == null || p.isNull() ? "" : p.getString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A copy of output {@code index} (Result order) of the last {@link #infer()}. */
    public OvTensorData output(int index) {
        ov_tensor_t tensor = new ov_tensor_t();
        check(OvC.ov_infer_request_get_output_tensor_by_index(pointer(), index, tensor),
                "ov_infer_request_get_output_tensor_by_index(" + index + ")");
        try {
            return OvTensors.fromNative(tensor, "output " + index);
        } finally {
            OvC.ov_tensor_free(tensor);
        }
    }

    /** A copy of the tensor named {@code tensorName} (usually an output) after the last {@link #infer()}. */
    public OvTensorData output(String tensorName) {
        ov_tensor_t tensor = new ov_tensor_t();
        try (BytePointer name = OvCalls.utf8(tensorName)) {
            check(OvC.ov_infer_request_get_tensor(pointer(), name, tensor),
                    "ov_infer_request_get_tensor(" + tensorName + ")");
        }
        try {
            return OvTensors.fromNative(tensor, "tensor " + tensorName);
        } finally {
            OvC.ov_tensor_free(tensor);
        }
    }

    /** Copies of all outputs, in output order. */
    public List<OvTensorData> outputs() {
        List<OvTensorData> result = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            result.add(output(i));
        }
        return result;
    }

    /** Sets all inputs, runs, and returns all outputs. */
    public List<OvTensorData> run(List<OvTensorData> inputData) {
        setInputs(inputData);
        infer();
        return outputs();
    }

    @Override
    void free(ov_infer_request_t request) {
        OvC.ov_infer_request_free(request);
    }
}
