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

    /** Element type codes are enum positions of the 2026 headers; 2025 numbers them one further (UNDEFINED = 0). */
    @Test
    void onlyTheReleaseTheBindingIsBuiltForIsLoaded() {
        Path lib = Path.of("/opt/ov/libopenvino_c.so");
        OvNativeLibrary.requireSupported("2026.4.1-22982-e213a147257-releases/2026/4", lib);
        assertThatThrownBy(() -> OvNativeLibrary.requireSupported("2025.2.0-19140-c01cd93e24d-releases/2025/2", lib))
                .isInstanceOf(OpenVinoNotFoundException.class)
                .hasMessageStartingWith("The OpenVINO runtime at /opt/ov/libopenvino_c.so is release 2025.2.0-19140-c01cd93e24d-releases/2025/2;"
                        + " xamba's binding is built for OpenVINO 2026.x (set OPENVINO_LIB_DIR to such a runtime)\n");
        assertThatThrownBy(() -> OvNativeLibrary.requireSupported("20260.1", lib)).isInstanceOf(OpenVinoNotFoundException.class);
    }

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
