package dev.xamba.openvino;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/** Runs tiny hand-written IRs through the real OpenVINO CPU plugin. */
class OvRuntimeTest {
    private static OvRuntime runtime;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadRuntime() {
        runtime = OpenVinoForTests.load();
    }

    @AfterAll
    static void closeRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void reportsVersionAndCpuDevice() {
        assertThat(runtime.version()).isNotBlank();
        assertThat(runtime.availableDevices()).contains("CPU");
        assertThat(runtime.libraryPath().getFileName().toString()).startsWith("libopenvino_c.so");
    }

    @Test
    void reluRunsOnCpu() throws Exception {
        Path xml = TinyIrs.write(dir, "relu", TinyIrs.RELU_XML, null);
        try (OvModel model = runtime.readModel(xml);
             OvCompiledModel compiled = runtime.compile(model, "CPU");
             OvInferRequest request = compiled.createInferRequest()) {
            assertThat(model.inputs()).containsExactly(
                    new OvPortInfo(0, "x", OvElementType.F32, new long[] {1, 4}));
            assertThat(model.outputNames()).containsExactly("y");

            request.setInput(0, OvTensorData.ofFloats(new long[] {1, 4}, -1f, 2f, -3f, 4.5f));
            request.infer();
            OvTensorData y = request.output(0);

            assertThat(y.elementType()).isEqualTo(OvElementType.F32);
            assertThat(y.shape()).containsExactly(1, 4);
            assertThat(y.toFloatArray()).containsExactly(0f, 2f, 0f, 4.5f);
            assertThat(request.output("y").toFloatArray()).containsExactly(0f, 2f, 0f, 4.5f);
        }
    }

    @Test
    void inputsCanBeSetByName() throws Exception {
        Path xml = TinyIrs.write(dir, "relu", TinyIrs.RELU_XML, null);
        try (OvModel model = runtime.readModel(xml);
             OvCompiledModel compiled = runtime.compile(model, "CPU", Map.of("PERFORMANCE_HINT", "LATENCY"));
             OvInferRequest request = compiled.createInferRequest()) {
            request.setInput("x", OvTensorData.ofFloats(new long[] {1, 4}, 5f, -6f, 7f, -8f));
            request.infer();
            assertThat(request.outputs()).singleElement()
                    .satisfies(y -> assertThat(y.toFloatArray()).containsExactly(5f, 0f, 7f, 0f));
        }
    }

    @Test
    void performanceCountersNameEachLayerThatRan() throws Exception {
        List<OvProfilingEntry> entries = reluProfile(Map.of("PERF_COUNT", "YES"));
        assertThat(entries).extracting(OvProfilingEntry::nodeName).contains("x", "relu");
        OvProfilingEntry relu = entries.stream().filter(e -> e.nodeName().equals("relu")).findFirst().orElseThrow();
        assertThat(relu.status()).isEqualTo(OvProfilingEntry.Status.EXECUTED);
        assertThat(relu.nodeType()).isNotBlank();
        assertThat(relu.execType()).isNotBlank();
        assertThat(relu.realTimeUs()).isNotNegative();
    }

    @Test
    void withoutPerfCountTheCpuPluginCountsNothing() throws Exception {
        assertThat(reluProfile(Map.of())).isNotEmpty().allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(OvProfilingEntry.Status.NOT_RUN);
            assertThat(e.realTimeUs()).isZero();
        });
    }

    /** The counters of one inference of the tiny ReLU model compiled for CPU with {@code properties}. */
    private List<OvProfilingEntry> reluProfile(Map<String, String> properties) throws Exception {
        Path xml = TinyIrs.write(dir, "relu", TinyIrs.RELU_XML, null);
        try (OvModel model = runtime.readModel(xml);
             OvCompiledModel compiled = runtime.compile(model, "CPU", properties);
             OvInferRequest request = compiled.createInferRequest()) {
            request.setInput(0, OvTensorData.ofFloats(new long[] {1, 4}, -1f, 2f, -3f, 4.5f));
            request.infer();
            return request.profilingInfo();
        }
    }

    @Test
    void matmulReadsConstFromBin() throws Exception {
        Path xml = TinyIrs.write(dir, "matmul", TinyIrs.MATMUL_XML, TinyIrs.matmulWeights());
        try (OvModel model = runtime.readModel(xml, dir.resolve("matmul.bin"));
             OvCompiledModel compiled = runtime.compile(model, "CPU");
             OvInferRequest request = compiled.createInferRequest()) {
            List<OvTensorData> outputs = request.run(List.of(OvTensorData.ofFloats(new long[] {1, 3}, 1f, 2f, 3f)));

            assertThat(outputs).hasSize(1);
            assertThat(outputs.get(0).shape()).containsExactly(1, 2);
            // [1,2,3] x [[1,2],[3,4],[5,6]] = [1+6+15, 2+8+18]
            assertThat(outputs.get(0).toFloatArray()).containsExactly(22f, 28f);
        }
    }

    @Test
    void matmulFromMemoryBuffer() {
        try (OvModel model = runtime.readModelFromMemory(TinyIrs.MATMUL_XML, TinyIrs.matmulWeights());
             OvCompiledModel compiled = runtime.compile(model, "CPU");
             OvInferRequest request = compiled.createInferRequest()) {
            request.setInput(0, OvTensorData.ofFloats(new long[] {1, 3}, 1f, 1f, 1f));
            request.infer();
            assertThat(request.output(0).toFloatArray()).containsExactly(9f, 12f);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"F32", "F16", "I64", "I32", "U8", "BOOLEAN"})
    void elementTypesRoundTrip(OvElementType type) throws Exception {
        Path xml = TinyIrs.write(dir, "identity", TinyIrs.identityXml(type), null);
        long[] shape = {2, 3};
        OvTensorData input = switch (type) {
            case F32 -> OvTensorData.ofFloats(shape, -1.5f, 0f, 1f, 2.25f, 3e5f, -7f);
            case F16 -> OvTensorData.ofFloat16(shape, -1.5f, 0f, 1f, 2.25f, 1024f, -7f);
            case I64 -> OvTensorData.ofLongs(shape, Long.MIN_VALUE, -1, 0, 1, 1L << 40, Long.MAX_VALUE);
            case I32 -> OvTensorData.ofInts(shape, Integer.MIN_VALUE, -1, 0, 1, 1 << 20, Integer.MAX_VALUE);
            case U8 -> OvTensorData.ofUnsignedBytes(shape, (byte) 0, (byte) 1, (byte) 127, (byte) 128, (byte) 200,
                    (byte) 255);
            case BOOLEAN -> OvTensorData.ofBooleans(shape, true, false, false, true, true, false);
            default -> throw new AssertionError(type);
        };
        try (OvModel model = runtime.readModel(xml);
             OvCompiledModel compiled = runtime.compile(model, "CPU");
             OvInferRequest request = compiled.createInferRequest()) {
            assertThat(model.inputs().get(0).elementType()).isEqualTo(type);
            request.setInput(0, input);
            request.infer();
            OvTensorData output = request.output(0);

            assertThat(output.elementType()).isEqualTo(type);
            assertThat(output.shape()).containsExactly(2, 3);
            assertThat(output.toByteArray()).containsExactly(input.toByteArray());
        }
    }

    @Test
    void scalarsGoInAndOut() {
        try (OvModel model = runtime.readModelFromMemory(TinyIrs.SCALAR_RELU_XML, null);
             OvCompiledModel compiled = runtime.compile(model, "CPU");
             OvInferRequest request = compiled.createInferRequest()) {
            assertThat(model.inputs().get(0).shape()).isEmpty();
            request.setInput(0, OvTensorData.ofFloats(new long[0], 3.5f));
            request.infer();
            OvTensorData r = request.output(0);
            assertThat(r.shape()).isEmpty();
            assertThat(r.toFloatArray()).containsExactly(3.5f);
        }
    }

    @Test
    void dynamicBatchShowsAsMinusOneAndRunsWithAnyBatch() throws Exception {
        Path xml = TinyIrs.write(dir, "relu_dyn", TinyIrs.dynamicBatchReluXml(), null);
        try (OvModel model = runtime.readModel(xml);
             OvCompiledModel compiled = runtime.compile(model, "CPU");
             OvInferRequest request = compiled.createInferRequest()) {
            assertThat(model.inputs().get(0).shape()).containsExactly(-1, 4);
            request.setInput(0, OvTensorData.ofFloats(new long[] {2, 4}, -1, 1, -2, 2, -3, 3, -4, 4));
            request.infer();
            OvTensorData y = request.output(0);
            assertThat(y.shape()).containsExactly(2, 4);
            assertThat(y.toFloatArray()).containsExactly(0, 1, 0, 2, 0, 3, 0, 4);
        }
    }

    @Test
    void onnxFilesAreReadByOpenVinosOwnFrontendWithoutABin() throws Exception {
        Path onnx = Files.write(dir.resolve("neg.onnx"), TinyIrs.onnxNegModel());
        try (OvModel model = runtime.readModel(onnx, null);
             OvCompiledModel compiled = runtime.compile(model, "CPU");
             OvInferRequest request = compiled.createInferRequest()) {
            assertThat(model.inputNames()).containsExactly("x");
            assertThat(model.outputNames()).containsExactly("y");
            request.setInput("x", OvTensorData.ofFloats(new long[] {1, 3}, 1f, -2f, 0.5f));
            request.infer();
            assertThat(request.output("y").toFloatArray()).containsExactly(-1f, 2f, -0.5f);
        }
    }

    @Test
    void wrongInputShapeIsAnOvException() throws Exception {
        Path xml = TinyIrs.write(dir, "relu", TinyIrs.RELU_XML, null);
        try (OvModel model = runtime.readModel(xml);
             OvCompiledModel compiled = runtime.compile(model, "CPU");
             OvInferRequest request = compiled.createInferRequest()) {
            assertThatThrownBy(() -> request.setInput(0, OvTensorData.ofFloats(new long[] {1, 3}, 1f, 2f, 3f)))
                    .isInstanceOf(OvException.class)
                    .satisfies(e -> assertThat(((OvException) e).openVinoMessage()).isNotBlank());
        }
    }

    /**
     * A status the C wrapper returns without a C++ exception (INVALID_C_PARAM for a null name) carried the last
     * exception's text, another call's: here the shape mismatch of the setInput before it.
     */
    @Test
    void aStatusWithoutAnExceptionDoesNotCarryAnEarlierCallsText() throws Exception {
        Path xml = TinyIrs.write(dir, "relu", TinyIrs.RELU_XML, null);
        try (OvModel model = runtime.readModel(xml);
             OvCompiledModel compiled = runtime.compile(model, "CPU");
             OvInferRequest request = compiled.createInferRequest()) {
            OvException earlier = catchThrowableOfType(() -> request.setInput(0, OvTensorData.ofFloats(new long[] {1, 3}, 1f, 2f, 3f)),
                    OvException.class);
            assertThat(earlier.openVinoMessage()).isNotBlank();

            assertThatThrownBy(() -> request.output((String) null))
                    .isInstanceOf(OvException.class)
                    .satisfies(thrown -> {
                        OvException e = (OvException) thrown;
                        assertThat(e.statusName()).isEqualTo("INVALID_C_PARAM");
                        assertThat(e.openVinoMessage()).isNotBlank().doesNotContain(earlier.openVinoMessage().strip());
                    });
        }
    }

    @Test
    void malformedXmlIsAnOvExceptionWithOpenVinosText() throws Exception {
        String truncated = TinyIrs.RELU_XML.substring(0, TinyIrs.RELU_XML.indexOf("<edges>"));
        Path xml = TinyIrs.write(dir, "broken", truncated, null);

        assertThatThrownBy(() -> runtime.readModel(xml))
                .isInstanceOf(OvException.class)
                .satisfies(thrown -> {
                    OvException e = (OvException) thrown;
                    assertThat(e.statusName()).isEqualTo("GENERAL_ERROR");
                    assertThat(e.openVinoMessage()).isNotBlank();
                    assertThat(e.getMessage()).contains("ov_core_read_model", xml.toString(), e.openVinoMessage().strip());
                });
    }

    @Test
    void missingMandatoryAttributeIsReportedInOpenVinosWords() throws Exception {
        Path xml = TinyIrs.write(dir, "no_version", TinyIrs.RELU_XML.replace(" version=\"opset1\"", ""), null);

        assertThatThrownBy(() -> runtime.readModel(xml))
                .isInstanceOf(OvException.class)
                .hasMessageContaining("missing mandatory attribute");
    }

    @Test
    void closedObjectsRefuseUse() throws Exception {
        Path xml = TinyIrs.write(dir, "relu", TinyIrs.RELU_XML, null);
        OvModel model = runtime.readModel(xml);
        model.close();
        model.close();
        assertThat(model.isClosed()).isTrue();
        assertThatThrownBy(model::inputCount).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void f16OutputsReadAsFloats() throws Exception {
        Path xml = TinyIrs.write(dir, "identity16", TinyIrs.identityXml(OvElementType.F16), null);
        try (OvModel model = runtime.readModel(xml);
             OvCompiledModel compiled = runtime.compile(model, "CPU");
             OvInferRequest request = compiled.createInferRequest()) {
            request.setInput(0, OvTensorData.ofFloat16(new long[] {2, 3}, 0.1f, 1f, -2f, 65504f, 1e-7f, 3f));
            request.infer();
            float[] y = request.output(0).toFloatArray();
            assertThat(y[0]).isCloseTo(0.1f, within(1e-4f));
            assertThat(y).startsWith(y[0], 1f, -2f, 65504f);
        }
    }
}
