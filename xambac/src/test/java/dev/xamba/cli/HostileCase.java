package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * One hostile input: files made in a fresh temp folder, then a command line run in-process. Every case asserts
 * what a user is promised: the expected exit code; stderr starts with one line holding the expected text (more located
 * diagnostics or notes may follow, one line each)
 * holding the expected text, with no stack trace and no terminal control; stdout has nothing; and the folder
 * afterwards is exactly as before — no file left behind, no input changed (SHA-256 before and after; links and
 * FIFOs by what they are, never opened).
 */
record HostileCase(String name, int exitCode, String expected, Setup setup) {
    /** Makes the case's files in {@code dir} and returns the command line. */
    interface Setup {
        String[] args(Path dir) throws Exception;
    }

    static HostileCase bad(String name, String expected, Setup setup) {
        return new HostileCase(name, 1, expected, setup);
    }

    /** A command line picocli rejects: exit 2, one line with the help hint. */
    static HostileCase badCommandLine(String name, String expected, Setup setup) {
        return new HostileCase(name, 2, expected, setup);
    }

    static Stream<DynamicTest> tests(HostileCase... cases) {
        return Stream.of(cases).map(HostileCase::test);
    }

    DynamicTest test() {
        return DynamicTest.dynamicTest(name, this::run);
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("xamba-hostile");
        try {
            String[] args = setup.args(dir);
            Map<String, String> before = snapshot(dir);
            CliRunner.Result r = CliRunner.run(args);
            Map<String, String> after = snapshot(dir);
            String context = String.join(" ", args) + "\nstderr: " + r.err();
            assertThat(r.exitCode()).as(context).isEqualTo(exitCode);
            List<String> lines = r.err().lines().toList();
            assertThat(lines).as(context).isNotEmpty();
            assertThat(lines.get(0)).as(context).contains(expected);
            // More problems may follow (the verifier reports all of them), each a located line of its own.
            assertThat(lines.subList(1, lines.size())).as("only located diagnostics may follow: " + context)
                    .allMatch(l -> l.contains(": note: ") || l.contains(": error: "));
            assertThat(r.err()).as(context).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("\u001b")
                    .doesNotContain("internal error").doesNotContain("Usage:");
            assertThat(r.out()).as(context).isEmpty();
            assertThat(after).as("the folder after the command: nothing left behind, no input changed").isEqualTo(before);
        } finally {
            deleteTree(dir);
        }
    }

    /** Every entry under {@code dir} with its content hash (regular files) or its kind (links, FIFOs, folders). */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String key = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) m.put(key, "link -> " + Files.readSymbolicLink(p));
                else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) m.put(key, "folder");
                else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) m.put(key, Files.size(p) > (64 << 20)
                        ? "large, " + Files.size(p) + " bytes, modified " + Files.getLastModifiedTime(p) : sha256(p));
                else m.put(key, "special");
            }
        }
        return m;
    }

    private static String sha256(Path p) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(p)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Override public String toString() { return name; }
}
