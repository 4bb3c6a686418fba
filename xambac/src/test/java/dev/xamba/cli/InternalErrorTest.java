package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bug is exit code 3 and says "internal error"; bad input is exit code 1 with a located diagnostic. */
class InternalErrorTest {
    private static final String FOLDABLE = """
            module {
              func.func @main(%arg0: tensor<2xf32>) -> tensor<2xf32> {
                %c = "ov.Constant"() {value = dense<1.0> : tensor<2xf32>} : () -> tensor<2xf32>
                %0 = "ov.Add"(%c, %c) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
                %1 = "ov.Add"(%arg0, %0) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
                func.return %1 : tensor<2xf32>
              }
            }
            """;

    @TempDir
    Path dir;

    private Path input() throws IOException {
        Path p = dir.resolve("in.xir");
        Files.writeString(p, FOLDABLE);
        return p;
    }

    private static final Pattern RERUN = Pattern.compile("reproducer written to (\\S+); rerun with: xambac (opt .*)");

    @Test
    void aCrashingPassIsExitThreeWithOneLineAndAReproducer() throws IOException {
        Path repro = dir.resolve("repro");
        CliRunner.Result r = CliRunner.run(CrashingPasses.registry(), "opt", input().toString(),
                "--passes", "canonicalize,test-crash", "--reproducer-dir", repro.toString());

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("xambac: internal error: pass 'test-crash' crashed: java.lang.IllegalStateException: boom"
                + " (set XAMBAC_DEBUG=1 for the stack trace; please report it with the input)");
        assertThat(r.err()).doesNotContain(": error: ").doesNotContain("\tat ");

        Matcher m = RERUN.matcher(lines.get(1));
        assertThat(m.find()).as(lines.get(1)).isTrue();
        Path file = Path.of(m.group(1));
        assertThat(file.getParent()).isEqualTo(repro);
        assertThat(m.group(2)).isEqualTo("opt " + file + " --passes 'test-crash'");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("// xambac crash reproducer, written by xambac ")
                .contains("// pipeline: canonicalize,test-crash (pass #2 crashed)")
                // The IR before the failing pass: canonicalize already folded the constant Add.
                .contains("dense<2.0> : tensor<2xf32>").doesNotContain("\"ov.Add\"(%c, %c)");

        // The printed command reproduces the crash, and the file is valid IR on its own.
        CliRunner.Result again = CliRunner.run(CrashingPasses.registry(), "opt", file.toString(), "--passes", "test-crash",
                "--reproducer-dir", repro.toString());
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.err()).startsWith("xambac: internal error: pass 'test-crash' crashed");
        assertThat(CliRunner.run("opt", file.toString()).exitCode()).isZero();
    }

    @Test
    void whenTheCrashDoesNotReplayTheReproducerHoldsTheInputAndThePipelineUpToTheCrash() throws IOException {
        CrashingPasses.Flaky.RUNS.set(0);
        Path repro = dir.resolve("repro");
        CliRunner.Result r = CliRunner.run(CrashingPasses.registry(), "opt", input().toString(),
                "--passes", "canonicalize,test-flaky,test-crash", "--reproducer-dir", repro.toString());

        assertThat(r.exitCode()).isEqualTo(3);
        Matcher m = RERUN.matcher(r.err());
        assertThat(m.find()).as(r.err()).isTrue();
        assertThat(m.group(2)).endsWith(" --passes 'canonicalize,test-flaky,test-crash'");
        // The replay of test-flaky threw, so the file holds the input as it was read.
        assertThat(Files.readString(Path.of(m.group(1)))).contains("\"ov.Add\"(%c, %c)");
    }

    @Test
    void aPassThatRejectsItsInputIsExitOneWithALocatedDiagnostic() throws IOException {
        Path in = input();
        CliRunner.Result r = CliRunner.run(CrashingPasses.registry(), "opt", in.toString(), "--passes", "test-reject",
                "--reproducer-dir", dir.resolve("repro").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith(in + ":1:1: error: cannot handle this module").doesNotContain("internal error");
        assertThat(dir.resolve("repro")).doesNotExist();
    }

    @Test
    void theStackTraceIsPrintedOnlyWithXambacDebug() throws Exception {
        Path in = input();
        String quiet = runProcess(null, in);
        String debug = runProcess("1", in);

        assertThat(quiet).contains("xambac: internal error: pass 'test-crash' crashed").doesNotContain("\tat ");
        assertThat(debug).contains("xambac: internal error: pass 'test-crash' crashed")
                .doesNotContain("set XAMBAC_DEBUG=1")
                .contains("Caused by: java.lang.IllegalStateException: boom")
                .contains("\tat dev.xamba.cli.CrashingPasses$Crash.run");
    }

    /** Runs {@link CrashingPasses#main} in a fresh JVM, the only way to set its environment; returns its stderr. */
    private String runProcess(String xambacDebug, Path in) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                CrashingPasses.class.getName(), "opt", in.toString(), "--passes", "test-crash",
                "--reproducer-dir", dir.resolve("repro").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("XAMBAC_DEBUG");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        if (xambacDebug != null) pb.environment().put("XAMBAC_DEBUG", xambacDebug);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isEqualTo(3);
        try (Stream<Path> files = Files.list(dir.resolve("repro"))) {
            assertThat(files.count()).isPositive();
        }
        return err;
    }
}
