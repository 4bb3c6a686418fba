package dev.xamba.opt.cost.report;

import dev.xamba.opt.cost.RewriteDecision;
import java.util.List;

/**
 * Everything {@code xambac report} shows: the model costed on a target after the chosen XAMBA rewrites, the same
 * model with {@code --xamba none} as the baseline, every rewrite decision, and optionally what OpenVINO measured.
 *
 * @param target      the target's name
 * @param targetInfo  its one-line description
 * @param model       the input file's name
 * @param xamba       the XAMBA rewrites asked for ({@code ["none"]} for none)
 * @param after       the graph after the rewrites
 * @param baseline    the graph with {@code --xamba none}
 * @param rewrites    the decisions of the rewrite passes, in order
 * @param measurement measured times, or null when not measured
 * @param techniques  each XAMBA technique's predicted speedup alone (empty when none was asked for)
 * @param dynamicDimOps how many of {@code after}'s ops have an operand or result with a dynamic dimension, which
 *                    the cost model counts as 1 ({@link DynamicDims#count})
 */
public record CostReport(String target, String targetInfo, String model, List<String> xamba, GraphCost after,
                         GraphCost baseline, List<RewriteDecision> rewrites, Measurement measurement,
                         List<Technique> techniques, int dynamicDimOps) {
    /**
     * Below this, what a total has beyond its rows is the rounding of summing the same numbers in another order,
     * not a cost (µs).
     */
    private static final double ROUNDING_US = 1e-6;

    public CostReport {
        xamba = List.copyOf(xamba);
        rewrites = List.copyOf(rewrites);
        techniques = List.copyOf(techniques);
    }

    public CostReport(String target, String targetInfo, String model, List<String> xamba, GraphCost after,
                      GraphCost baseline, List<RewriteDecision> rewrites, Measurement measurement,
                      List<Technique> techniques) {
        this(target, targetInfo, model, xamba, after, baseline, rewrites, measurement, techniques, 0);
    }

    public CostReport(String target, String targetInfo, String model, List<String> xamba, GraphCost after,
                      GraphCost baseline, List<RewriteDecision> rewrites, Measurement measurement) {
        this(target, targetInfo, model, xamba, after, baseline, rewrites, measurement, List.of());
    }

    /** This report with a measurement, and {@code measuredAfter} (the same graph carrying measured times). */
    public CostReport withMeasurement(GraphCost measuredAfter, Measurement measured) {
        return new CostReport(target, targetInfo, model, xamba, measuredAfter, baseline, rewrites, measured, techniques,
                dynamicDimOps);
    }

    /**
     * One XAMBA technique: how many of its candidates the full run applied, and the predicted speedup of the model
     * with that technique alone over the baseline.
     */
    public record Technique(String name, int applied, double aloneSpeedup) {}

    /** Baseline total ÷ total. */
    public double speedup() { return after.totalUs() == 0 ? 1.0 : baseline.totalUs() / after.totalUs(); }

    /** The per-inference fixed cost in {@code after}'s total, µs ({@link #fixedUs(GraphCost)}). */
    public double fixedUs() { return fixedUs(after); }

    /**
     * The part of a graph's total in none of its rows: the cost model's per-inference fixed cost (the CPU's
     * {@code inference_fixed_us}; 0 on NPU targets), as the model gives it: total minus rows made up a fixed cost on
     * an NPU target once the sums were large (0.004 µs beside 1e10). {@link GraphCost#of} adds it to the total only,
     * so the reports show it as a line of its own for their rows to add up to the total.
     */
    public static double fixedUs(GraphCost g) {
        return Math.abs(g.fixedUs()) < ROUNDING_US ? 0.0 : g.fixedUs();
    }

    /** Predicted total ÷ measured median latency; NaN when not measured (or measured as 0). */
    public double predictedOverMeasured() {
        if (measurement == null || measurement.totalUs() == 0) return Double.NaN;
        return after.totalUs() / measurement.totalUs();
    }

    /**
     * The one-line note every format carries when some op has a dynamic dimension (the cost model counts it as 1,
     * so the prediction is for a size the model may never run at); empty when every op's shape is static. The hint
     * on {@code --input-shape} only for an ONNX model, the one input it applies to.
     */
    public String dynamicDimNote() {
        if (dynamicDimOps == 0) return "";
        return dynamicDimOps + " of " + after.ops().size() + " ops " + (dynamicDimOps == 1 ? "has" : "have")
                + " a dynamic dimension, costed as size 1: the prediction is for that size"
                + (model.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx") ? " (--input-shape fixes an ONNX input's size)" : "");
    }

    /**
     * What OpenVINO measured.
     *
     * @param device      the OpenVINO device ({@code CPU})
     * @param totalUs     latency of one inference, the median of {@code runs}, µs
     * @param fastestUs   the fastest of the runs (the least disturbed on a shared machine), µs
     * @param runs        how many inferences were timed
     * @param perLayer    whether {@code OpRow.measuredUs} was filled from performance counters
     * @param layersUs    the sum of every layer's counter (medians over the runs), µs; NaN unless per layer
     * @param unmatchedUs the part of {@code layersUs} in layers that match no op by name (nodes the plugin added,
     *                    inputs and outputs), µs; NaN unless per layer
     * @param note        how it was measured, and what it leaves out
     */
    public record Measurement(String device, double totalUs, double fastestUs, int runs, boolean perLayer, double layersUs,
                              double unmatchedUs, String note) {}
}
