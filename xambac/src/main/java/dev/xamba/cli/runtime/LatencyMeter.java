package dev.xamba.cli.runtime;

import dev.xamba.codegen.RenderedIr;
import dev.xamba.openvino.OvCompiledModel;
import dev.xamba.openvino.OvInferRequest;
import dev.xamba.openvino.OvModel;
import dev.xamba.openvino.OvPortInfo;
import dev.xamba.openvino.OvRuntime;
import dev.xamba.openvino.OvTensorData;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * Times inference of a model on an OpenVINO device: compiled once with the latency hint, exact f32 and one thread, inputs of
 * zeros set once, a few warm-up runs, then the median wall time of synchronous inferences.
 */
public final class LatencyMeter implements AutoCloseable {
    /** Latency statistics of one model, µs. */
    public record Result(double medianUs, double minUs, int runs, String version) {}

    private static final int WARM_UP = 3;
    /**
     * One inference thread: on a shared machine, threads of one parallel op wait at barriers for whichever was
     * descheduled, which multiplies wall time unpredictably; one thread gives times that calibration and
     * {@code report --measure} can compare.
     */
    public static final String THREADS = "1";
    private static final Map<String, String> PROPERTIES = Map.of("PERFORMANCE_HINT", "LATENCY", "INFERENCE_PRECISION_HINT", "f32",
            "INFERENCE_NUM_THREADS", THREADS);

    private final OvRuntime runtime;
    private final String device;

    public LatencyMeter(String device) {
        this.runtime = OvRuntime.load();
        this.device = device;
    }

    public String version() { return runtime.version(); }

    public Result measure(RenderedIr ir, int runs) {
        try (OvModel model = runtime.readModelFromMemory(ir.xmlText(), ir.bin());
             OvCompiledModel compiled = runtime.compile(model, device, PROPERTIES);
             OvInferRequest request = compiled.createInferRequest()) {
            for (OvPortInfo in : compiled.inputs()) request.setInput(in.index(), zeros(in));
            for (int i = 0; i < WARM_UP; i++) request.infer();
            double[] us = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                request.infer();
                us[i] = (System.nanoTime() - t0) / 1000.0;
            }
            Arrays.sort(us);
            double median = runs % 2 == 1 ? us[runs / 2] : (us[runs / 2 - 1] + us[runs / 2]) / 2;
            return new Result(median, us[0], runs, runtime.version());
        }
    }

    private static OvTensorData zeros(OvPortInfo port) {
        long[] shape = port.shape();
        if (shape == null || Arrays.stream(shape).anyMatch(d -> d < 0)) {
            throw new IllegalArgumentException("input '" + port.name() + "' has a dynamic shape " + port + "; give --input-shape");
        }
        long n = 1;
        for (long d : shape) n *= d;
        return new OvTensorData(port.elementType(), shape, ByteBuffer.allocate((int) (n * port.elementType().byteSize())));
    }

    @Override public void close() { runtime.close(); }
}
