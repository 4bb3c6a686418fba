package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * file byte for byte once its comment lines and blank lines are removed.
 */
class LitInputsRoundTripTest {

    @TestFactory
    Stream<DynamicTest> everyValidLitInputRoundTrips() throws IOException {
        Path lit = RepoFiles.root().resolve("lit-tests");
        List<Path> inputs;
        try (Stream<Path> files = Files.walk(lit)) {
            inputs = files.filter(p -> p.toString().endsWith(".xir")).sorted().collect(Collectors.toList());
        }
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(25);
        return inputs.stream().filter(LitInputsRoundTripTest::isValidIr).map(p -> DynamicTest.dynamicTest(
                lit.relativize(p).toString(), () -> {
                    String expected = withoutComments(Files.readString(p));
                    CliRunner.Result r = CliRunner.run("opt", p.toString(), "--allow-unregistered");
                    assertThat(r.err()).isEmpty();
                    assertThat(r.exitCode()).isZero();
                    assertThat(r.out()).isEqualTo(expected);
                }));
    }

    /** Files whose RUN lines expect failure hold invalid IR on purpose. */
    private static boolean isValidIr(Path p) {
        try {
            return Files.readAllLines(p).stream().noneMatch(l -> l.contains("RUN:") && l.contains("not xambac"));
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
