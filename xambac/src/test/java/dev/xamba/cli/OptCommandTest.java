package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptCommandTest {
    private static final String VALID = """
            module {
              func.func @main(%arg0: tensor<4xf32>) -> tensor<4xf32> {
                %0 = "ov.ReLU"(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
                func.return %0 : tensor<4xf32>
              }
            }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void printsTheParsedModule() throws IOException {
        CliRunner.Result r = CliRunner.run("opt", write("ok.xir", VALID).toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(VALID);
    }

    /** An empty fused location was an internal error (exit 3) when an op error cited it; an unknown part named nothing. */
    @Test
    void anErrorAtAnOpWithAFusedLocationThatSaysLittle() throws IOException {
        Path p = write("fused.xir", """
                func.func @f(%arg0: tensor<2xf32>) -> tensor<2xf32> {
                  %0 = "ov.ReLU"(%arg0) : (tensor<2xf32>) -> tensor<3xf32> loc(fused[])
                  %1 = "ov.ReLU"(%arg0) : (tensor<2xf32>) -> tensor<3xf32> loc(fused[unknown, "a"])
                  func.return %arg0 : tensor<2xf32>
                }
                """);
        CliRunner.Result r = CliRunner.run("opt", p.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        String error = "error: 'ov.ReLU' op result #0 has type tensor<3xf32> but its operands and attributes give tensor<2xf32>";
        assertThat(r.err()).isEqualTo(p + ":2:3: " + error + "\n" + p + ":3:3: " + error + "\n\"a\": note: op location\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "module {",
            "module { func.func @f() { func.return } } }",
            "\"ov.ReLU\"",
            "module { func.func @f(%a: tensor<4xf32>) -> tensor<4xf32> { %0 = \"ov.ReLU\"(%a) : (tensor<4xf32>) -> tensor<4xf32> } }",
            "module { func.func @f() -> tensor<99999999999999999999xf32> { func.return } }",
            "module { func.func @f() { %0 = \"ov.Constant\"() {value = dense<[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]> : tensor<1xf32>} : () -> tensor<1xf32> func.return } }",
            "\u0000\u0001binary",
            "module { func.func @f(%a: tensor<-3xf32>) { func.return } }",
    })
    void malformedInputIsOneDiagnosticWithExitCodeOne(String text) throws IOException {
        Path p = write("bad.xir", text);
        CliRunner.Result r = CliRunner.run("opt", p.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(p + ":").contains(": error: ")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void missingFileIsAnError() {
        CliRunner.Result r = CliRunner.run("opt", dir.resolve("nope.xir").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("xambac: error: " + dir.resolve("nope.xir") + ": no such file\n");
    }

    @Test
    void outputGoesToTheFileAndNothingElse() throws IOException {
        Path out = dir.resolve("out.xir");
        CliRunner.Result r = CliRunner.run("opt", write("ok.xir", VALID).toString(), "-o", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(VALID);
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("ok.xir", "out.xir");
        }
    }

    @Test
    void failedRunLeavesNoOutputFile() throws IOException {
        Path out = dir.resolve("out.xir");
        CliRunner.Result r = CliRunner.run("opt", write("bad.xir", "module {").toString(), "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void outputFolderIsCreated() throws IOException {
        Path out = dir.resolve("new/folder/out.xir");
        CliRunner.Result r = CliRunner.run("opt", write("ok.xir", VALID).toString(), "-o", out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(Files.readString(out)).isEqualTo(VALID);
    }

    @Test
    void outputUnderAFileIsAnError() throws IOException {
        Path file = write("plain", "x");
        CliRunner.Result r = CliRunner.run("opt", write("ok.xir", VALID).toString(), "-o", file.resolve("out.xir").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("xambac: error: " + file.resolve("out.xir") + ": cannot create its folder");
    }

    @Test
    void outputOntoAFolderIsAnError() throws IOException {
        CliRunner.Result r = CliRunner.run("opt", write("ok.xir", VALID).toString(), "-o", dir.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("is a folder; xambac only replaces regular files");
    }

    @Test
    void unknownPassIsAnError() throws IOException {
        CliRunner.Result r = CliRunner.run("opt", write("ok.xir", VALID).toString(), "--passes", "bogus");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("xambac opt: error: unknown pass 'bogus' (known passes: canonicalize, cse").endsWith(" (see 'xambac opt --help')\n");
    }

    @Test
    void helpListsEveryPass() {
        CliRunner.Result r = CliRunner.run("opt", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--passes", "--print-ir-after-all", "--verify-each", "--timing", "canonicalize", "cse");
    }
}
