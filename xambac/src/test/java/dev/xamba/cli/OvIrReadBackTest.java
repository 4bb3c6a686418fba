package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.codegen.OvIrWriter;
import dev.xamba.codegen.RenderedIr;
import dev.xamba.codegen.WriterOptions;
import dev.xamba.frontend.onnx.ImportOptions;
import dev.xamba.frontend.ovxml.OvIrImporter;
import dev.xamba.frontend.text.TextIrParser;
import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.DiagnosticException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IR reader is the writer's exact inverse: OpenVINO IR that xambac wrote, read back and written again, is the
 * same bytes ({@code .xml} and {@code .bin}). Checked on every lit input in the ov dialect (all op kinds the lit
 * tests use) and on xambac's output for every real model (with the XAMBA rewrites the npu4 target chooses).
 */
class OvIrReadBackTest {
    @TempDir Path dir;

    @TestFactory
    Stream<DynamicTest> everyOvLitInputReadsBackToTheSameIr() throws IOException {
        Path lit = RepoFiles.root().resolve("lit-tests");
        List<Path> inputs;
        try (Stream<Path> files = Files.walk(lit)) {
            inputs = files.filter(p -> p.toString().endsWith(".xir")).filter(LitInputsRoundTripTest::isValidIr).sorted()
                    .collect(Collectors.toList());
        }
        List<DynamicTest> tests = inputs.stream().flatMap(p -> LitInputsRoundTripTest.validChunks(p).stream()
                .flatMap(chunk -> writable(chunk.text(), p.toString()).stream().map(ir -> DynamicTest.dynamicTest(
                        lit.relativize(p) + ":" + chunk.firstLine(), () -> assertReadsBack(ir, "lit" + chunk.firstLine())))))
                .toList();
        assertThat(tests).as("lit inputs in the ov dialect").hasSizeGreaterThanOrEqualTo(5);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> xambacsOutputForEveryModelReadsBackToTheSameIr() throws IOException {
        return DeterminismTest.models().stream().map(onnx -> DynamicTest.dynamicTest(onnx.getFileName().toString(), () -> {
            Path xml = dir.resolve(onnx.getFileName().toString().replace(".onnx", ".xml"));
            CliRunner.Result r = CliRunner.run("compile", onnx.toString(), "-o", xml.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            RenderedIr again = OvIrWriter.render(OvIrImporter.importModel(xml, ImportOptions.defaults().withFoldConstants(false)),
                    WriterOptions.DEFAULT);
            assertThat(again.xmlText()).isEqualTo(Files.readString(xml));
            assertThat(again.bin()).isEqualTo(Files.readAllBytes(OvIrWriter.binPathFor(xml)));
        }));
    }

    @org.junit.jupiter.api.Test
    void outputsSharingATensorReadBackWithTheirOwnNames() throws IOException {
        // The ReLU's tensor is outputs b and a (names="a,b", sorted), the input x is also output w (names="w,x"): each
        // Result and the Parameter are named after their own name, which the reader takes from the set.
        String text = """
                module {
                  func.func @main(%x: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) attributes {arg_names = ["x"], result_names = ["b", "a", "w"]} {
                    %r = "ov.ReLU"(%x) : (tensor<3xf32>) -> tensor<3xf32>
                    func.return %r, %r, %x : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
                  }
                }
                """;
        RenderedIr ir = writable(text, "aliases.xir").orElseThrow();
        assertThat(ir.xmlText()).contains("names=\"a,b\"", "names=\"w,x\"");
        assertReadsBack(ir, "aliases");
        Path xml = dir.resolve("aliases.xml");
        dev.xamba.ir.ops.builtin.FuncOp main = new dev.xamba.ir.ops.builtin.ModuleOp(OvIrImporter.importModel(xml,
                ImportOptions.defaults().withFoldConstants(false))).function("main").orElseThrow();
        assertThat(List.of(main.argName(0))).containsExactly("x");
        assertThat(List.of(main.resultName(0), main.resultName(1), main.resultName(2))).containsExactly("b", "a", "w");
    }

    /** The chunk's module as OpenVINO IR, when it is one the writer takes (ov ops only, in a {@code @main}). */
    private static Optional<RenderedIr> writable(String text, String name) {
        try {
            Operation module = TextIrParser.parse(text, name);
            return Optional.of(OvIrWriter.render(module, WriterOptions.DEFAULT));
        } catch (DiagnosticException notOv) {
            return Optional.empty();
        }
    }

    private void assertReadsBack(RenderedIr first, String stem) throws IOException {
        Path xml = dir.resolve(stem + ".xml");
        Files.write(xml, first.xml());
        Files.write(OvIrWriter.binPathFor(xml), first.bin());
        Operation module = OvIrImporter.importModel(xml, ImportOptions.defaults().withFoldConstants(false));
        RenderedIr again = OvIrWriter.render(module, WriterOptions.DEFAULT);
        assertThat(again.xmlText()).isEqualTo(first.xmlText());
        assertThat(again.bin()).isEqualTo(first.bin());
    }
}
