package dev.xamba.openvino;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OvLibraryLocatorTest {
    @TempDir
    Path dir;

    @Test
    void prefersTheUnversionedName() throws Exception {
        Files.createFile(dir.resolve("libopenvino_c.so.2641"));
        Files.createFile(dir.resolve("libopenvino_c.so"));
        assertThat(OvLibraryLocator.libraryIn(dir)).isEqualTo(dir.resolve("libopenvino_c.so").toAbsolutePath());
    }

    @Test
    void takesTheNewestVersionedName() throws Exception {
        Files.createFile(dir.resolve("libopenvino_c.so.2530"));
        Files.createFile(dir.resolve("libopenvino_c.so.2641"));
        Files.createFile(dir.resolve("libopenvino.so.2641"));
        assertThat(OvLibraryLocator.libraryIn(dir)).isEqualTo(dir.resolve("libopenvino_c.so.2641").toAbsolutePath());
    }

    @Test
    void acceptsTheLibraryFileItself() throws Exception {
        Path file = Files.createFile(dir.resolve("libopenvino_c.so.2641"));
        assertThat(OvLibraryLocator.libraryIn(file)).isEqualTo(file.toAbsolutePath());
    }

    @Test
    void aWrongExplicitDirectoryExplainsHowToInstall() {
        assertThatThrownBy(() -> OvLibraryLocator.requireLibrary(dir, "environment variable OPENVINO_LIB_DIR"))
                .isInstanceOf(OpenVinoNotFoundException.class)
                .hasMessageContaining("OPENVINO_LIB_DIR points at " + dir)
                .hasMessageContaining("scripts/setup-venv.sh");
    }
}
