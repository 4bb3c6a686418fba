package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code xambac --help}: what a new user reads first. */
class HelpTest {
    /** A command's line in the list: two spaces, its name, then the first line of its description. */
    private static final Pattern COMMAND = Pattern.compile("^  (\\S+)\\s+(.*)$");

    @Test
    void everyCommandIsSummedUpInAWholeSentence() {
        CliRunner.Result r = CliRunner.run("--help");
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        Map<String, String> summaries = new LinkedHashMap<>();
        String current = null;
        for (String line : lines.subList(lines.indexOf("Commands:") + 1, lines.size())) {
            if (line.isBlank()) break;
            Matcher m = COMMAND.matcher(line);
            if (m.matches()) {
                current = m.group(1);
                summaries.put(current, m.group(2).strip());
            } else if (current != null) {
                summaries.merge(current, " " + line.strip(), String::concat); // picocli wrapped it
            }
        }
        assertThat(summaries).containsOnlyKeys("compile", "opt", "run", "verify", "report", "calibrate", "help");
        // picocli lists each command with its description's first line: one cut mid-sentence reads as nonsense.
        summaries.forEach((name, summary) -> assertThat(summary).as(name).endsWith("."));
    }
}
