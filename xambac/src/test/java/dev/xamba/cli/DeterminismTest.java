package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenVINO IR and the JSON cost report written for every real model are byte-identical whatever the JVM's garbage
 * collector and number of processors: three fresh JVMs (Serial GC on 1 CPU, Parallel GC on 2, G1 on 2) each compile
 * every model of {@code testdata/} and of {@code ../shared/models} (the 130M-shaped ones; skipped with a message when
 * the folder is absent, as on a machine without the shared models — CI has them) and report it for each of
 * {@link #REPORT_TARGETS}, and their {@code .xml}/{@code .bin}/{@code .json} are compared byte for byte.
 */
class DeterminismTest {
    private static final List<List<String>> JVMS = List.of(
            List.of("-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1"),
            List.of("-XX:+UseParallelGC", "-XX:ActiveProcessorCount=2"),
            List.of("-XX:+UseG1GC", "-XX:ActiveProcessorCount=2"));

    /** An NPU target (XAMBA rewrites chosen by cost, per-technique runs) and the CPU one (no rewrites). */
    private static final List<String> REPORT_TARGETS = List.of("npu4", "cpu");

    @TempDir
    Path dir;

    /** What each JVM writes per model stem: the IR pair and one JSON report per target. */
    private static List<String> outputsOf(String stem) {
        List<String> files = new ArrayList<>(List.of(stem + ".xml", stem + ".bin"));
        REPORT_TARGETS.forEach(t -> files.add(stem + "." + t + ".json"));
        return files;
    }

    /**
     * Compiles and reports (JSON) each model given as an argument into the folder given first, in this JVM; exits with
     * the first failure's code.
     */
    public static void main(String[] args) {
        Path out = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path model = Path.of(args[i]);
            String stem = model.getFileName().toString().replace(".onnx", "");
            exitOnFailure(Xambac.execute("compile", model.toString(), "-o", out.resolve(stem + ".xml").toString()));
            for (String target : REPORT_TARGETS) {
                exitOnFailure(Xambac.execute("report", model.toString(), "--target", target, "--format", "json",
                        "-o", out.resolve(stem + "." + target + ".json").toString()));
            }
        }
        System.exit(0);
    }

    private static void exitOnFailure(int code) {
        if (code != 0) System.exit(code);
    }

    /** The models: testdata's, then the shared ones not already there (by file name). */
    static List<Path> models() throws IOException {
        Map<String, Path> byName = new LinkedHashMap<>();
        Path root = RepoFiles.root();
        for (Path folder : List.of(root.resolve("testdata"), root.resolveSibling("shared").resolve("models"))) {
            if (!Files.isDirectory(folder)) {
                // On CI ../shared is beside the clone: its absence there must fail, not thin the tests out silently.
                assertThat(System.getenv("CI")).as(folder + " is absent, and CI has it").isNull();
                System.out.println("DeterminismTest: " + folder + " is absent: its models are not checked here (CI has them)");
                continue;
            }
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(p -> p.toString().endsWith(".onnx")).sorted().forEach(p -> byName.putIfAbsent(p.getFileName().toString(), p));
            }
        }
        return List.copyOf(byName.values());
    }

    @Test
    void everyModelCompilesAndReportsToTheSameBytesUnderEveryGcAndProcessorCount() throws Exception {
        List<Path> models = models();
        assertThat(models).as("testdata/ has models").hasSizeGreaterThanOrEqualTo(3);
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < JVMS.size(); i++) {
            Path out = Files.createDirectories(dir.resolve("jvm" + i));
            compileAll(JVMS.get(i), out, models);
            outputs.add(out);
        }
        for (Path model : models) {
            String stem = model.getFileName().toString().replace(".onnx", "");
            for (String file : outputsOf(stem)) {
                byte[] first = Files.readAllBytes(outputs.get(0).resolve(file));
                assertThat(first).as(file).isNotEmpty();
                for (int i = 1; i < outputs.size(); i++) {
                    assertThat(Files.readAllBytes(outputs.get(i).resolve(file)))
                            .as(file + " under " + JVMS.get(i) + " vs " + JVMS.get(0)).isEqualTo(first);
                }
            }
        }
    }

    private static void compileAll(List<String> jvmOptions, Path out, List<Path> models) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), DeterminismTest.class.getName(), out.toString()));
        models.forEach(m -> cmd.add(m.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(jvmOptions + ": " + log).isZero();
    }
}
