package dev.xamba.opt.pass;

import dev.xamba.opt.pass.instrument.Timing;
import java.util.Map;

/** The text of {@code --statistics}, laid out as MLIR's pass statistics report. */
final class PassReports {
    private PassReports() {}

    /** Counters per pass: {@code 'canonicalize'} then {@code   (S) 3 ops-folded} lines. */
    static String statistics(Map<String, Map<String, Long>> stats) {
        StringBuilder sb = new StringBuilder(Timing.header("Pass statistics report"));
        stats.forEach((pass, counters) -> {
            sb.append('\'').append(pass).append('\'').append('\n');
            counters.forEach((name, n) -> sb.append("  (S) ").append(n).append(' ').append(name).append('\n'));
        });
        return sb.toString();
    }
}
