package dev.xamba.api;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's tiny test models, found from a test's working directory (the module folder under Maven). */
final class TestModels {
    private TestModels() {}

    static Path testdata(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("testdata"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("testdata/ not found above " + Path.of("").toAbsolutePath());
        return p.resolve("testdata").resolve(name);
    }
}
