package dev.xamba.cli.check;

import dev.xamba.ir.diag.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code // expected-error@+1 {{message}}} comment of a {@code --verify-diagnostics} test: a diagnostic of this
 * severity must be reported on that line with a message containing {@code text}.
 *
 * <p>Forms (as MLIR's {@code -verify-diagnostics}): {@code expected-error {{…}}} is about its own line,
 * {@code expected-error@+N} / {@code @-N} about the line N below / above, {@code expected-error@unknown} about a
 * diagnostic without a file location; {@code error} may be {@code warning}, {@code note} or {@code remark}.
 *
 * @param line          the 1-based line the diagnostic must be on, or {@link #UNKNOWN_LINE}
 * @param text          a part of the expected message
 * @param commentLine   where the comment itself is, for reporting an expectation that was not met
 * @param commentColumn the column of {@code expected-} in that line
 */
public record Expectation(Severity severity, int line, String text, int commentLine, int commentColumn) {
    public static final int UNKNOWN_LINE = -1;

    private static final Pattern EXPECTED = Pattern.compile(
            "expected-(error|warning|note|remark)(?:@(?:([+-]\\d+)|(unknown)))?\\s*\\{\\{(.*?)\\}\\}");
    /** A comment that looks like an expectation but does not parse: a typo must not silently check nothing. */
    private static final Pattern LOOKS_LIKE = Pattern.compile("expected-(error|warning|note|remark)\\b");

    /** A comment that mentions {@code expected-…} but is not well formed. */
    public record Malformed(int line, int column, String text) {}

    /** Every expectation in {@code chunk}; malformed ones are added to {@code malformed}. */
    public static List<Expectation> parse(SourceChunks.Chunk chunk, List<Malformed> malformed) {
        List<Expectation> out = new ArrayList<>();
        String[] lines = chunk.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = chunk.firstLine() + i;
            String line = lines[i];
            int comment = line.indexOf("//");
            if (comment < 0) continue;
            Matcher m = EXPECTED.matcher(line);
            int found = 0;
            while (m.find(found)) {
                if (m.start() < comment) break;
                // A blank text would match any message, and text after the closing braces (a second {{…}}) would be
                // dropped: both check less than they seem to, so both are malformed (MLIR anchors the text at the end).
                String rest = line.substring(m.end(), nextExpectation(line, m.end()));
                if (m.group(4).isBlank() || !rest.isBlank()) {
                    malformed.add(new Malformed(lineNo, m.start() + 1, line.substring(m.start()).strip()));
                } else {
                    int target = m.group(3) != null ? UNKNOWN_LINE
                            : m.group(2) != null ? lineNo + Integer.parseInt(m.group(2)) : lineNo;
                    out.add(new Expectation(severityOf(m.group(1)), target, m.group(4), lineNo, m.start() + 1));
                }
                found = m.end();
            }
            Matcher loose = LOOKS_LIKE.matcher(line);
            int wellFormed = countMatches(EXPECTED.matcher(line));
            if (countMatches(loose) > wellFormed) {
                loose.reset();
                loose.find();
                malformed.add(new Malformed(lineNo, loose.start() + 1, line.substring(loose.start()).strip()));
            }
        }
        return out;
    }

    /** Where the next {@code expected-…} after {@code from} starts, or the line's end. */
    private static int nextExpectation(String line, int from) {
        Matcher next = LOOKS_LIKE.matcher(line);
        return next.find(from) ? next.start() : line.length();
    }

    private static int countMatches(Matcher m) {
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    private static Severity severityOf(String word) {
        return switch (word) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            case "note" -> Severity.NOTE;
            default -> Severity.REMARK;
        };
    }
}
