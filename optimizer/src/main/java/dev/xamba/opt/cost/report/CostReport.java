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
 */
public record CostReport(String target, String targetInfo, String model, List<String> xamba, GraphCost after,
                         GraphCost baseline, List<RewriteDecision> rewrites, Measurement measurement,
                         List<Technique> techniques) {
    public CostReport {
        xamba = List.copyOf(xamba);
        rewrites = List.copyOf(rewrites);
        techniques = List.copyOf(techniques);
    }

    public CostReport(String target, String targetInfo, String model, List<String> xamba, GraphCost after,
                      GraphCost baseline, List<RewriteDecision> rewrites, Measurement measurement) {
        this(target, targetInfo, model, xamba, after, baseline, rewrites, measurement, List.of());
    }

    /**
     * One XAMBA technique: how many of its candidates the full run applied, and the predicted speedup of the model
     * with that technique alone over the baseline.
     */
    public record Technique(String name, int applied, double aloneSpeedup) {}

    /** Baseline total ÷ total. */
    public double speedup() { return after.totalUs() == 0 ? 1.0 : baseline.totalUs() / after.totalUs(); }

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
