package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.cli.check.SourceChunks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every lit input that is valid IR is written in printed form, so {@code xambac opt FILE} must give back the
 * file byte for byte once its comment lines and blank lines are removed. In a {@code --split-input-file} test,
 * each chunk without {@code expected-} comments is such an input on its own.
 */
class LitInputsRoundTripTest {

    @TestFactory
    Stream<DynamicTest> everyValidLitInputRoundTrips() throws IOException {
        Path lit = RepoFiles.root().resolve("lit-tests");
        List<Path> inputs;
        try (Stream<Path> files = Files.walk(lit)) {
            // Not lit's scratch folders (Output/): tests write malformed IR there on purpose.
            inputs = files.filter(p -> p.toString().endsWith(".xir") && !lit.relativize(p).toString().matches("(.*/)?Output/.*"))
                    .sorted().collect(Collectors.toList());
        }
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(25);
        return inputs.stream().filter(LitInputsRoundTripTest::isValidIr).flatMap(p -> validChunks(p).stream().map(chunk ->
                DynamicTest.dynamicTest(lit.relativize(p) + ":" + chunk.firstLine(), () -> {
                    Path file = Files.createTempFile("lit-chunk-", ".xir");
                    try {
                        Files.writeString(file, chunk.text());
                        String expected = withoutComments(chunk.text());
                        CliRunner.Result r = CliRunner.run("opt", file.toString(), "--allow-unregistered");
                        assertThat(r.err()).isEmpty();
                        assertThat(r.exitCode()).isZero();
                        assertThat(r.out()).isEqualTo(expected);
                    } finally {
                        Files.deleteIfExists(file);
                    }
                })));
    }

    /** The chunks of a lit input that hold valid IR: all of it, or those of its split parts that expect nothing. */
    static List<SourceChunks.Chunk> validChunks(Path p) {
        try {
            List<SourceChunks.Chunk> chunks = SourceChunks.split(Files.readString(p));
            return chunks.stream().filter(c -> !c.text().contains("expected-"))
                    .filter(c -> !withoutComments(c.text()).isEmpty()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Files whose RUN lines expect failure hold invalid IR on purpose: {@code not xambac}, or {@code %exit-code}
     * checked for exit 1 (an input error; exit 2, a bad command line, says nothing of the IR).
     */
    static boolean isValidIr(Path p) {
        try {
            return Files.readAllLines(p).stream().noneMatch(l -> l.contains("RUN:") && l.contains("not xambac")
                    || l.matches(".*CHECK[-A-Z]*: exit=1\\b.*"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String withoutComments(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("//")) continue;
            sb.append(line).append('\n');
        }
        return sb.toString();
    }
}
