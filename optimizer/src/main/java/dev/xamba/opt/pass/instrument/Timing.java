package dev.xamba.opt.pass.instrument;

import dev.xamba.ir.Operation;
import dev.xamba.opt.pass.Pass;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassInstrumentation;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --timing}: wall time of each pass, and of the verifier when {@link VerifyEach} reports to
 * {@link #addVerifier}, printed after the run (also a failed one) in the layout of MLIR's {@code -mlir-timing}.
 * Register it last, so that it times only the pass and not the other instrumentations.
 */
public final class Timing implements PassInstrumentation {
    private static final String RULE = "===" + "-".repeat(73) + "===";

    private record Row(String name, long nanos) {}

    private final PrintStream out;
    private final List<Row> rows = new ArrayList<>();
    private long verifierNanos = -1;
    private long pipelineStart = System.nanoTime();
    private long passStart;

    public Timing(PrintStream out) { this.out = out; }

    @Override public void runBeforePipeline(Operation module, PassContext ctx) {
        rows.clear();
        verifierNanos = -1;
        pipelineStart = System.nanoTime();
    }

    @Override public void runBeforePass(Pass pass, Operation module, PassContext ctx) { passStart = System.nanoTime(); }

    @Override public void runAfterPass(Pass pass, Operation module, PassContext ctx) { addPass(pass); }

    @Override public void runAfterPassFailed(Pass pass, Operation module, PassContext ctx) { addPass(pass); }

    @Override public void runAfterPipeline(Operation module, PassContext ctx) {
        out.print(render(System.nanoTime() - pipelineStart));
    }

    private void addPass(Pass pass) { rows.add(new Row(pass.cliName(), System.nanoTime() - passStart)); }

    /** Adds the time of one verification (the verifier is one row, however often it ran). */
    public void addVerifier(long nanos) { verifierNanos = Math.max(verifierNanos, 0) + nanos; }

    /**
     * <pre>
     * ===-------...-------===
     *                          ... Execution time report ...
     * ===-------...-------===
     *   Total Execution Time: 0.0123 seconds
     *
     *   ----Wall Time----  ----Name----
     *     0.0040 ( 32.5%)  canonicalize
     *     ...
     *     0.0123 (100.0%)  Total
     * </pre>
     * {@code Rest} is the time spent outside passes and verification (IR printing, bookkeeping).
     */
    String render(long totalNanos) {
        List<Map.Entry<String, Long>> table = new ArrayList<>();
        long accounted = 0;
        for (Row r : rows) {
            table.add(Map.entry(r.name, r.nanos));
            accounted += r.nanos;
        }
        if (verifierNanos >= 0) {
            table.add(Map.entry("(V) verifier", verifierNanos));
            accounted += verifierNanos;
        }
        table.add(Map.entry("Rest", Math.max(0, totalNanos - accounted)));
        return report("Execution time report", table, totalNanos);
    }

    /**
     * A report in the layout of {@link #render}: the banner with {@code title}, the total, one line per row (a name
     * and its wall time in nanoseconds, in the order given, names may repeat) with its share of the total, and
     * {@code Total}.
     */
    public static String report(String title, List<Map.Entry<String, Long>> rows, long totalNanos) {
        StringBuilder sb = new StringBuilder();
        header(sb, title);
        sb.append(String.format(Locale.ROOT, "  Total Execution Time: %.4f seconds\n\n", seconds(totalNanos)));
        sb.append("  ----Wall Time----  ----Name----").append('\n');
        for (Map.Entry<String, Long> r : rows) row(sb, r.getValue(), totalNanos, r.getKey());
        row(sb, totalNanos, totalNanos, "Total");
        return sb.toString();
    }

    private static void row(StringBuilder sb, long nanos, long total, String name) {
        double percent = total <= 0 ? 100.0 : 100.0 * nanos / total;
        sb.append(String.format(Locale.ROOT, "  %8.4f (%5.1f%%)  %s\n", seconds(nanos), percent, name));
    }

    private static double seconds(long nanos) { return nanos / 1e9; }

    /** The three-line banner of MLIR's reports, title centred. */
    public static String header(String title) {
        StringBuilder sb = new StringBuilder();
        header(sb, title);
        return sb.toString();
    }

    private static void header(StringBuilder sb, String title) {
        char nl = '\n';
        String centered = "... " + title + " ...";
        int indent = Math.max(0, (RULE.length() - centered.length()) / 2);
        sb.append(RULE).append(nl).append(" ".repeat(indent)).append(centered).append(nl).append(RULE).append(nl);
    }
}
