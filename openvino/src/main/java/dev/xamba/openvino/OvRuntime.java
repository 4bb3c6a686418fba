package dev.xamba.openvino;

import dev.xamba.openvino.capi.OvC;
import dev.xamba.openvino.capi.OvC.ov_available_devices_t;
import dev.xamba.openvino.capi.OvC.ov_compiled_model_t;
import dev.xamba.openvino.capi.OvC.ov_core_t;
import dev.xamba.openvino.capi.OvC.ov_model_t;
import dev.xamba.openvino.capi.OvC.ov_tensor_t;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.xamba.openvino.OvCalls.check;

/**
 * The entry point to OpenVINO: one {@code ov_core_t}. Typical use:
 *
 * <pre>{@code
 * try (OvRuntime rt = OvRuntime.load();
 *      OvModel model = rt.readModel(xml, bin);
 *      OvCompiledModel compiled = rt.compile(model, "CPU");
 *      OvInferRequest request = compiled.createInferRequest()) {
 *     request.setInput(0, OvTensorData.ofFloats(new long[] {1, 4}, -1, 2, -3, 4.5f));
 *     request.infer();
 *     float[] y = request.output(0).toFloatArray();
 * }
 * }</pre>
 *
 * Every failing C call throws {@link OvException}; a missing runtime throws
 * {@link OpenVinoNotFoundException}. Every object is {@link AutoCloseable} and must be closed.
 */
public final class OvRuntime extends NativeHandle<ov_core_t> {
    /** At most this many properties can be passed to {@link #compile(OvModel, String, Map)}. */
    public static final int MAX_COMPILE_PROPERTIES = 6;

    private final Path library;

    private OvRuntime(ov_core_t core, Path library) {
        super("OvRuntime", core);
        this.library = library;
    }

    /**
     * Finds libopenvino_c with {@link OvLibraryLocator#locate()}, loads it (once per process) and
     * creates a core.
     *
     * @throws OpenVinoNotFoundException when no runtime is found or it cannot be loaded
     */
    public static OvRuntime load() {
        Path loaded = OvNativeLibrary.loadedLibrary();
        return create(loaded != null ? loaded : OvNativeLibrary.load(OvLibraryLocator.locate()));
    }

    /**
     * Like {@link #load()}, but with libopenvino_c taken from {@code libraryDirOrFile}.
     *
     * @throws OpenVinoNotFoundException when the library is not there or cannot be loaded
     */
    public static OvRuntime load(Path libraryDirOrFile) {
        return create(OvNativeLibrary.load(OvLibraryLocator.requireLibrary(libraryDirOrFile, "the given path")));
    }

    private static OvRuntime create(Path library) {
        ov_core_t core = new ov_core_t();
        check(OvC.ov_core_create(core), "ov_core_create");
        return new OvRuntime(core, library);
    }

    /** The libopenvino_c file in use. */
    public Path libraryPath() {
        return library;
    }

    /** OpenVINO's build number, e.g. {@code 2026.4.1-...}. */
    public String version() {
        return OvNativeLibrary.buildNumber();
    }

    /** The devices OpenVINO can use here, e.g. {@code [CPU, NPU]}. */
    public List<String> availableDevices() {
        try (ov_available_devices_t devices = new ov_available_devices_t()) {
            check(OvC.ov_core_get_available_devices(pointer(), devices), "ov_core_get_available_devices");
            try {
                List<String> names = new ArrayList<>();
                for (long i = 0; i < devices.size(); i++) {
                    names.add(devices.devices().get(BytePointer.class, i).getString(StandardCharsets.UTF_8));
                }
                return names;
            } finally {
                OvC.ov_available_devices_free(devices);
            }
        }
    }

    /**
     * Reads a model file through OpenVINO's frontends: IR {@code .xml} (weights from the {@code .bin}
     * next to it) or {@code .onnx}.
     */
    public OvModel readModel(Path modelPath) {
        return readModel(modelPath, null);
    }

    /**
     * Reads an IR {@code .xml} with its weights file, or any other model file when {@code weightsPath}
     * is {@code null}.
     */
    public OvModel readModel(Path modelPath, Path weightsPath) {
        ov_model_t model = new ov_model_t();
        String what = weightsPath == null ? modelPath.toString() : modelPath + ", " + weightsPath;
        try (BytePointer xml = OvCalls.utf8(modelPath.toString());
             BytePointer bin = OvCalls.utf8(weightsPath == null ? null : weightsPath.toString())) {
            check(OvC.ov_core_read_model(pointer(), xml, bin, model), "ov_core_read_model(" + what + ")");
        }
        return new OvModel(model, what);
    }

    /** Reads an IR from memory: the XML text and the {@code .bin} contents ({@code null} or empty if none). */
    public OvModel readModelFromMemory(String irXml, byte[] weights) {
        byte[] xmlBytes = irXml.getBytes(StandardCharsets.UTF_8);
        ov_tensor_t weightsTensor = weights == null || weights.length == 0 ? new ov_tensor_t()
                : OvTensors.toNative(new OvTensorData(OvElementType.U8, new long[] {weights.length},
                        ByteBuffer.wrap(weights)));
        ov_model_t model = new ov_model_t();
        try (BytePointer xml = new BytePointer(xmlBytes.length + 1L)) {
            xml.put(xmlBytes).put(xmlBytes.length, (byte) 0);
            check(OvC.ov_core_read_model_from_memory_buffer(pointer(), xml, xmlBytes.length, weightsTensor, model),
                    "ov_core_read_model_from_memory_buffer");
        } finally {
            if (!weightsTensor.isNull()) {
                // The model's constants keep their own reference to the weights' memory.
                OvC.ov_tensor_free(weightsTensor);
            }
        }
        return new OvModel(model, "in-memory IR");
    }

    /** Compiles {@code model} for {@code device} (e.g. {@code CPU}, {@code NPU}) with default settings. */
    public OvCompiledModel compile(OvModel model, String device) {
        return compile(model, device, Map.of());
    }

    /**
     * Compiles {@code model} for {@code device} with up to {@value #MAX_COMPILE_PROPERTIES} OpenVINO
     * properties given as strings, e.g. {@code PERFORMANCE_HINT=LATENCY} or {@code CACHE_DIR=/tmp/c}.
     */
    public OvCompiledModel compile(OvModel model, String device, Map<String, String> properties) {
        if (properties.size() > MAX_COMPILE_PROPERTIES) {
            throw new IllegalArgumentException("at most " + MAX_COMPILE_PROPERTIES + " compile properties, got "
                    + properties.keySet());
        }
        List<OvPortInfo> inputs = model.inputs();
        List<OvPortInfo> outputs = model.outputs();
        ov_compiled_model_t compiled = new ov_compiled_model_t();
        String what = "ov_core_compile_model(" + model.source() + ", " + device
                + (properties.isEmpty() ? "" : ", " + properties) + ")";
        List<BytePointer> strings = new ArrayList<>();
        try (BytePointer deviceName = OvCalls.utf8(device);
             PointerPointer<BytePointer> keys = new PointerPointer<>(Math.max(1, properties.size()));
             PointerPointer<BytePointer> values = new PointerPointer<>(Math.max(1, properties.size()))) {
            int i = 0;
            for (Map.Entry<String, String> property : properties.entrySet()) {
                BytePointer key = OvCalls.utf8(property.getKey());
                BytePointer value = OvCalls.utf8(property.getValue());
                strings.add(key);
                strings.add(value);
                keys.put(i, key);
                values.put(i, value);
                i++;
            }
            int status = properties.isEmpty()
                    ? OvC.ov_core_compile_model(pointer(), model.pointer(), deviceName, compiled)
                    : OvC.ov_core_compile_model_with_properties(pointer(), model.pointer(), deviceName,
                            properties.size(), keys, values, compiled);
            check(status, what);
        } finally {
            strings.forEach(BytePointer::close);
        }
        return new OvCompiledModel(compiled, device, inputs, outputs);
    }

    @Override
    void free(ov_core_t core) {
        OvC.ov_core_free(core);
    }

    @Override
    public String toString() {
        return "OvRuntime[" + library + "]";
    }
}
