package dev.xamba.opt.cost.report;

import static dev.xamba.ir.loc.Quoting.printable;

import dev.xamba.opt.cost.RewriteDecision;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plain-text report: headline totals, time per unit, the costliest ops, time per op type, the techniques, the
 * rewrites. Names from the model, the target file or the command line are
 * {@linkplain dev.xamba.ir.loc.Quoting#printable escaped}: a report goes to a terminal. A number that was not
 * computed is shown as {@code -} ({@link Formats#GAP}).
 */
public final class TextReport {
    /** How many of the costliest ops are listed. */
    public static final int TOP_OPS = 15;

    private TextReport() {}

    public static String render(CostReport r) {
        StringBuilder sb = new StringBuilder();
        headline(sb, r);
        if (r.measurement() != null) measurement(sb, r);
        units(sb, r.after());
        int typeWidth = Math.max(4, r.after().ops().stream().mapToInt(o -> o.type().length()).max().orElse(4));
        costliest(sb, r, typeWidth);
        types(sb, r, typeWidth);
        if (!r.techniques().isEmpty()) techniques(sb, r);
        rewrites(sb, r.rewrites());
        return sb.toString();
    }

    private static void headline(StringBuilder sb, CostReport r) {
        GraphCost g = r.after();
        sb.append("xamba cost report: ").append(printable(r.model())).append(" on ").append(printable(r.target()))
                .append(" (--xamba ").append(String.join(",", r.xamba())).append(")\n");
        if (!r.targetInfo().isEmpty()) sb.append("target: ").append(printable(r.targetInfo())).append('\n');
        sb.append("predicted total: ").append(Formats.us(g.totalUs())).append(" µs;  baseline (--xamba none): ")
                .append(Formats.us(r.baseline().totalUs())).append(" µs;  speedup ").append(Formats.ratio(r.speedup())).append('\n');
        if (r.dynamicDimOps() > 0) sb.append("note: ").append(r.dynamicDimNote()).append('\n');
    }

    private static void measurement(StringBuilder sb, CostReport r) {
        CostReport.Measurement m = r.measurement();
        sb.append("measured on OpenVINO ").append(printable(m.device())).append(": ").append(Formats.us(m.totalUs()))
                .append(" µs (median of ").append(Formats.runs(m.runs())).append(", fastest ").append(Formats.us(m.fastestUs()))
                .append(" µs; predicted/measured ").append(Formats.ratio(r.predictedOverMeasured())).append(")\n");
        if (m.perLayer()) {
            sb.append("  per layer (performance counters): ").append(Formats.us(m.layersUs())).append(" µs, of which ")
                    .append(Formats.us(m.unmatchedUs())).append(" µs in layers that are none of the ops below\n");
        }
        sb.append("  ").append(m.note()).append('\n');
    }

    private static void units(StringBuilder sb, GraphCost g) {
        sb.append("\ntime per unit:\n");
        for (Map.Entry<String, Double> e : g.units().entrySet()) {
            sb.append(String.format(Locale.ROOT, "  %-6s %14s µs %7s%n", e.getKey(), Formats.us(e.getValue()),
                    Formats.percent(e.getValue(), g.totalUs())));
        }
    }

    private static void costliest(StringBuilder sb, CostReport r, int tw) {
        GraphCost g = r.after();
        List<OpRow> top = g.costliest(TOP_OPS);
        boolean measured = r.measurement() != null && r.measurement().perLayer();
        sb.append("\ncostliest ops (").append(top.size()).append(" of ").append(g.ops().size()).append("):\n");
        int w = Math.max(4, top.stream().mapToInt(o -> printable(o.name()).length()).max().orElse(4));
        sb.append(String.format(Locale.ROOT, "  %3s  %-" + w + "s  %-" + tw + "s  %-5s %14s %7s%s%n", "#", "name", "type", "unit", "µs", "%",
                measured ? "    measured µs" : ""));
        for (int i = 0; i < top.size(); i++) {
            OpRow o = top.get(i);
            sb.append(String.format(Locale.ROOT, "  %3d  %-" + w + "s  %-" + tw + "s  %-5s %14s %7s%s%n", i + 1, printable(o.name()), o.type(), o.unit(),
                    Formats.us(o.us()), Formats.percent(o.us(), g.totalUs()),
                    measured ? String.format(Locale.ROOT, " %14s", Formats.us(o.measuredUs())) : ""));
        }
    }

    /** Every op type, then the fixed cost that is in no op: together they add up to the total. */
    private static void types(StringBuilder sb, CostReport r, int typeWidth) {
        GraphCost g = r.after();
        double fixed = r.fixedUs();
        // The fixed cost's label takes a type's name and count ("%4d ops"): the column is wide enough for it.
        int tw = fixed != 0 ? Math.max(typeWidth, Formats.FIXED_LABEL.length() - 9) : typeWidth;
        sb.append("\ntime per op type:\n");
        Map<String, Double> baseTypes = r.baseline().byType();
        for (Map.Entry<String, Double> e : g.byType().entrySet()) {
            long n = g.ops().stream().filter(o -> o.type().equals(e.getKey())).count();
            sb.append(String.format(Locale.ROOT, "  %-" + tw + "s %4d ops %14s µs %7s   (baseline %s µs)%n", e.getKey(), n,
                    Formats.us(e.getValue()), Formats.percent(e.getValue(), g.totalUs()),
                    Formats.us(baseTypes.getOrDefault(e.getKey(), 0.0))));
        }
        if (fixed != 0) {
            // As wide as a type's name and count, so that the numbers line up with theirs.
            sb.append(String.format(Locale.ROOT, "  %-" + (tw + 9) + "s %14s µs %7s   (baseline %s µs)%n", Formats.FIXED_LABEL,
                    Formats.us(fixed), Formats.percent(fixed, g.totalUs()), Formats.us(CostReport.fixedUs(r.baseline()))));
        }
    }

    private static void techniques(StringBuilder sb, CostReport r) {
        sb.append("\ntechniques (predicted speedup of each alone over the baseline; all together ")
                .append(Formats.times(r.speedup())).append("):\n");
        for (CostReport.Technique t : r.techniques()) {
            sb.append(String.format(Locale.ROOT, "  %-14s applied %3d   alone %s%n", t.name(), t.applied(), Formats.times(t.aloneSpeedup())));
        }
    }

    private static void rewrites(StringBuilder sb, List<RewriteDecision> decisions) {
        sb.append("\nrewrites: ");
        if (decisions.isEmpty()) {
            sb.append("none\n");
            return;
        }
        sb.append(decisions.size()).append('\n');
        for (RewriteDecision d : decisions) {
            sb.append("  ").append(d.applied() ? "applied " : "skipped ").append(d.pattern()).append(" at ")
                    .append(d.location().describe()).append(": ").append(printable(d.reason()))
                    .append(" (").append(Formats.us(d.beforeMicros())).append(" -> ").append(Formats.us(d.afterMicros())).append(" µs)\n");
        }
    }
}
