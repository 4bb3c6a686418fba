package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {
    private static final List<String> PHASES = List.of("import", "passes", "writing weights");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Waits (without asserting any time) until the bar's thread has drawn something. */
    private void awaitDrawn(String expected) throws InterruptedException {
        while (!text().contains(expected)) Thread.sleep(5);
    }

    @Test
    void compileIsSilentOnStderrWhenStderrIsNotATerminal(@TempDir Path dir) {
        // A bar that ignored the terminal check would draw at once with no delay.
        System.setProperty("xamba.progress.delay-millis", "0");
        try {
            CliRunner.Result r = CliRunner.run("compile", RepoFiles.root().resolve("testdata/mamba2_tiny_l2_t16.onnx").toString(),
                    "-o", dir.resolve("m.xml").toString());
            assertThat(r.exitCode()).isZero();
            assertThat(r.err()).isEmpty();
        } finally {
            System.clearProperty("xamba.progress.delay-millis");
        }
    }

    @Test
    void aLiveBarShowsThePhaseAndItsShareAndErasesItselfOnClose() throws InterruptedException {
        Progress p = Progress.forTest(out, PHASES, 0, true);
        p.phase("writing weights");
        p.fraction(0.5);
        awaitDrawn("3/3 writing weights  50%");
        p.close();
        String s = text();
        assertThat(s).startsWith("\rxambac [");
        assertThat(s).matches("(?s).*\r +\r$");
    }

    @Test
    void writesThroughTheGuardEraseTheBarFirst() throws InterruptedException {
        Progress p = Progress.forTest(out, PHASES, 0, true);
        p.phase("passes");
        awaitDrawn("2/3 passes");
        PrintStream err = p.guard();
        err.println("a warning");
        p.close();
        String s = text();
        int warning = s.indexOf("a warning");
        assertThat(s.substring(0, warning)).endsWith("\r");
        assertThat(s.substring(s.lastIndexOf("2/3 passes", warning), warning)).contains("\r ");
    }

    @Test
    void aBarThatIsNotLiveWritesNothing() {
        Progress p = Progress.forTest(out, PHASES, 0, false);
        p.phase("import");
        p.fraction(1);
        p.guard().print("");
        p.close();
        assertThat(text()).isEmpty();
    }
}
