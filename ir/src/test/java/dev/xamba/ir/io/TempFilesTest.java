package dev.xamba.ir.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary output files in a process that writes many outputs (a compile service). */
class TempFilesTest {
    @TempDir
    Path dir;

    @Test
    void forgetsTemporaryFilesOnceRenamedOrDeleted() throws Exception {
        for (int i = 0; i < 200; i++) {
            Path tmp = TempFiles.createBeside(dir, ".out" + i + ".", ".tmp");
            if (i % 2 == 0) Files.move(tmp, dir.resolve("out" + i));
            else Files.delete(tmp);
        }
        Path live = TempFiles.createBeside(dir, ".live.", ".tmp");
        // Only files that still exist are remembered: this one (and any another test left behind), not all 201.
        assertThat(TempFiles.remembered()).isBetween(1, 10);
        assertThat(live).exists();
    }
}
