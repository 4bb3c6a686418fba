package dev.xamba.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository from a test's working directory (the module folder under Maven). */
final class RepoFiles {
    private RepoFiles() {}

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("lit-tests"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("repository root (with lit-tests/) not found above " + Path.of("").toAbsolutePath());
        return p;
    }
}
