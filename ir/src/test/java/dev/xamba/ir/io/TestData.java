package dev.xamba.ir.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code testdata} folder by walking up from the working directory. */
final class TestData {
    private TestData() {}

    static Path file(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("testdata");
            if (Files.isDirectory(candidate)) return candidate.resolve(name);
        }
        throw new IllegalStateException("no testdata folder above " + Path.of("").toAbsolutePath());
    }
}
