package dev.xamba.cli.runtime;

import dev.xamba.api.pipeline.UserError;
import dev.xamba.codegen.RenderedIr;
import dev.xamba.openvino.OvCompiledModel;
import dev.xamba.openvino.OvException;
import dev.xamba.openvino.OvInferRequest;
import dev.xamba.openvino.OvModel;
import dev.xamba.openvino.OvPortInfo;
import dev.xamba.openvino.OvProfilingEntry;
import dev.xamba.openvino.OvRuntime;
import dev.xamba.openvino.OvTensorData;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times inference of a model on an OpenVINO device: compiled once with the latency hint, exact f32 and one thread, inputs of
 * zeros set once, a few warm-up runs, then the median wall time of synchronous inferences. {@link #measureLayers}
 * also reads the plugin's performance counters after each timed run (compiled with {@code PERF_COUNT=YES}: the
 * counters cost 3-5% of a tiny model's latency, so totals are timed without them).
 */
public final class LatencyMeter implements AutoCloseable {
    /**
     * Latency statistics of one model, µs.
     *
     * @param layerMedianUs by OpenVINO node name, the median over the timed runs of the node's real time (the nodes
     *                      the plugin lists, see {@link #record}; empty unless measured per layer), in the plugin's
     *                      execution order
     */
    public record Result(double medianUs, double minUs, int runs, String version, Map<String, Double> layerMedianUs) {
        public Result { layerMedianUs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layerMedianUs)); }
    }

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
        try {
            OpenVinoEngine.requireDevice(runtime, device, device); // once, not before every model calibrate times
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    public String version() { return runtime.version(); }

    /**
     * Times {@code ir}, xamba's own output for {@code source} (named in messages). OpenVINO running out of memory is
     * one line (the user's machine; a missing device is refused when the meter is made); any other failure on xamba's
     * IR is a bug.
     */
    public Result measure(RenderedIr ir, int runs, String source) {
        return measure(ir, runs, source, false);
    }

    /** {@link #measure}, the performance counters on: the result has each layer's median time too. */
    public Result measureLayers(RenderedIr ir, int runs, String source) {
        return measure(ir, runs, source, true);
    }

    private Result measure(RenderedIr ir, int runs, String source, boolean perLayer) {
        try {
            return time(ir, runs, perLayer);
        } catch (OvException e) {
            throw OpenVinoEngine.rejected(e, false, source, "timing it on " + device, "failed to time it on " + device);
        }
    }

    private Result time(RenderedIr ir, int runs, boolean perLayer) {
        Map<String, String> properties = new HashMap<>(PROPERTIES);
        if (perLayer) properties.put("PERF_COUNT", "YES");
        try (OvModel model = runtime.readModelFromMemory(ir.xmlText(), ir.bin());
             OvCompiledModel compiled = runtime.compile(model, device, properties);
             OvInferRequest request = compiled.createInferRequest()) {
            for (OvPortInfo in : compiled.inputs()) request.setInput(in.index(), zeros(in));
            for (int i = 0; i < WARM_UP; i++) request.infer();
            double[] us = new double[runs];
            Map<String, double[]> layers = new LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                request.infer();
                us[i] = (System.nanoTime() - t0) / 1000.0;
                if (perLayer) record(request.profilingInfo(), layers, i, runs);
            }
            Map<String, Double> layerMedians = new LinkedHashMap<>();
            layers.forEach((name, times) -> layerMedians.put(name, median(times)));
            return new Result(median(us), Arrays.stream(us).min().orElse(0), runs, runtime.version(), layerMedians);
        }
    }

    /**
     * Adds run {@code run}'s time of every node the plugin lists (a name listed twice is summed), except those it
     * optimized out. The CPU plugin's counters have a resolution of 1 µs, and it reports a node whose time rounds to
     * 0 as NOT_RUN (OpenVINO 2026.4: in 10 runs of a tiny Mamba-2, every NOT_RUN entry had 0 µs and every EXECUTED one
     * more; the embedding's Gather flipped between 2 µs EXECUTED and 0 µs NOT_RUN): counted as 0 µs, not as absent.
     */
    private static void record(List<OvProfilingEntry> entries, Map<String, double[]> layers, int run, int runs) {
        for (OvProfilingEntry e : entries) {
            if (e.status() == OvProfilingEntry.Status.OPTIMIZED_OUT) continue;
            layers.computeIfAbsent(e.nodeName(), k -> new double[runs])[run] += e.realTimeUs();
        }
    }

    /** The median of {@code values} (0 for none); {@code values} is left as it is. */
    public static double median(double[] values) {
        if (values.length == 0) return 0;
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static OvTensorData zeros(OvPortInfo port) {
        long[] shape = port.shape();
        if (shape == null || Arrays.stream(shape).anyMatch(d -> d < 0)) {
            throw new UserError("input '" + port.name() + "' has a dynamic shape " + port + "; give --input-shape");
        }
        double bytes = port.elementType().byteSize();
        for (long d : shape) bytes *= d;
        if (bytes > Integer.MAX_VALUE - 8) {
            // One Java buffer holds the zeros fed to it (the int product wrapped: "capacity < 0", exit 3).
            throw new UserError("input '" + port.name() + "' of shape " + Arrays.toString(shape)
                    + " takes " + (long) bytes + " bytes, more than the 2 GB one measured input may have");
        }
        return new OvTensorData(port.elementType(), shape, ByteBuffer.allocate((int) bytes));
    }

    @Override public void close() { runtime.close(); }
}
