package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code xambac --version} names the version and the git commit the jar was built from. */
class VersionTest {
    @Test
    void printsTheVersionAndTheCommit() throws Exception {
        CliRunner.Result r = CliRunner.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().strip()).matches("xambac \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{7,}|unknown)\\)");
        // Built from this repository's work tree: the commit is known (a source tarball would say unknown).
        if (java.nio.file.Files.exists(RepoFiles.root().resolve(".git"))) assertThat(r.out()).doesNotContain("unknown");
    }

    /** Every command's {@code -V} prints the same line (it printed nothing, exit 0). */
    @Test
    void everyCommandPrintsIt() throws Exception {
        String version = CliRunner.run("--version").out();
        for (String command : java.util.List.of("compile", "opt", "run", "verify", "report", "calibrate")) {
            CliRunner.Result r = CliRunner.run(command, "-V");
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out()).as(command).isEqualTo(version);
        }
    }
}
