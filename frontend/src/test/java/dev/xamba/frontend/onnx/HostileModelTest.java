package dev.xamba.frontend.onnx;

import static dev.xamba.frontend.onnx.OnnxBuilder.FLOAT;
import static dev.xamba.frontend.onnx.OnnxBuilder.dims;
import static dev.xamba.frontend.onnx.OnnxBuilder.floats;
import static dev.xamba.frontend.onnx.OnnxBuilder.graph;
import static dev.xamba.frontend.onnx.OnnxBuilder.model;
import static dev.xamba.frontend.onnx.OnnxBuilder.node;
import static dev.xamba.frontend.onnx.OnnxBuilder.tensor;
import static dev.xamba.frontend.onnx.OnnxBuilder.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.xamba.frontend.onnx.proto.AttributeProto;
import dev.xamba.frontend.onnx.proto.GraphProto;
import dev.xamba.frontend.onnx.proto.ModelProto;
import dev.xamba.frontend.onnx.proto.StringStringEntryProto;
import dev.xamba.frontend.onnx.proto.TensorProto;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files a user might hand the importer by mistake or malice: each must give one-line diagnostics, never a crash. */
class HostileModelTest {
    @TempDir Path dir;

    /** Imports the file and returns the diagnostics, checking they are one line each and name the file. */
    private List<Diagnostic> failure(Path file) {
        return failure(file, ImportOptions.defaults());
    }

    private List<Diagnostic> failure(Path file, ImportOptions options) {
        DiagnosticException e = catchThrowableOfType(DiagnosticException.class, () -> OnnxImporter.importModel(file, options));
        assertThat(e).as("import of " + file.getFileName() + " must fail with diagnostics").isNotNull();
        for (Diagnostic d : e.diagnostics()) {
            assertThat(d.render()).doesNotContain("\n").startsWith("\"" + file + "\": error: ");
        }
        return e.diagnostics();
    }

    private String message(Path file) {
        List<Diagnostic> ds = failure(file);
        assertThat(ds).hasSize(1);
        return ds.get(0).message();
    }

    private static GraphProto.Builder relu() {
        return graph().addInput(tensor("x", FLOAT, 2)).addNode(node("r", "Relu", List.of("x"), List.of("y")))
                .addOutput(tensor("y", FLOAT, 2));
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] good = model(17, relu().addInitializer(floats("w", dims(64), new float[64]))).toByteArray();
        Path p = dir.resolve("truncated.onnx");
        Files.write(p, Arrays.copyOf(good, good.length / 2));
        assertThat(message(p)).startsWith("not a valid ONNX model: While parsing a protocol message, the input ended unexpectedly");
    }

    @Test
    void wrongWireType() throws IOException {
        Path p = dir.resolve("wire.onnx");
        Files.write(p, new byte[] {0x3e, 0x01, 0x02}); // field 7 (graph) with wire type 6, which does not exist
        assertThat(message(p)).isEqualTo("not a valid ONNX model: Protocol message tag had invalid wire type.");
        Files.write(p, new byte[] {0x3b, 0x01, 0x02}); // field 7 as a group that never ends
        assertThat(message(p)).startsWith("not a valid ONNX model: ");
        Files.write(p, new byte[] {0x38, 0x01}); // field 7 sent as a varint: protobuf keeps it as an unknown field
        assertThat(message(p)).isEqualTo("not an ONNX model: it has no graph");
    }

    @Test
    void notAnOnnxFile() throws IOException {
        Path text = dir.resolve("readme.onnx");
        Files.writeString(text, "# just some text\nnothing to see here\n", StandardCharsets.UTF_8);
        assertThat(message(text)).startsWith("not a");
        Path empty = dir.resolve("empty.onnx");
        Files.write(empty, new byte[0]);
        assertThat(message(empty)).isEqualTo("not an ONNX model: it has no graph");
        Path missing = dir.resolve("missing.onnx");
        assertThat(message(missing)).isEqualTo("cannot read the model: no such file");
        assertThat(message(dir)).isEqualTo("cannot read the model: no such file");
    }

    @Test
    void cycleIsNamedWithNodeAndTensor() {
        ModelProto m = model(17, graph().addInput(tensor("x", FLOAT, 2))
                .addNode(node("a", "Add", List.of("x", "b_out"), List.of("a_out")))
                .addNode(node("b", "Relu", List.of("a_out"), List.of("b_out")))
                .addOutput(tensor("b_out", FLOAT, 2)));
        assertThat(message(write(dir, "cycle.onnx", m))).isEqualTo("node 'a' (ai.onnx::Add): input 'b_out' is produced by "
                + "node 'b' (ai.onnx::Relu) further down: the graph has a cycle or is not in topological order");
        ModelProto self = model(17, graph().addInput(tensor("x", FLOAT, 2))
                .addNode(node("s", "Add", List.of("x", "s_out"), List.of("s_out")))
                .addOutput(tensor("s_out", FLOAT, 2)));
        assertThat(message(write(dir, "self.onnx", self))).contains("is produced by node 's' (ai.onnx::Add) itself");
    }

    @Test
    void undefinedInputAndOutput() {
        ModelProto m = model(17, graph().addInput(tensor("x", FLOAT, 2))
                .addNode(node("a", "Add", List.of("x", "nowhere"), List.of("y")))
                .addOutput(tensor("y", FLOAT, 2)));
        assertThat(message(write(dir, "undef.onnx", m)))
                .isEqualTo("node 'a' (ai.onnx::Add): input 'nowhere' is not produced by any node, graph input or initializer");
        ModelProto out = model(17, relu().addOutput(tensor("ghost", FLOAT, 2)));
        assertThat(message(write(dir, "ghost.onnx", out)))
                .isEqualTo("graph output 'ghost' is not produced by any node, graph input or initializer");
    }

    @Test
    void tensorDefinedTwice() {
        ModelProto m = model(17, relu().addNode(node("r2", "Relu", List.of("x"), List.of("y"))));
        assertThat(message(write(dir, "twice.onnx", m)))
                .isEqualTo("tensor 'y' is produced by both node 'r' (ai.onnx::Relu) and node 'r2' (ai.onnx::Relu)");
    }

    @Test
    void everyUnsupportedOperatorIsListedAtOnce() {
        ModelProto m = model(12, graph().addInput(tensor("x", FLOAT, 2))
                .addNode(node("fft", "DFT", List.of("x"), List.of("a")))
                .addNode(node("ok", "Relu", List.of("a"), List.of("b")))
                .addNode(node("", "MyCustomOp", List.of("b"), List.of("c")))
                .addNode(node("old", "Softmax", List.of("c"), List.of("d")))
                .addNode(node("ms", "FusedMatMul", List.of("d"), List.of("e")).toBuilder().setDomain("com.microsoft").build())
                .addOutput(tensor("e", FLOAT, 2)));
        List<Diagnostic> ds = failure(write(dir, "unsupported.onnx", m));
        assertThat(ds).extracting(Diagnostic::message).containsExactly(
                "node 'fft' (ai.onnx::DFT): unsupported operator",
                "node 'c' (ai.onnx::MyCustomOp): unsupported operator",
                "node 'old' (ai.onnx::Softmax): unsupported operator (not at opset 12)",
                "node 'ms' (com.microsoft::FusedMatMul): unsupported operator (the model imports no version of domain 'com.microsoft')");
    }

    @Test
    void externalDataLeavingTheFolder() throws IOException {
        Path outside = Files.createTempFile("xamba-hostile", ".bin");
        try {
            Files.write(outside, new byte[1024]);
            Path sub = Files.createDirectories(dir.resolve("model"));
            Files.createSymbolicLink(sub.resolve("weights.bin"), outside);
            for (String location : List.of("../../" + outside.getFileName(), outside.toString(), "weights.bin")) {
                TensorProto w = TensorProto.newBuilder().setName("w").setDataType(FLOAT).addDims(2)
                        .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                        .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location)).build();
                ModelProto m = model(17, graph().addInput(tensor("x", FLOAT, 2)).addInitializer(w)
                        .addNode(node("a", "Add", List.of("x", "w"), List.of("y"))).addOutput(tensor("y", FLOAT, 2)));
                assertThat(message(write(sub, "m.onnx", m))).startsWith("initializer 'w': external data location '" + location + "'");
            }
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void externalOffsetPastTheEnd() throws IOException {
        Files.write(dir.resolve("w.bin"), new byte[8]);
        TensorProto w = TensorProto.newBuilder().setName("w").setDataType(FLOAT).addDims(2)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("w.bin"))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue("4")).build();
        ModelProto m = model(17, graph().addInput(tensor("x", FLOAT, 2)).addInitializer(w)
                .addNode(node("a", "Add", List.of("x", "w"), List.of("y"))).addOutput(tensor("y", FLOAT, 2)));
        assertThat(message(write(dir, "off.onnx", m)))
                .isEqualTo("initializer 'w': external data [4, 4 + 8) runs past the end of 'w.bin' (8 bytes)");
    }

    @Test
    void anOlderOpsetsAttributeThatBecameAnInputSaysSo() {
        ModelProto m = model(18, graph().addInput(tensor("x", FLOAT, 2, 3))
                .addNode(node("r", "ReduceMean", List.of("x"), List.of("y"), OnnxBuilder.intsAttr("axes", 1)))
                .addOutput(tensor("y", FLOAT, 2, 1)));
        assertThat(message(write(dir, "axes.onnx", m))).endsWith("attribute 'axes' is not supported by 'onnx.ReduceMean'"
                + " (an older opset's attribute: at this node's opset it is an input)");
    }

    @Test
    void absurdDimensions() {
        ModelProto negativeInput = model(17, graph().addInput(tensor("x", FLOAT, 2, -5))
                .addNode(node("r", "Relu", List.of("x"), List.of("y"))).addOutput(tensor("y", FLOAT, 2)));
        assertThat(message(write(dir, "neg.onnx", negativeInput))).isEqualTo("input 'x' has negative dimension -5 at index 1");
        TensorProto huge = TensorProto.newBuilder().setName("w").setDataType(FLOAT).addDims(Long.MAX_VALUE).addDims(4).build();
        // Read by a node: an initializer nothing reads is not decoded, whatever its dimensions.
        ModelProto overflow = model(17, relu().addInitializer(huge).addNode(node("a", "Add", List.of("x", "w"), List.of("z"))));
        assertThat(message(write(dir, "huge.onnx", overflow))).contains("initializer 'w' has dimensions [9223372036854775807, 4]");
        TensorProto big = TensorProto.newBuilder().setName("w").setDataType(FLOAT).addDims(1L << 20).addDims(1L << 20).build();
        assertThat(message(write(dir, "big.onnx", model(17, relu().addInitializer(big)
                .addNode(node("a", "Add", List.of("x", "w"), List.of("z"))))))).contains("more than the 2 GB");
        ModelProto wrongShape = model(17, relu());
        assertThat(failure(write(dir, "shape.onnx", wrongShape), ImportOptions.defaults().withInputShape("x", 3)).get(0).message())
                .isEqualTo("input 'x' has dimension 2 at index 0 but the given shape says 3");
        assertThat(failure(write(dir, "shape.onnx", wrongShape), ImportOptions.defaults().withInputShape("nope", 3)).get(0).message())
                .isEqualTo("a shape is given for input 'nope', but the model has no such input (inputs: x)");
    }

    @Test
    void unsupportedAttributeKinds() {
        AttributeProto graphAttr = AttributeProto.newBuilder().setName("body").setType(AttributeProto.AttributeType.GRAPH)
                .setG(GraphProto.getDefaultInstance()).build();
        ModelProto m = model(17, graph().addInput(tensor("x", FLOAT, 2))
                .addNode(node("r", "Relu", List.of("x"), List.of("y"), graphAttr)).addOutput(tensor("y", FLOAT, 2)));
        assertThat(message(write(dir, "graphattr.onnx", m)))
                .isEqualTo("node 'r' (ai.onnx::Relu): attribute 'body' has type GRAPH, which xamba does not support");
    }

    @Test
    void randomlyCorruptedModelsFailOnlyWithDiagnostics() throws IOException {
        byte[] good = Files.readAllBytes(RealModelsTest.TESTDATA.resolve("mamba_tiny_l2_t16.onnx"));
        Random random = new Random(20240611);
        for (int i = 0; i < 40; i++) {
            byte[] bad = good.clone();
            for (int k = 1 + random.nextInt(6); k > 0; k--) bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            if (i % 4 == 0) bad = Arrays.copyOf(bad, random.nextInt(bad.length));
            Path p = dir.resolve("corrupt" + i + ".onnx");
            Files.write(p, bad);
            try {
                OnnxImporter.importModel(p, ImportOptions.defaults()); // a flipped weight byte is still a valid model
            } catch (DiagnosticException e) {
                for (Diagnostic d : e.diagnostics()) assertThat(d.render()).doesNotContain("\n").doesNotContain("Exception");
            }
        }
    }

    @Test
    void noDefaultOpset() {
        ModelProto m = ModelProto.newBuilder().setGraph(relu()).build();
        assertThat(message(write(dir, "noopset.onnx", m))).isEqualTo("the model imports no version of the default ONNX operator set");
    }
}
