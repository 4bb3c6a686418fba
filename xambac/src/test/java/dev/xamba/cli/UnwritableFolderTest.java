package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output in a folder where no file can be created is refused before the work, not after it: {@code calibrate}
 * measures for a minute, a 96-layer compile takes seconds. The folder is made unwritable for real: read-only
 * permissions for a normal user, the immutable attribute ({@code chattr +i}) for root, whom permissions do not stop.
 */
class UnwritableFolderTest {
    @TempDir
    Path dir;

    private Path locked;
    private boolean immutable;

    @BeforeEach
    void lockAFolder() throws IOException, InterruptedException {
        locked = Files.createDirectory(dir.resolve("locked"));
        if ("root".equals(System.getProperty("user.name"))) {
            Process p = new ProcessBuilder("chattr", "+i", locked.toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes());
            immutable = p.waitFor() == 0;
            assumeTrue(immutable, "chattr +i failed here: " + said);
        } else {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
    }

    @AfterEach
    void unlock() throws IOException, InterruptedException {
        if (immutable) new ProcessBuilder("chattr", "-i", locked.toString()).start().waitFor();
        else Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void calibrateRefusesTheOutputBeforeMeasuring() throws IOException {
        long start = System.nanoTime();
        CliRunner.Result r = CliRunner.run("calibrate", "--quick", "-o", locked.resolve("cpu.json").toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("xambac: error: " + locked.resolve("cpu.json") + ": cannot create a file in " + locked
                + " (" + (immutable ? "Operation not permitted" : "permission denied") + ")\n");
        assertEmpty(locked);
    }

    @Test
    void compileRefusesAnOutputBelowAnUnwritableFolder() throws IOException {
        Path onnx = RepoFiles.root().resolve("testdata/mamba_tiny_l2_t16.onnx");

        CliRunner.Result r = CliRunner.run("compile", onnx.toString(), "-o", locked.resolve("sub/m.xml").toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("xambac: error: " + locked.resolve("sub/m.xml") + ": cannot create a file in " + locked + " (");
        assertEmpty(locked);
    }

    private static void assertEmpty(Path folder) throws IOException {
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
    }
}
