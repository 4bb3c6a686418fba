package dev.xamba.ir.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RegularFiles}: what is refused before a file is opened, and that nothing else is. */
class RegularFilesTest {
    @TempDir Path dir;

    @Test
    void aSmallRegularFileHasNoProblem() throws IOException {
        Path f = Files.writeString(dir.resolve("t.json"), "{}");
        assertThat(RegularFiles.problem(f, 2, "")).isNull();
        assertThat(RegularFiles.problem(Files.createSymbolicLink(dir.resolve("link.json"), f), 2, "")).isNull();
    }

    @Test
    void namesWhatIsWrong() throws IOException {
        assertThat(RegularFiles.problem(dir.resolve("missing.json"), 10, "")).isEqualTo("no such file");
        assertThat(RegularFiles.problem(dir, 10, "")).isEqualTo("is a folder, expected a file");
        Path loop = dir.resolve("a");
        Files.createSymbolicLink(loop, dir.resolve("b"));
        Files.createSymbolicLink(dir.resolve("b"), loop);
        assertThat(RegularFiles.problem(loop, 10, "")).isEqualTo("is a symbolic link to nothing (a missing file, or a loop of links)");
    }

    @Test
    void refusesAFifoWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("f.json");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        // Opening it would block this test until someone writes: returning at all shows it was not opened.
        assertThat(RegularFiles.problem(fifo, 10, "")).startsWith("is not a regular file (a FIFO, device or socket)");
    }

    @Test
    void aFileOverTheLimitGetsTheCallersNote() throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: no disk used
        }
        assertThat(RegularFiles.problem(big, 1 << 20, " (raise it with --max)"))
                .isEqualTo("has 3221225472 bytes, more than the limit of 1048576 (raise it with --max)");
        assertThat(RegularFiles.problem(big, 3L << 30, "")).isNull();
    }

    @Test
    void readsUtf8AndRejectsOtherBytes() throws IOException {
        assertThat(RegularFiles.readUtf8(Files.writeString(dir.resolve("ok.json"), "{\"name\": \"NPU über\"}")))
                .isEqualTo("{\"name\": \"NPU über\"}");
        Path latin1 = Files.write(dir.resolve("bad.json"), new byte[] {'{', (byte) 0xff, '}'});
        assertThatThrownBy(() -> RegularFiles.readUtf8(latin1)).isInstanceOf(CharacterCodingException.class)
                .isInstanceOfSatisfying(MalformedText.class, e -> assertThat(e.where()).isEqualTo("byte 0xFF at line 1, column 2"));
        // Lines and columns as the parsers count them: columns in characters (a two-byte é is one), lines by \n.
        Path later = Files.write(dir.resolve("later.json"), "{\n  \"é\": \"\u00ff".getBytes(StandardCharsets.UTF_8));
        byte[] cut = Files.readAllBytes(later);
        Files.write(later, Arrays.copyOf(cut, cut.length - 1)); // the last character cut in half
        assertThatThrownBy(() -> RegularFiles.readUtf8(later))
                .isInstanceOfSatisfying(MalformedText.class, e -> assertThat(e.where()).isEqualTo("byte 0xC3 at line 2, column 9"));
    }
}
