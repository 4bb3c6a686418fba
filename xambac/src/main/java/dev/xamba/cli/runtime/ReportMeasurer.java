package dev.xamba.cli.runtime;

import dev.xamba.codegen.RenderedIr;
import dev.xamba.opt.cost.report.CostReport;
import dev.xamba.opt.cost.report.GraphCost;
import java.util.Locale;

/**
 * {@code xambac report --measure}: runs the compiled module on the OpenVINO CPU plugin with performance counters
 * and puts the measured times beside the predicted graph: per op (matched by the name of the layer the writer made
 * of it, which the predicted graph's rows carry) and in total.
 */
public final class ReportMeasurer {
    /** The predicted graph with each op's measured time, and the measurement. */
    public record Measured(GraphCost graph, CostReport.Measurement measurement) {}

    private ReportMeasurer() {}

    /**
     * Runs {@code ir} (the compiled model whose prediction is {@code predicted}, compiled from {@code source}): {@code runs}
     * times for the totals, with the performance counters off (they cost 3-5% of a tiny model's latency: 123.9
     * against 130.6 µs for mamba2_tiny_l2_t16 in 400 interleaved runs, and calibrate, which the prediction comes
     * from, measures without them), then {@code runs} times with them on for the per-layer times.
     */
    public static Measured onCpu(RenderedIr ir, String source, GraphCost predicted, int runs) {
        try (LatencyMeter meter = new LatencyMeter("CPU")) {
            LatencyMeter.Result total = meter.measure(ir, runs, source);
            LatencyMeter.Result r = meter.measureLayers(ir, runs, source);
            double layers = r.layerMedianUs().values().stream().mapToDouble(Double::doubleValue).sum();
            double unmatched = predicted.unmatchedUs(r.layerMedianUs());
            String note = String.format(Locale.ROOT, "median and fastest of %d synchronous inferences after %s, latency hint, "
                    + "f32, one thread, inputs of zeros, OpenVINO %s; per op, the median over %d more runs with performance counters on "
                    + "of its layer's counter (1 µs resolution; '-': no layer of its own ran: the plugin fused it into another one or removed it)",
                    runs, "3 warm-up runs", total.version(), runs);
            return new Measured(predicted.withMeasured(r.layerMedianUs()),
                    new CostReport.Measurement("CPU", total.medianUs(), total.minUs(), runs, true, layers, unmatched, note));
        }
    }
}
