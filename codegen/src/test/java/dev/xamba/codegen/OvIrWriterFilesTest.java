package dev.xamba.codegen;

import static dev.xamba.codegen.TestGraph.f32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.codegen.RoundTrip.Tolerance;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.loc.Location;
import dev.xamba.openvino.OvCompiledModel;
import dev.xamba.openvino.OvInferRequest;
import dev.xamba.openvino.OvModel;
import dev.xamba.openvino.OvTensorData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing to files (atomically, deterministically), unsupported input, and whole models through the runtime. */
class OvIrWriterFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesXmlAndBinNextToItThatOpenVinoReadsFromDisk() throws IOException {
        Path xml = dir.resolve("tiny.xml");
        OvIrWriter.write(OvIrWriterXmlTest.tinyModel(), xml, WriterOptions.DEFAULT);
        assertThat(Files.readString(xml)).isEqualTo(OvIrWriterXmlTest.TINY_XML);
        assertThat(Files.size(dir.resolve("tiny.bin"))).isEqualTo(32);
        assertThat(OvIrWriter.binPathFor(xml)).isEqualTo(dir.resolve("tiny.bin"));
        try (OvModel model = RoundTrip.runtime().readModel(xml);
             OvCompiledModel compiled = RoundTrip.runtime().compile(model, "CPU", RoundTrip.EXACT);
             OvInferRequest request = compiled.createInferRequest()) {
            assertThat(model.inputNames()).containsExactly("x", "a");
            assertThat(model.outputNames()).containsExactly("y_cumsum", "y_matmul");
            List<OvTensorData> out = request.run(List.of(OvTensorData.ofFloats(new long[] {1, 4}, 1, 2, 3, 4),
                    OvTensorData.ofFloats(new long[] {1, 3}, 1, 1, 1)));
            assertThat(out.get(0).toFloatArray()).containsExactly(1, 3, 6, 10);
            assertThat(out.get(1).toFloatArray()).containsExactly(9, 12);
        }
        assertThat(listing()).containsExactly("tiny.bin", "tiny.xml");
    }

    @Test
    void aLargeConstantKeptInF32IsFoundWhileWritingAndTheModelWrittenAgain() throws IOException {
        // 80 KB, too large to be checked before the layout: the first write finds it mostly (80%) outside f16's
        // range, so the model is laid out and written again with it in f32. One .bin and one .xml are left, equal
        // to the rendered ones (which take the same two passes), and OpenVINO computes with the exact values.
        int n = 20_000;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = i % 5 == 4 ? 3 : 1e6;
        Path xml = dir.resolve("kept.xml");
        TestGraph g = TestGraph.withInputs(f32(n));
        Value w = g.create("ov.Constant", TestGraph.attrs("value", new dev.xamba.ir.attr.DenseElementsAttr(
                dev.xamba.ir.eval.Tensor.ofDoubles(f32(n), values))), Location.name("W")).result();
        Operation module = g.ret(g.op("ov.Multiply", Map.of(), g.arg(0), w));
        OvIrWriter.write(module, xml, WriterOptions.FP16_WEIGHTS);
        assertThat(listing()).containsExactly("kept.bin", "kept.xml");
        RenderedIr rendered = OvIrWriter.render(module, WriterOptions.FP16_WEIGHTS);
        assertThat(Files.readAllBytes(xml)).isEqualTo(rendered.xml());
        assertThat(Files.readAllBytes(dir.resolve("kept.bin"))).isEqualTo(rendered.bin()).hasSize(4 * n);
        assertThat(IrXml.parse(rendered).layersOfType("Convert")).isEmpty();
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1);
        try (OvModel model = RoundTrip.runtime().readModel(xml);
             OvCompiledModel compiled = RoundTrip.runtime().compile(model, "CPU", RoundTrip.EXACT);
             OvInferRequest request = compiled.createInferRequest()) {
            float[] y = request.run(List.of(OvTensorData.ofFloats(new long[] {n}, ones))).get(0).toFloatArray();
            assertThat(y[0]).isEqualTo(1e6f);
            assertThat(y[4]).isEqualTo(3f);
        }
    }

    @Test
    void writingTwiceGivesIdenticalBytes() throws IOException {
        Path a = dir.resolve("a.xml");
        Path b = dir.resolve("b.xml");
        OvIrWriter.write(SampleModels.mambaBlockLike(), a, WriterOptions.DEFAULT);
        OvIrWriter.write(SampleModels.mambaBlockLike(), b, WriterOptions.DEFAULT);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a)).isEqualTo(
                OvIrWriter.render(SampleModels.mambaBlockLike(), WriterOptions.DEFAULT).xml());
        assertThat(Files.readAllBytes(dir.resolve("b.bin"))).isEqualTo(Files.readAllBytes(dir.resolve("a.bin")));
        OvIrWriter.write(SampleModels.mambaBlockLike(), a, WriterOptions.DEFAULT); // overwrites in place
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void aFolderWhereTheXmlGoesIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path xml = dir.resolve("model.xml");
        Files.createDirectories(xml);
        Files.writeString(xml.resolve("keep"), "a non-empty directory where the .xml should go");
        assertThatThrownBy(() -> OvIrWriter.write(SampleModels.mambaBlockLike(), xml, WriterOptions.DEFAULT))
                .isInstanceOf(IOException.class);
        assertThat(listing()).containsExactly("model.xml");
        assertThat(Files.isDirectory(xml)).isTrue();
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNoTemporaries() throws IOException {
        // The failure comes while the .bin is written, after both the refusal checks and the temporary .bin's
        // creation: first an exception, then an Error (a library caller's process goes on after either, and the
        // exit-time clean-up would leave the temporary file until it ends).
        for (Throwable failure : new Throwable[] {new java.io.UncheckedIOException(new IOException("disk full")),
                new OutOfMemoryError("Java heap space")}) {
            WriteProgress failing = (written, total) -> {
                if (failure instanceof Error err) throw err;
                throw (RuntimeException) failure;
            };
            assertThatThrownBy(() -> OvIrWriter.write(SampleModels.mambaBlockLike(), dir.resolve("m.xml"), WriterOptions.DEFAULT,
                    failing)).isSameAs(failure);
            assertThat(listing()).isEmpty();
        }
    }

    @Test
    void aWeightsFileThatChangedIsOneErrorNotOnePerWeight() throws IOException {
        // Three weights of one size in one file (the second makes the table compare them, reading the file); the file
        // then shrinks, as when the model is rewritten during a compile. Every weight after the first would fail the
        // same way: one error, naming the first, and nothing written.
        Path data = Files.write(dir.resolve("w.data"), new byte[3 * 64]);
        TestGraph g = TestGraph.withInputs(f32(16));
        Value sum = g.arg(0);
        for (int i = 0; i < 3; i++) {
            dev.xamba.ir.attr.ResourceHandle h = new dev.xamba.ir.attr.ResourceHandle("w" + i, java.nio.ByteBuffer.allocate(64),
                    new dev.xamba.ir.attr.FileRegion(data, 64L * i, 64));
            Value w = g.create("ov.Constant", TestGraph.attrs("value", new dev.xamba.ir.attr.DenseResourceAttr(h, f32(16))),
                    Location.name("w" + i)).result();
            sum = g.op("ov.Add", Map.of(), sum, w);
        }
        Operation module = g.ret(sum);
        try (var ch = java.nio.channels.FileChannel.open(data, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(10);
        }
        assertThatThrownBy(() -> OvIrWriter.write(module, dir.resolve("m.xml"), WriterOptions.DEFAULT))
                .isInstanceOfSatisfying(DiagnosticException.class, e -> assertThat(e.diagnostics()).singleElement()
                        .extracting(Diagnostic::render).asString().startsWith("\"w1\": error: 'ov.Constant' op cannot read its weights: '")
                        .endsWith("w.data' changed while compiling: it no longer holds the weights read from it"));
        assertThat(listing()).containsExactly("w.data");
    }

    /** Three 64-byte weights of {@code data}, whose regions carry the file's version as the importers record it. */
    private static Operation threeWeightsOf(Path data) throws IOException {
        dev.xamba.ir.attr.FileVersion version = dev.xamba.ir.attr.FileVersion.of(data);
        java.nio.ByteBuffer mapped = java.nio.ByteBuffer.wrap(Files.readAllBytes(data));
        TestGraph g = TestGraph.withInputs(f32(16));
        Value sum = g.arg(0);
        for (int i = 0; i < 3; i++) {
            dev.xamba.ir.attr.ResourceHandle h = new dev.xamba.ir.attr.ResourceHandle("w" + i,
                    mapped.duplicate().position(64 * i).limit(64 * (i + 1)).slice(), new dev.xamba.ir.attr.FileRegion(data, 64L * i, 64, version));
            Value w = g.create("ov.Constant", TestGraph.attrs("value", new dev.xamba.ir.attr.DenseResourceAttr(h, f32(16))),
                    Location.name("w" + i)).result();
            sum = g.op("ov.Add", Map.of(), sum, w);
        }
        return g.ret(sum);
    }

    /** Writes a file of the same size with other bytes and renames it over {@code data}, as an export script would. */
    private static void replaceBySameSize(Path data) throws IOException {
        Path fresh = Files.write(data.resolveSibling("fresh.tmp"), new byte[(int) Files.size(data)]);
        Files.move(fresh, data, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void aWeightsFileReplacedBySameSizedOtherBytesIsAnErrorNotOtherWeights() throws IOException {
        // Only a shrunk file was noticed: a same-sized file renamed over the model gave its bytes to the .bin.
        byte[] ones = new byte[3 * 64];
        java.util.Arrays.fill(ones, (byte) 1);
        Path data = Files.write(dir.resolve("w.data"), ones);
        Operation module = threeWeightsOf(data);
        replaceBySameSize(data);
        assertThatThrownBy(() -> OvIrWriter.write(module, dir.resolve("m.xml"), WriterOptions.DEFAULT))
                .isInstanceOfSatisfying(DiagnosticException.class, e -> assertThat(e.diagnostics()).singleElement()
                        .extracting(Diagnostic::render).asString().contains("cannot read its weights")
                        .endsWith("w.data' changed while compiling: it no longer holds the weights read from it"));
        assertThat(listing()).containsExactly("w.data");

        // Replaced while the .bin is being written (after the layout read it): the same error, nothing left.
        Operation again = threeWeightsOf(Files.write(data, ones));
        WriteProgress replacing = (written, total) -> {
            if (written == 0) {
                try {
                    replaceBySameSize(data);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        assertThatThrownBy(() -> OvIrWriter.write(again, dir.resolve("m.xml"), WriterOptions.DEFAULT, replacing))
                .isInstanceOf(IOException.class).hasMessageEndingWith("w.data' changed while compiling: it no longer holds the weights read from it");
        assertThat(listing()).containsExactly("w.data");
    }

    @Test
    void unsupportedOpsAreAllReportedAndNothingIsWritten() throws IOException {
        TestGraph g = TestGraph.withInputs(f32(4));
        Value a = g.create("onnx.Relu", Map.of(), Location.name("/relu"), g.arg(0)).result();
        Value b = g.create("ov.Exp", Map.of(), Location.name("/exp"), a).result();
        Value c = g.create("onnx.Neg", Map.of(), Location.name("/neg"), b).result();
        Value d = g.unchecked("ov.NotAnOp", Location.name("/made_up"), c);
        Operation module = g.ret(d);
        assertThatThrownBy(() -> OvIrWriter.write(module, dir.resolve("m.xml"), WriterOptions.DEFAULT))
                .isInstanceOfSatisfying(DiagnosticException.class, e -> {
                    assertThat(e.diagnostics()).extracting(Diagnostic::render).containsExactly(
                            "\"/relu\": error: 'onnx.Relu' op cannot be written as OpenVINO IR: only registered 'ov' ops can"
                                    + " (legalize the module to the ov dialect first)",
                            "\"/neg\": error: 'onnx.Neg' op cannot be written as OpenVINO IR: only registered 'ov' ops can"
                                    + " (legalize the module to the ov dialect first)",
                            "\"/made_up\": error: 'ov.NotAnOp' op cannot be written as OpenVINO IR: only registered 'ov' ops can");
                });
        assertThat(listing()).isEmpty();
    }

    @Test
    void aModuleThatDoesNotVerifyIsRejected() {
        TestGraph g = TestGraph.withInputs(f32(4));
        Value relu = g.op("ov.ReLU", Map.of(), g.arg(0));
        Operation module = g.ret(relu);
        relu.definingOp().setAttr("bogus", dev.xamba.ir.attr.BoolAttr.TRUE);
        assertThatThrownBy(() -> OvIrWriter.render(module, WriterOptions.DEFAULT))
                .isInstanceOf(DiagnosticException.class).hasMessageContaining("unknown attribute 'bogus'");
    }

    @Test
    void mambaLikeBlockMatchesTheReferenceOnTheRuntime() {
        RoundTrip.check(SampleModels.mambaBlockLike(), new Tolerance(2e-5, 1e-5));
    }

    @Test
    void fp16WeightsRunWithinHalfPrecisionOfTheReference() {
        // The weights lose precision (relative 2^-11), so the comparison is loose; the exact check of the f16
        // pattern's bytes is in OvIrWriterXmlTest.
        RoundTrip.check(SampleModels.mambaBlockLike(), new Tolerance(2e-2, 2e-2), RoundTrip.GAUSSIAN, WriterOptions.FP16_WEIGHTS);
    }

    @Test
    void outputsMayRepeatAValueOrPassAnInputThrough() {
        TestGraph g = TestGraph.withInputs(f32(3), f32(3));
        Value sum = g.op("ov.Add", Map.of(), g.arg(0), g.arg(1));
        sum.setNameHint("sum");
        RenderedIr ir = OvIrWriter.render(g.ret(sum, g.arg(1), sum), WriterOptions.DEFAULT);
        try (OvModel model = RoundTrip.runtime().readModelFromMemory(ir.xmlText(), ir.bin());
             OvCompiledModel compiled = RoundTrip.runtime().compile(model, "CPU");
             OvInferRequest request = compiled.createInferRequest()) {
            assertThat(model.outputNames()).containsExactly("sum", "x1", "sum");
            List<OvTensorData> out = request.run(List.of(OvTensorData.ofFloats(new long[] {3}, 1, 2, 3),
                    OvTensorData.ofFloats(new long[] {3}, 10, 20, 30)));
            assertThat(out).extracting(OvTensorData::toFloatArray)
                    .containsExactly(new float[] {11, 22, 33}, new float[] {10, 20, 30}, new float[] {11, 22, 33});
        }
    }

    @Test
    void eachOutputIsFoundByItsOwnNameWhenOutputsShareAValue() {
        // ONNX outputs y = Relu(x), z = Identity(y) and w = the input x0 itself: after import y and z are one value,
        // and w is the argument. Each output must keep its own name (it was y, y and x0: output("z") failed).
        TestGraph g = TestGraph.withInputs(f32(3));
        Value y = g.op("ov.ReLU", Map.of(), g.arg(0));
        Operation module = g.ret(y, y, g.arg(0));
        g.main().setArgNames(List.of("x0"));
        g.main().setResultNames(List.of("y", "z", "w"));
        RenderedIr ir = OvIrWriter.render(module, WriterOptions.DEFAULT);
        try (OvModel model = RoundTrip.runtime().readModelFromMemory(ir.xmlText(), ir.bin())) {
            for (String name : List.of("y", "z", "w", "x0")) assertThat(model.hasOutputNamed(name)).as(name).isTrue();
            assertThat(model.hasOutputNamed("nope")).isFalse();
        }
        assertThat(ir.xmlText()).contains("names=\"y,z\"", "names=\"w,x0\"", "name=\"z/sink_port_0\"", "name=\"w/sink_port_0\"");
    }

    @Test
    void dynamicBatchRunsWithAnyBatch() {
        TestGraph g = TestGraph.withInputs(f32(-1, 3));
        Value y = g.op("ov.Add", Map.of(), g.op("ov.ReLU", Map.of(), g.arg(0)), g.f32(1f));
        RenderedIr ir = OvIrWriter.render(g.ret(y), WriterOptions.DEFAULT);
        try (OvModel model = RoundTrip.runtime().readModelFromMemory(ir.xmlText(), ir.bin());
             OvCompiledModel compiled = RoundTrip.runtime().compile(model, "CPU");
             OvInferRequest request = compiled.createInferRequest()) {
            assertThat(model.inputs().get(0).shape()).containsExactly(-1, 3);
            List<OvTensorData> out = request.run(List.of(OvTensorData.ofFloats(new long[] {2, 3}, -1, 2, -3, 4, -5, 6)));
            assertThat(out.get(0).shape()).containsExactly(2, 3);
            assertThat(out.get(0).toFloatArray()).containsExactly(1, 3, 1, 5, 1, 7);
        }
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
