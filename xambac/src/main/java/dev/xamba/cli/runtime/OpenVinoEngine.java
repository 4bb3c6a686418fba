package dev.xamba.cli.runtime;

import dev.xamba.codegen.RenderedIr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.openvino.OvCompiledModel;
import dev.xamba.openvino.OvException;
import dev.xamba.openvino.OvInferRequest;
import dev.xamba.openvino.OvModel;
import dev.xamba.openvino.OvPortInfo;
import dev.xamba.openvino.OvRuntime;
import dev.xamba.openvino.OvTensorData;
import dev.xamba.openvino.OvTensorTooLargeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * Fails with one line unless OpenVINO has {@code device} here. Composite names ({@code AUTO}, {@code HETERO:...},
     * {@code CPU.0}) are left to OpenVINO.
     */
    public void requireDevice() {
        requireDevice(runtime, device, "--device " + device);
    }

    /** {@link #requireDevice()} for {@code device} of {@code runtime}, the message starting with {@code subject}. */
    static void requireDevice(OvRuntime runtime, String device, String subject) {
        if (device.equals("AUTO") || device.contains(":") || device.contains(".")) return;
        List<String> available = runtime.availableDevices();
        if (!available.contains(device)) {
            throw new InputCheck.Rejected(subject + ": OpenVINO has no such device here (available: "
                    + (available.isEmpty() ? "none: are its plugins beside its libraries?" : String.join(", ", available)) + ")");
        }
    }

    /**
     * Runs IR held in memory, xamba's own output compiled from {@code source} (named in messages): OpenVINO failing
     * on it is a bug, except for lack of memory, which the model or its inputs cause.
     */
    public Map<String, Tensor> run(RenderedIr ir, String source, Map<String, Tensor> inputs) {
        requireDevice();
        try (OvModel model = runtime.readModelFromMemory(ir.xmlText(), ir.bin())) {
            return run(model, inputs, new IrFacts(Map.of(), PortNames.whenAsked(ir.xmlText(), source)), source, false);
        }
    }

    /**
     * Runs a model file as a peer (OpenVINO's own ONNX frontend in {@code verify}): OpenVINO's failures are thrown
     * as they are, for the caller to report.
     */
    public Map<String, Tensor> run(Path modelFile, Map<String, Tensor> inputs) {
        requireDevice();
        try (OvModel model = runtime.readModel(modelFile)) {
            return run(model, inputs, IrFacts.NONE, modelFile.toString(), false);
        }
    }

    /**
     * Runs a model file the user gave, first checking {@code inputs} against its parameters ({@link InputCheck},
     * with the bounds of {@code facts} on integer inputs). OpenVINO's failures on the file become
     * {@link InputCheck.Rejected} naming it, in one line.
     */
    public Map<String, Tensor> run(Path modelFile, Map<String, Tensor> inputs, IrFacts facts) {
        requireDevice();
        OvModel model;
        try {
            model = runtime.readModel(modelFile);
        } catch (OvException e) {
            throw rejected(e, true, modelFile.toString(), "reading it", "cannot read it");
        }
        try (model) {
            return run(model, inputs, facts, modelFile.toString(), true);
        }
    }

    /**
     * Runs {@code model}; the results are keyed by output name, each output under its own one of its tensor's
     * names ({@link PortNames}): outputs that share a tensor are distinct outputs with equal values.
     */
    private Map<String, Tensor> run(OvModel model, Map<String, Tensor> inputs, IrFacts facts, String source, boolean usersModel) {
        OvCompiledModel compiled;
        try {
            compiled = runtime.compile(model, device, properties);
        } catch (OvException e) {
            throw rejected(e, usersModel, source, "compiling it for " + device, "cannot compile it for " + device);
        }
        try (compiled; OvInferRequest request = compiled.createInferRequest()) {
            for (OvPortInfo o : compiled.outputs()) TensorBridge.readableType(o.elementType(), "an output '" + o.name() + "'");
            Map<String, Tensor> byPort = byPortName(compiled.inputs(), inputs, facts.names());
            InputCheck.check(compiled.inputs(), byPort, facts.bounds(), "--input ");
            for (OvPortInfo in : compiled.inputs()) {
                request.setInput(in.index(), TensorBridge.toOpenVino(byPort.get(in.name())));
            }
            try {
                request.infer();
            } catch (OvException e) {
                throw rejected(e, usersModel, source, "running it", "failed to run it");
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            List<OvPortInfo> outs = new ArrayList<>(compiled.outputs());
            // Outputs OpenVINO tells by a name that is not theirs alone: shared with another output or with an input.
            Map<String, Integer> told = new HashMap<>();
            for (OvPortInfo o : outs) told.merge(o.name(), 1, Integer::sum);
            Set<String> inputNames = new HashSet<>();
            for (OvPortInfo in : compiled.inputs()) {
                told.merge(in.name(), 1, Integer::sum);
                inputNames.add(in.name());
            }
            Map<String, Integer> seen = new HashMap<>();
            for (OvPortInfo o : outs) {
                OvTensorData d;
                try {
                    d = request.output(o.index());
                } catch (OvTensorTooLargeException e) {
                    // The model's output, not a fault of the IR: the user's to shrink, whoever wrote the model.
                    throw new InputCheck.Rejected(source + ": output '" + o.name() + "' has " + e.byteSize()
                            + " bytes, more than the " + OvTensorTooLargeException.MAX_BYTES + " xamba can copy out of OpenVINO");
                }
                int k = seen.merge(o.name(), 1, Integer::sum) - 1;
                String name = told.get(o.name()) == 1 ? o.name() : outputName(o, k, facts.names(), out.keySet(), inputNames);
                out.put(name, TensorBridge.fromOpenVino(d));
            }
            return out;
        }
    }

    /** {@code given} keyed by the name OpenVINO tells for each input, when a value was given under another of its names. */
    private static Map<String, Tensor> byPortName(List<OvPortInfo> parameters, Map<String, Tensor> given, PortNames names) {
        Map<String, Tensor> byPort = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> g : given.entrySet()) {
            String name = g.getKey();
            boolean told = parameters.stream().anyMatch(p -> p.name().equals(name)); // the usual case: no names to read
            String port = told ? name : parameters.stream().map(OvPortInfo::name).filter(p -> names.allOf(p).contains(name))
                    .findFirst().orElse(name);
            if (byPort.putIfAbsent(port, g.getValue()) != null) {
                throw new InputCheck.Rejected("--input " + name + ": a second value for the input '" + port
                        + "' (its names: " + String.join(", ", names.allOf(port)) + ")");
            }
        }
        return byPort;
    }

    /**
     * The name of the {@code k}-th output OpenVINO tells by a name not its own alone: its Result's own name when the
     * IR says it ({@link PortNames#ownNameOfOutput}), else the tensor's names other than an input's in turn, since
     * outputs sharing a tensor each hold one of them (an input's own name only for an output that has no other); a
     * name already {@code taken} by an earlier output (an IR that
     * names a tensor once for two Results, an ONNX output listed twice) gives way to the next free one, else to the
     * name with the output's index ({@code y#1}, as {@code verify} names OpenVINO's own reading's), so that no output
     * overwrites another.
     */
    private static String outputName(OvPortInfo o, int k, PortNames names, Set<String> taken, Set<String> inputNames) {
        String own = names.ownNameOfOutput(o.index(), o.name());
        if (own != null && !taken.contains(own)) return own;
        List<String> candidates = new ArrayList<>();
        for (String n : names.allOf(o.name())) if (!inputNames.contains(n)) candidates.add(n);
        for (int i = 0; i < candidates.size(); i++) {
            String candidate = candidates.get((k + i) % candidates.size());
            if (!taken.contains(candidate)) return candidate;
        }
        if (candidates.isEmpty() && !taken.contains(o.name())) return o.name(); // an input and nothing else
        return (own != null ? own : candidates.isEmpty() ? o.name() : candidates.get(0)) + "#" + o.index();
    }

    /**
     * OpenVINO's failure as a one-line user error naming {@code source}; rethrown as it is (a bug, exit 3) when the
     * model is xamba's own and the failure is not lack of memory: a tensor of the model, or one its input values
     * make, too large for this machine is the user's to fix, whoever wrote the IR.
     */
    static RuntimeException rejected(OvException e, boolean usersModel, String source, String doing, String failed) {
        if (outOfMemory(e)) {
            return new InputCheck.Rejected(source + ": OpenVINO ran out of memory " + doing + " (" + outOfMemoryKind(e)
                    + "): a tensor of the model, or one its inputs make, is too large for this machine");
        }
        return usersModel ? new InputCheck.Rejected(source + ": OpenVINO " + failed + ": " + summary(e)) : e;
    }

    /**
     * {@code std::bad_alloc} from OpenVINO's allocator (e.g. compiling a Parameter of 2^50 floats), or the CPU
     * plugin's own check when a tensor's memory cannot be had ("Failed to allocate N bytes of memory").
     */
    private static boolean outOfMemory(OvException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("bad_alloc") || m.contains("out of memory") || m.contains("Failed to allocate");
    }

    private static String outOfMemoryKind(OvException e) {
        return String.valueOf(e.getMessage()).contains("bad_alloc") ? "std::bad_alloc" : summary(e);
    }

    /** OpenVINO's messages are many lines deep; the last non-empty one (a "Summary" entry, usually) says the most. */
    static String summary(OvException e) {
        String m = e.openVinoMessage() == null ? String.valueOf(e.getMessage()) : e.openVinoMessage();
        List<String> lines = m.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String last = lines.isEmpty() ? e.statusName() : lines.get(lines.size() - 1);
        return last.startsWith("-- ") ? last.substring(3) : last;
    }

    @Override public void close() { runtime.close(); }
}
