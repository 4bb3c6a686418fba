package dev.xamba.api.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.opt.cost.device.Targets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a chosen target is named to the passes. */
class TargetChoiceTest {
    @TempDir Path dir;

    @Test
    void aTargetFileNamedLikeABuiltInTargetStaysAFile() throws IOException {
        // --target-file cpu (a file named cpu in the working folder): the passes were given "cpu" and costed against
        // the built-in cpu target, while the compile's other choices came from the file.
        for (String builtIn : Targets.BUILT_IN) {
            String spec = TargetChoice.fileSpec(Path.of(builtIn));
            assertThat(Targets.file(spec)).as(spec).contains(Path.of(spec));
            assertThat(Path.of(spec).normalize()).isEqualTo(Path.of(builtIn));
        }
        Path file = dir.resolve("t.json");
        try (InputStream npu4 = Targets.class.getResourceAsStream("/dev/xamba/opt/cost/targets/npu4.json")) {
            Files.write(file, npu4.readAllBytes());
        }
        assertThat(new TargetChoice(null, file).spec()).isEqualTo(file.toString());
        assertThat(new TargetChoice("cpu", null).spec()).isEqualTo("cpu");
    }
}
