package dev.xamba.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.codegen.RenderedIr;
import dev.xamba.opt.cost.report.CostReport;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library entry point: results as values, files written only when asked, user errors as one line. */
class XambaTest {
    private static final Path MODEL = TestModels.testdata("mamba2_tiny_l2_t16.onnx");

    @TempDir
    Path dir;

    @Test
    void compilesToOpenVinoIrInMemoryAndTheSameBytesToAFile() throws Exception {
        CompileResult inMemory = Xamba.compile(MODEL, CompileOptions.defaults());
        RenderedIr ir = inMemory.ir().orElseThrow();
        assertThat(ir.xmlText()).startsWith("<?xml").contains("<net name=").contains("version=\"11\"");
        assertThat(ir.bin()).isNotEmpty();
        assertThat(inMemory.output()).isEmpty();

        Path out = dir.resolve("sub/model.xml");
        CompileResult written = Xamba.compile(MODEL, CompileOptions.defaults().withOutput(out));
        assertThat(written.output()).contains(out);
        assertThat(written.ir()).isEmpty();
        assertThat(Files.readAllBytes(out)).isEqualTo(ir.xml());
        assertThat(Files.readAllBytes(dir.resolve("sub/model.bin"))).isEqualTo(ir.bin());
    }

    /**
     * A path of another file system (here a zip's, whose entry has the text of a real model's path on disk) was
     * read by its text from the disk: the disk's model was compiled instead of the zip's content.
     */
    @Test
    void aPathOfAnotherFileSystemIsRefusedNotReadFromTheDisk() throws Exception {
        Path zip = dir.resolve("models.zip");
        try (FileSystem zipFs = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
            Path inZip = zipFs.getPath(MODEL.toAbsolutePath().toString());
            Files.createDirectories(inZip.getParent());
            Files.write(inZip, new byte[] {1, 2, 3});

            assertThatThrownBy(() -> Xamba.compile(inZip, CompileOptions.defaults()))
                    .isInstanceOf(CompileException.class)
                    .hasMessage(inZip + ": not on the default file system (jar); xamba reads and writes files on the default file system only");
            assertThatThrownBy(() -> Xamba.compile(MODEL, CompileOptions.defaults().withOutput(zipFs.getPath("/out.xml"))))
                    .isInstanceOf(CompileException.class).hasMessageContaining("not on the default file system");
        }
    }

    /** Only the report: no IR rendered into memory (it copies every weight, and holds at most 2 GiB of them). */
    @Test
    void theReportAloneNeedsNoIrInMemory() throws Exception {
        CompileResult r = Xamba.compile(MODEL, CompileOptions.defaults().withReport(true).withIrInMemory(false));
        assertThat(r.report()).isPresent();
        assertThat(r.ir()).isEmpty();
    }

    @Test
    void compressFp16HalvesTheWeights() throws Exception {
        long f32 = Xamba.compile(MODEL, CompileOptions.defaults()).ir().orElseThrow().bin().length;
        long f16 = Xamba.compile(MODEL, CompileOptions.defaults().withCompressFp16(true)).ir().orElseThrow().bin().length;
        assertThat(f16).isLessThan(f32 * 6 / 10);
    }

    @Test
    void theReportPredictsTheRewritesSpeedupAndRemarksSayWhy() throws Exception {
        CompileResult r = Xamba.compile(MODEL, CompileOptions.defaults().withTarget("npu4").withXamba("auto").withReport(true).withRemarks(true));
        CostReport report = r.report().orElseThrow();
        assertThat(report.target()).isEqualTo("npu4");
        assertThat(report.model()).isEqualTo("mamba2_tiny_l2_t16.onnx");
        assertThat(report.techniques()).extracting(CostReport.Technique::name).containsExactly("contract", "cumba", "reduba");
        assertThat(report.after().totalUs()).isLessThanOrEqualTo(report.baseline().totalUs());
        assertThat(r.remarks()).anySatisfy(d -> assertThat(d.message()).startsWith("[xamba-cumba]"));
        assertThat(Xamba.compile(MODEL, CompileOptions.defaults()).remarks()).isEmpty();
    }

    @Test
    void emitsTextualIr() throws Exception {
        String xir = Xamba.compile(MODEL, CompileOptions.defaults().withEmit(CompileOptions.Emit.XIR)).xir().orElseThrow();
        assertThat(xir).contains("func.func @main").contains("onnx.");
        String again = Xamba.compileXir(xir, "again.xir", CompileOptions.defaults().withEmit(CompileOptions.Emit.XIR)).xir().orElseThrow();
        assertThat(again).isEqualTo(xir);
    }

    @Test
    void aMissingModelIsAOneLineUserError() {
        assertThatThrownBy(() -> Xamba.compile(dir.resolve("nope.onnx"), CompileOptions.defaults()))
                .isInstanceOf(CompileException.class)
                .hasMessageEndingWith("nope.onnx: no such file")
                .satisfies(e -> assertThat(((CompileException) e).diagnostics()).isEmpty());
    }

    @Test
    void anInvalidModelGivesLocatedDiagnostics() {
        assertThatThrownBy(() -> Xamba.compileXir("func.func @main( {", "bad.xir", CompileOptions.defaults()))
                .isInstanceOf(CompileException.class)
                .hasMessageStartingWith("bad.xir:1:")
                .satisfies(e -> assertThat(((CompileException) e).diagnostics()).isNotEmpty());
    }

    @Test
    void badOptionsAreUserErrorsAndWriteNothing() {
        Path out = dir.resolve("m.xml");
        assertThatThrownBy(() -> Xamba.compile(MODEL, CompileOptions.defaults().withTarget("npu9").withOutput(out)))
                .isInstanceOf(CompileException.class).hasMessageStartingWith("--target npu9: unknown target");
        assertThatThrownBy(() -> Xamba.compile(MODEL, CompileOptions.defaults().withXamba("fast")))
                .isInstanceOf(CompileException.class).hasMessageContaining("unknown rewrite 'fast'");
        assertThat(out).doesNotExist();
    }

    @Test
    void neverOverwritesTheModel() throws Exception {
        // An OpenVINO IR model compiled onto itself: the .xml is the input, and its .bin is the input's weights.
        Path xml = dir.resolve("m.xml");
        Xamba.compile(MODEL, CompileOptions.defaults().withXamba("none").withOutput(xml));
        byte[] before = Files.readAllBytes(xml);
        assertThatThrownBy(() -> Xamba.compile(xml, CompileOptions.defaults().withOutput(xml)))
                .isInstanceOf(CompileException.class).hasMessageContaining("refusing to overwrite it");
        assertThat(Files.readAllBytes(xml)).isEqualTo(before);
    }

    @Test
    void optionsAreImmutableCopies() {
        CompileOptions npu = CompileOptions.defaults().withTarget("npu4").withXamba("cumba");
        CompileOptions cpu = npu.withTarget("cpu");
        assertThat(npu.target()).isEqualTo("npu4");
        assertThat(cpu.target()).isEqualTo("cpu");
        assertThat(cpu.xamba()).isEqualTo("cumba");
    }

    @Test
    void knowsItsVersion() {
        assertThat(Xamba.version().version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(Xamba.version().commit()).isNotBlank();
    }
}
