package dev.xamba.cli.runtime;

import dev.xamba.codegen.RenderedIr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.openvino.OvCompiledModel;
import dev.xamba.openvino.OvInferRequest;
import dev.xamba.openvino.OvModel;
import dev.xamba.openvino.OvPortInfo;
import dev.xamba.openvino.OvRuntime;
import dev.xamba.openvino.OvTensorData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs models on the real OpenVINO runtime through the JavaCPP binding: our IR (from memory or files) and,
 * for comparison, an ONNX file read by OpenVINO's own ONNX frontend.
 */
public final class OpenVinoEngine implements AutoCloseable {
    private final OvRuntime runtime;
    private final String device;
    private final Map<String, String> properties;

    /**
     * @param exactF32 ask the device for f32 arithmetic: the CPU plugin otherwise runs f32 models in bf16 on CPUs
     *                 that have it (errors near 1e-2), which says nothing about the model
     */
    public OpenVinoEngine(String device, boolean exactF32) {
        this.runtime = OvRuntime.load();
        this.device = device;
        this.properties = exactF32 ? Map.of("INFERENCE_PRECISION_HINT", "f32") : Map.of();
    }

    public String version() { return runtime.version(); }

    /** Runs IR held in memory; outputs in the model's output order. */
    public Map<String, Tensor> run(RenderedIr ir, Map<String, Tensor> inputs) {
        try (OvModel model = runtime.readModelFromMemory(ir.xmlText(), ir.bin())) {
            return run(model, inputs);
        }
    }

    /** Runs a model file: OpenVINO IR (.xml next to its .bin) or ONNX through OpenVINO's own frontend. */
    public Map<String, Tensor> run(Path modelFile, Map<String, Tensor> inputs) {
        try (OvModel model = runtime.readModel(modelFile)) {
            return run(model, inputs);
        }
    }

    /** Names of a model file's inputs, in order. */
    public List<String> inputNames(Path modelFile) {
        try (OvModel model = runtime.readModel(modelFile)) {
            return model.inputNames();
        }
    }

    private Map<String, Tensor> run(OvModel model, Map<String, Tensor> inputs) {
        try (OvCompiledModel compiled = runtime.compile(model, device, properties);
             OvInferRequest request = compiled.createInferRequest()) {
            for (OvPortInfo in : compiled.inputs()) {
                Tensor t = inputs.get(in.name());
                if (t == null) throw new IllegalArgumentException("no value for model input '" + in.name() + "' (have " + inputs.keySet() + ")");
                request.setInput(in.index(), TensorBridge.toOpenVino(t));
            }
            request.infer();
            Map<String, Tensor> out = new LinkedHashMap<>();
            List<OvPortInfo> outs = new ArrayList<>(compiled.outputs());
            for (OvPortInfo o : outs) {
                OvTensorData d = request.output(o.index());
                out.put(o.name(), TensorBridge.fromOpenVino(d));
            }
            return out;
        }
    }

    @Override public void close() { runtime.close(); }
}
