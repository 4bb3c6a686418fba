package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compile --timing}'s phase report. */
class PhaseTimerTest {
    @Test
    void eachPhaseLastsUntilTheNextAndTheLastUntilTheReport() throws InterruptedException {
        long[] now = {5_000_000_000L};
        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        Progress progress = Progress.forTest(new PrintStream(bar, true, StandardCharsets.UTF_8),
                List.of("import", "passes", "writing weights"), 0, true);
        PhaseTimer timer = PhaseTimer.withClock(progress, () -> now[0]);
        assertThat(timer.report()).as("no phase yet").isEmpty();

        timer.phase("import");
        now[0] += 100_000_000;
        timer.phase("passes");
        now[0] += 300_000_000;
        timer.phase("writing weights");
        timer.fraction(0.5);
        now[0] += 600_000_000;

        assertThat(timer.report()).contains("... Compile time report ...", "Total Execution Time: 1.0000 seconds",
                "    0.1000 ( 10.0%)  import\n", "    0.3000 ( 30.0%)  passes\n", "    0.6000 ( 60.0%)  writing weights\n",
                "    1.0000 (100.0%)  Total\n");
        // the bar it wraps still hears every event
        while (!bar.toString(StandardCharsets.UTF_8).contains("3/3 writing weights  50%")) Thread.sleep(5);
        progress.close();
    }

    @Test
    void compileWithTimingReportsThePassesThenTheWholeCompileByPhase(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("compile", RepoFiles.root().resolve("testdata/mamba2_tiny_l2_t16.onnx").toString(),
                "-o", dir.resolve("m.xml").toString(), "--timing");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).containsSubsequence("... Execution time report ...", "legalize-ov", "Total",
                "... Compile time report ...", "import", "passes", "writing weights", "(100.0%)  Total");
    }

    @Test
    void aCompileThatFailsInItsImportStillReportsTheImport(@TempDir Path dir) throws Exception {
        Path bad = java.nio.file.Files.writeString(dir.resolve("bad.onnx"), "not a model");
        CliRunner.Result r = CliRunner.run("compile", bad.toString(), "-o", dir.resolve("m.xml").toString(), "--timing");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("... Compile time report ...", "import").doesNotContain("writing weights");
        // the diagnostic stays the last line
        assertThat(r.err().strip().lines().reduce((a, b) -> b).orElseThrow()).contains("bad.onnx\": error: not a valid ONNX model");
    }
}
