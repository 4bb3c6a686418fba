package dev.xamba.opt.pass;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text of {@code --timing} and {@code --statistics}, laid out as MLIR's {@code -mlir-timing} reports. */
final class PassReports {
    private static final String RULE = "===" + "-".repeat(73) + "===";

    /** Wall-clock time of each step of one run, in the order the steps ran. */
    static final class Timing {
        private record Row(String name, long nanos) {}

        private final List<Row> rows = new ArrayList<>();
        private long verifierNanos = -1;

        void addPass(String name, long nanos) { rows.add(new Row(name, nanos)); }

        void addVerifier(long nanos) { verifierNanos = Math.max(verifierNanos, 0) + nanos; }

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
            StringBuilder sb = new StringBuilder();
            header(sb, "Execution time report");
            sb.append(String.format(Locale.ROOT, "  Total Execution Time: %.4f seconds\n\n", seconds(totalNanos)));
            sb.append("  ----Wall Time----  ----Name----").append('\n');
            long accounted = 0;
            for (Row r : rows) {
                row(sb, r.nanos, totalNanos, r.name);
                accounted += r.nanos;
            }
            if (verifierNanos >= 0) {
                row(sb, verifierNanos, totalNanos, "(V) verifier");
                accounted += verifierNanos;
            }
            row(sb, Math.max(0, totalNanos - accounted), totalNanos, "Rest");
            row(sb, totalNanos, totalNanos, "Total");
            return sb.toString();
        }

        private static void row(StringBuilder sb, long nanos, long total, String name) {
            double percent = total <= 0 ? 100.0 : 100.0 * nanos / total;
            sb.append(String.format(Locale.ROOT, "  %8.4f (%5.1f%%)  %s\n", seconds(nanos), percent, name));
        }

        private static double seconds(long nanos) { return nanos / 1e9; }
    }

    private PassReports() {}

    /** Counters per pass: {@code 'canonicalize'} then {@code   (S) 3 ops-folded} lines. */
    static String statistics(Map<String, Map<String, Long>> stats) {
        StringBuilder sb = new StringBuilder();
        header(sb, "Pass statistics report");
        stats.forEach((pass, counters) -> {
            sb.append('\'').append(pass).append('\'').append('\n');
            counters.forEach((name, n) -> sb.append("  (S) ").append(n).append(' ').append(name).append('\n'));
        });
        return sb.toString();
    }

    private static void header(StringBuilder sb, String title) {
        char nl = '\n';
        String centered = "... " + title + " ...";
        int indent = Math.max(0, (RULE.length() - centered.length()) / 2);
        sb.append(RULE).append(nl).append(" ".repeat(indent)).append(centered).append(nl).append(RULE).append(nl);
    }
}
