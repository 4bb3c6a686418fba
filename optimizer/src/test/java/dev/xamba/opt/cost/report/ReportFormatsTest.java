package dev.xamba.opt.cost.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.xamba.ir.loc.Location;
import dev.xamba.opt.cost.RewriteDecision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The text, JSON and HTML reports show the same things (README: "Text and HTML show the same numbers"): the
 * techniques, the measured numbers, a missing number as {@code -}, the per-inference fixed cost that makes the rows
 * add up to the total, names with control characters escaped ({@link DynamicDimsTest}: the note on dynamic
 * dimensions).
 */
class ReportFormatsTest {
    /** Two ops of 60 and 41.099 µs on the cpu, and the cpu's 4.841 µs per inference: 105.940 µs in all. */
    private static GraphCost cpuGraph(String firstName, double scale) {
        List<OpRow> rows = List.of(new OpRow(firstName, "MatMul", "CPU", 60 * scale, "loc(\"mm\")", Double.NaN),
                new OpRow("/layers.0/mixer/Exp", "Exp", "CPU", 41.099 * scale, "loc(\"exp\")", Double.NaN));
        double total = 60 * scale + 41.099 * scale + 4.841;
        return new GraphCost(rows, Map.of("CPU", total), total);
    }

    /** The baseline is the same graph with its ops 1.5 times as costly (same fixed cost): 156.490 µs, speedup 1.48. */
    private static CostReport report(GraphCost after, CostReport.Measurement m, List<RewriteDecision> rewrites,
                                     List<CostReport.Technique> techniques) {
        return new CostReport("cpu", "OpenVINO CPU plugin", "m.onnx", List.of("auto"), after, cpuGraph("/mm", 1.5),
                rewrites, m, techniques);
    }

    static CostReport plain(GraphCost after) { return report(after, null, List.of(), List.of()); }

    @Test
    void theHtmlShowsEachTechniquesSpeedupAsTheTextDoes() {
        CostReport r = report(cpuGraph("/mm", 1), null, List.of(),
                List.of(new CostReport.Technique("contract", 4, 1.07), new CostReport.Technique("cumba", 6, Double.NaN)));
        String html = HtmlReport.render(r);
        assertThat(html).contains("<h2>Techniques</h2>", "all together 1.48×",
                "<tr><td>contract</td><td class=\"n\">4</td><td class=\"n\">1.07×</td></tr>",
                "<tr><td>cumba</td><td class=\"n\">6</td><td class=\"n\">-</td></tr>");
        assertThat(TextReport.render(r)).contains("all together 1.48×", "contract       applied   4   alone 1.07×",
                "cumba          applied   6   alone -");
        assertThat(HtmlReport.render(plain(cpuGraph("/mm", 1)))).doesNotContain("Techniques");
    }

    @Test
    void theHtmlShowsTheMeasuredNumbersTheTextAndJsonShow() {
        GraphCost measured = cpuGraph("/mm", 1).withMeasured(Map.of("/mm", 40.0));
        CostReport.Measurement m = new CostReport.Measurement("CPU", 573.835, 242.652, 5, true, 450.0, 52.0, "how");
        CostReport r = report(measured, m, List.of(), List.of());
        // predicted/measured = 105.940 / 573.835 = 0.185
        assertThat(TextReport.render(r)).contains("573.835 µs (median of 5 runs, fastest 242.652 µs; predicted/measured 0.18x)",
                "450.000 µs, of which 52.000 µs in layers that are none of the ops");
        assertThat(HtmlReport.render(r)).contains(">573.835 µs<", ">242.652 µs<", ">0.18x<", ">450.000 µs<", ">52.000 µs<",
                "median of 5 runs", "fastest of the 5 runs", "predicted / measured");
        JsonObject json = JsonParser.parseString(JsonReport.render(r)).getAsJsonObject().getAsJsonObject("measured");
        assertThat(json.get("fastest_us").getAsDouble()).isEqualTo(242.652);
        assertThat(json.get("unmatched_us").getAsDouble()).isEqualTo(52.0);
        assertThat(json.get("predicted_over_measured").getAsDouble()).isEqualTo(0.185);
    }

    @Test
    void aRewriteWithoutCostsShowsGapsNotNaN() {
        RewriteDecision noCost = new RewriteDecision("xamba-cumba", Location.name("scan"), false,
                "the scanned axis 1 has a dynamic length", Double.NaN, Double.NaN);
        RewriteDecision infinite = new RewriteDecision("xamba-reduba", Location.name("sum"), false, "r", 1.0, Double.POSITIVE_INFINITY);
        CostReport r = report(cpuGraph("/mm", 1), null, List.of(noCost, infinite), List.of());
        String text = TextReport.render(r);
        assertThat(text).contains("dynamic length (- -> - µs)", ": r (1.000 -> - µs)").doesNotContain("NaN", "Infinity");
        String html = HtmlReport.render(r);
        assertThat(html).contains("<td class=\"n\">-</td><td class=\"n\">-</td></tr>",
                "<td class=\"n\">1.000</td><td class=\"n\">-</td></tr>").doesNotContain("NaN", "Infinity");
        assertThat(JsonReport.render(r)).contains("\"before_us\": null", "\"after_us\": null").doesNotContain("NaN", "Infinity");
    }

    @Test
    void theFixedCostIsALineOfItsOwnSoThePartsAddUpToTheTotal() {
        CostReport r = plain(cpuGraph("/mm", 1));
        assertThat(TextReport.render(r)).contains(
                "  MatMul             1 ops         60.000 µs   56.6%   (baseline 90.000 µs)\n",
                "  per-inference fixed cost          4.841 µs    4.6%   (baseline 4.841 µs)\n");
        JsonObject json = JsonParser.parseString(JsonReport.render(r)).getAsJsonObject();
        double ops = 0;
        for (var op : json.getAsJsonArray("ops")) ops += op.getAsJsonObject().get("us").getAsDouble();
        assertThat(json.get("fixed_us").getAsDouble()).isEqualTo(4.841);
        assertThat(ops + json.get("fixed_us").getAsDouble()).isCloseTo(json.get("total_us").getAsDouble(), within(1e-9));
        String html = HtmlReport.render(r);
        assertThat(html).contains("per-inference fixed cost (in no op)</td><td class=\"n\">4.841</td><td class=\"n\">4.6%</td>",
                "<title>per-inference fixed cost (after): 4.841 µs</title>");
    }

    @Test
    void aGraphWithoutFixedCostHasNoSuchLine() {
        OpRow op = new OpRow("a", "MatMul", "DPU", 1.25, "loc(\"a\")", Double.NaN);
        GraphCost npu = new GraphCost(List.of(op, op), Map.of("DPU", 2.5, "SHAVE", 0.0, "DMA", 0.0), 2.5);
        CostReport r = new CostReport("npu4", "", "m.onnx", List.of("none"), npu, npu, List.of(), null);
        assertThat(TextReport.render(r)).doesNotContain("fixed cost");
        assertThat(HtmlReport.render(r)).doesNotContain("fixed cost");
        assertThat(JsonReport.render(r)).contains("\"fixed_us\": 0.000");
    }

    @Test
    void controlCharactersInNamesAreEscapedInTheHtmlAsInTheText() {
        String evil = "evil\u001b[2J\nline\u0007<b>\u009b";
        CostReport r = plain(cpuGraph(evil, 1));
        String html = HtmlReport.render(r);
        assertThat(html.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f)).as("raw control characters").isEmpty();
        assertThat(html).contains("evil\\x1b[2J\\nline\\x07&lt;b&gt;\\x9b").doesNotContain("<b>");
        assertThat(TextReport.render(r)).contains("evil\\x1b[2J\\nline\\x07<b>\\x9b");
        assertThat(Html.escape("a\tb\u2028")).isEqualTo("a\\tb\\u2028");
    }

    /** With short type names the fixed cost's line was narrower than the types' lines: its numbers out of column. */
    @Test
    void theFixedCostLineLinesUpWithTheTypes() {
        String text = TextReport.render(plain(cpuGraph("/mm", 1)));
        String exp = text.lines().filter(l -> l.startsWith("  Exp ")).findFirst().orElseThrow();
        String fixed = text.lines().filter(l -> l.startsWith("  " + Formats.FIXED_LABEL)).findFirst().orElseThrow();
        assertThat(fixed.indexOf(" µs")).isEqualTo(exp.indexOf(" µs"));
    }
}
