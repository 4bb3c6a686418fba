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
     * Runs {@code ir} (the compiled model whose prediction is {@code predicted}, compiled from {@code source})
     * {@code runs} times, counters on.
     */
    public static Measured onCpu(RenderedIr ir, String source, GraphCost predicted, int runs) {
        try (LatencyMeter meter = new LatencyMeter("CPU", true)) {
            LatencyMeter.Result r = meter.measure(ir, runs, source);
            double layers = r.layerMedianUs().values().stream().mapToDouble(Double::doubleValue).sum();
            double unmatched = predicted.unmatchedUs(r.layerMedianUs());
            String note = String.format(Locale.ROOT, "median and fastest of %d synchronous inferences after %s, latency hint, "
                    + "f32, one thread, inputs of zeros, performance counters on, OpenVINO %s; per op, the median over the runs "
                    + "of its layer's counter (1 µs resolution; '-': no layer of its own ran: the plugin fused it into another one or removed it)", runs, "3 warm-up runs", r.version());
            return new Measured(predicted.withMeasured(r.layerMedianUs()),
                    new CostReport.Measurement("CPU", r.medianUs(), r.minUs(), runs, true, layers, unmatched, note));
        }
    }
}
