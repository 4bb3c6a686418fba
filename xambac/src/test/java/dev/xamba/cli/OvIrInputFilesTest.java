package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An OpenVINO IR input's {@code .bin} is an input too: no output may replace it, whatever it is called. */
class OvIrInputFilesTest {
    @TempDir Path dir;

    @Test
    void anOutputWhoseBinIsTheInputsWeightsIsRefused() throws Exception {
        Path xml = dir.resolve("m.xml");
        Files.copy(RepoFiles.root().resolve("lit-tests/ovxml/Inputs/add.xml"), xml);
        byte[] weights = {1, 2, 3, 4};
        Files.write(dir.resolve("m.bin"), weights);
        Files.createLink(dir.resolve("alias.bin"), dir.resolve("m.bin"));

        CliRunner.Result r = CliRunner.run("compile", xml.toString(), "-o", dir.resolve("alias.xml").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("alias.bin: is the weights of " + xml).contains("refusing to overwrite it");
        assertThat(Files.readAllBytes(dir.resolve("m.bin"))).isEqualTo(weights);
        assertThat(dir.resolve("alias.xml")).doesNotExist();

        CliRunner.Result ok = CliRunner.run("compile", xml.toString(), "-o", dir.resolve("out.xml").toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("m.bin"))).isEqualTo(weights);
    }
}
