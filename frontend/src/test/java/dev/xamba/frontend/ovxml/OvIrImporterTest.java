package dev.xamba.frontend.ovxml;

import static dev.xamba.frontend.ovxml.IrFiles.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.frontend.onnx.ImportOptions;
import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.eval.HalfFloat;
import dev.xamba.ir.eval.Interpreter;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OvIrImporterTest {
    @TempDir Path dir;

    private static FuncOp main(Operation module) {
        return new ModuleOp(module).function("main").orElseThrow();
    }

    private static List<String> opNames(FuncOp f) {
        return f.body().operations().stream().map(Operation::name).toList();
    }

    /** The import fails with exactly these one-line messages (the location is checked separately where it matters). */
    private static DiagnosticException failure(Path xml) {
        try {
            OvIrImporter.importModel(xml);
        } catch (DiagnosticException e) {
            for (Diagnostic d : e.diagnostics()) assertThat(d.render()).doesNotContain("\n");
            return e;
        }
        throw new AssertionError("the import of " + xml + " did not fail");
    }

    private static String message(Path xml) {
        DiagnosticException e = failure(xml);
        assertThat(e.diagnostics()).hasSize(1);
        return e.diagnostics().get(0).render();
    }

    @Test
    void readsLayersIntoOvOpsWithNamesAndWeightsAsViewsOfTheMappedBin() throws IOException {
        Path xml = IrFiles.addModel().write(dir, "add");
        Operation module = OvIrImporter.importModel(xml, ImportOptions.defaults().withMaxInlineElements(0));
        FuncOp f = main(module);
        assertThat(opNames(f)).containsExactly("ov.Constant", "ov.Add", "func.return");
        assertThat(f.argName(0)).isEqualTo("x");
        assertThat(f.resultName(0)).isEqualTo("y");
        Operation constant = f.body().operations().first();
        DenseResourceAttr w = (DenseResourceAttr) constant.attr("value");
        assertThat(w.handle().blob().isDirect()).as("a view of the mapped .bin, not a copy").isTrue();
        assertThat(constant.location().describe()).contains("w");

        Tensor x = Tensor.ofDoubles(TensorType.of(ElementType.F32, 2, 3), new double[] {0, 1, 2, 3, 4, 5});
        Tensor y = Interpreter.run(f, List.of(x)).get(0);
        assertThat(y.toDoubles()).containsExactly(1, 3, 5, 4, 6, 8);
    }

    @Test
    void compressedWeightsStayAnF16ConstantAndAConvert() throws IOException {
        IrFiles ir = new IrFiles()
                .parameter(0, "x", "f32", "2", 2)
                .constF16(1, "w_compressed", new long[] {2}, HalfFloat.fromFloat(0.5f), HalfFloat.fromFloat(-2f))
                .layer(2, "w", "Convert", "opset1", "destination_type=\"f32\"", List.of(port(0, "FP16", 2)), List.of(port(1, "FP32", 2)))
                .layer(3, "mul", "Multiply", "opset1", "auto_broadcast=\"numpy\"", List.of(port(0, "FP32", 2), port(1, "FP32", 2)),
                        List.of(port(2, "FP32", "y", 2)))
                .result(4, "y/sink_port_0", "FP32", 2)
                .edge(0, 0, 3, 0).edge(1, 0, 2, 0).edge(2, 1, 3, 1).edge(3, 2, 4, 0);
        FuncOp f = main(OvIrImporter.importModel(ir.write(dir, "compressed")));
        assertThat(opNames(f)).containsExactly("ov.Constant", "ov.Convert", "ov.Multiply", "func.return");
        assertThat(f.body().operations().first().result().tensorType().elementType()).isEqualTo(ElementType.F16);
        Tensor x = Tensor.ofDoubles(TensorType.of(ElementType.F32, 2), new double[] {4, 4});
        assertThat(Interpreter.run(f, List.of(x)).get(0).toDoubles()).containsExactly(2, -8);
    }

    @Test
    void badXmlIsOneLineAtItsPosition() throws IOException {
        Path xml = dir.resolve("bad.xml");
        Files.writeString(xml, "<?xml version=\"1.0\"?>\n<net name=\"x\" version=\"11\">\n<layers>\n<layer id=\"0\"</layers>\n");
        assertThat(message(xml)).startsWith(xml + ":4:").contains("error: not well-formed XML");
    }

    @Test
    void controlCharactersInNamesAsOpenVinoWritesThemAreRead() throws IOException {
        // OpenVINO's writer (and xamba's) spells an ESC or newline in a name as &#27; / &#10;: not XML 1.0, which
        // xamba's reader refused, though OpenVINO reads it (it is XML 1.1).
        String evil = "evil&#27;[2J&#10;x";
        IrFiles ir = new IrFiles()
                .parameter(0, evil, "f32", "2", 2)
                .layer(1, "r", "Relu", "opset1", "", List.of(port(0, "FP32", 2)), List.of(port(1, "FP32", "y", 2)))
                .result(2, "y/sink_port_0", "FP32", 2)
                .edge(0, 0, 1, 0).edge(1, 1, 2, 0);
        FuncOp f = main(OvIrImporter.importModel(ir.write(dir, "names")));
        assertThat(f.argName(0)).isEqualTo("evil\u001b[2J\nx");
        // What XML 1.1 forbids in turn is still an error at its position: a raw C1 control, NUL as a reference.
        Path bad = dir.resolve("nul.xml");
        Files.writeString(bad, "<?xml version=\"1.0\"?>\n<net name=\"&#0;\" version=\"11\"></net>\n");
        assertThat(message(bad)).startsWith(bad + ":2:").contains("error: not well-formed XML");
    }

    /** {@link #message}, asserting that the import printed nothing on System.err. */
    private static String silentMessage(Path xml) {
        PrintStream systemErr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            return message(xml);
        } finally {
            System.setErr(systemErr);
            assertThat(printed.toString(StandardCharsets.UTF_8)).as("printed on System.err").isEmpty();
        }
    }

    @Test
    void textNotValidInItsEncodingIsOneErrorAtItsPositionWithNothingOnStandardError() throws IOException {
        // Decoding the bytes itself, the JDK's parser printed "[Fatal Error] :-1:-1: Invalid byte 2 of 3-byte UTF-8
        // sequence." on System.err before throwing: a line beside xambac's own (found by fuzzing).
        Path latin1 = dir.resolve("latin1.xml");
        Files.write(latin1, "<?xml version=\"1.0\"?>\n<net name=\"caf\u00e9\" version=\"11\"></net>\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(silentMessage(latin1)).isEqualTo(latin1 + ":2:15: error: not well-formed XML: the file is not valid UTF-8 here (byte 0xE9)");
        // A NUL second byte is not UTF-16 unless the first bytes spell "<?" in it (the fuzzer's input).
        Path fuzzed = dir.resolve("fuzzed.xml");
        Files.write(fuzzed, new byte[] {(byte) 0xC3, 0, 0, 0, (byte) 0xC1, '>', 5});
        assertThat(silentMessage(fuzzed)).isEqualTo(fuzzed + ":1:1: error: not well-formed XML: the file is not valid UTF-8 here (byte 0xC3)");
        // UTF-16 by its byte order mark, with a lone surrogate in a name.
        Path utf16 = dir.resolve("utf16.xml");
        byte[] text = "<?xml version=\"1.0\"?>\n<net name=\"ab\" version=\"11\"></net>\n".getBytes(StandardCharsets.UTF_16BE);
        int b = "<?xml version=\"1.0\"?>\n<net name=\"a".length() * 2;
        text[b] = (byte) 0xD8; // 'b' becomes an unpaired high surrogate
        text[b + 1] = 0x00;
        Files.write(utf16, concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text));
        assertThat(silentMessage(utf16)).isEqualTo(utf16 + ":2:13: error: not well-formed XML: the file is not valid UTF-16BE here (byte 0xD8)");

        // "<?xmlN" is a processing instruction, not the declaration: its "encoding" is no encoding, the file is UTF-8
        // (the fuzzer's input; taken for a declaration of an unknown encoding, the bytes went to the parser, which
        // printed twice).
        Path pi = dir.resolve("pi.xml");
        Files.write(pi, concat("<?xmlN encoding=\"0\" nata".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xFF, 'e'}));
        assertThat(silentMessage(pi)).isEqualTo(pi + ":1:25: error: not well-formed XML: the file is not valid UTF-8 here (byte 0xFF)");
        // A declared encoding this Java runtime does not decode is refused here, at the name, whatever follows.
        for (String name : new String[] {"x-nope", "0", "a b"}) {
            Path unknown = dir.resolve("unknown.xml");
            Files.write(unknown, concat(("<?xml version=\"1.0\" encoding=\"" + name + "\"?>\n<net ").getBytes(StandardCharsets.US_ASCII),
                    new byte[] {(byte) 0xFF, '>'}));
            assertThat(silentMessage(unknown)).isEqualTo(unknown + ":1:31: error: not well-formed XML: the declaration names encoding \""
                    + name + "\", which this Java runtime does not decode");
        }

        // Declared as Latin-1, the same bytes as above are right (the error is the next problem).
        Path declared = dir.resolve("declared.xml");
        Files.write(declared, ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<net name=\"caf\u00e9\" version=\"11\"><layers/>"
                + "<edges/></net>\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(failure(declared).getMessage()).doesNotContain("not valid").doesNotContain("well-formed");

        // Byte order marks are not characters of the document: UTF-8's, and UTF-16's on a whole model.
        Path xml = IrFiles.addModel().write(dir, "bom");
        String model = Files.readString(xml);
        Files.write(xml, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, model.getBytes(StandardCharsets.UTF_8)));
        assertThat(opNames(main(OvIrImporter.importModel(xml)))).contains("ov.Add");
        Files.write(xml, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, model.replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>")
                .getBytes(StandardCharsets.UTF_16LE)));
        assertThat(opNames(main(OvIrImporter.importModel(xml)))).contains("ov.Add");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void aDoctypeIsRefusedAndNoEntityIsRead() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET");
        Path xml = dir.resolve("xxe.xml");
        Files.writeString(xml, "<?xml version=\"1.0\"?>\n<!DOCTYPE net [<!ENTITY s SYSTEM \"file://" + secret + "\">]>\n"
                + "<net name=\"&s;\" version=\"11\"><layers/><edges/></net>\n");
        assertThat(message(xml)).contains("DOCTYPE").doesNotContain("SECRET");
    }

    @Test
    void notOpenVinoIrOrAnUnsupportedVersion() throws IOException {
        Path other = dir.resolve("other.xml");
        Files.writeString(other, "<project><modelVersion>4.0.0</modelVersion></project>");
        assertThat(message(other)).contains("not OpenVINO IR: the root element is <project>, expected <net>");
        Path v7 = dir.resolve("v7.xml");
        Files.writeString(v7, "<net name=\"n\" version=\"7\"><layers/><edges/></net>");
        assertThat(message(v7)).contains("IR version \"7\" is not supported (xamba reads versions 10 and 11)");
    }

    @Test
    void aMissingBinIsNamedByTheConstThatNeedsIt() throws IOException {
        Path xml = IrFiles.addModel().write(dir, "nobin");
        Files.delete(dir.resolve("nobin.bin"));
        assertThat(message(xml)).contains("layer 1 'w' (Const-opset1): its weights file 'nobin.bin' does not exist");
    }

    @Test
    void anOffsetPastTheEndOfTheBin() throws IOException {
        String text = IrFiles.addModel().xml().replace("offset=\"0\" size=\"12\"", "offset=\"8\" size=\"12\"");
        assertThat(importFailing("past", text)).contains("layer 1 'w' (Const-opset1): its bytes [8, 8 + 12) run past the end of 'past.bin' (12 bytes)");
    }

    @Test
    void absurdShapesAreErrorsNotOverflows() throws IOException {
        String good = IrFiles.addModel().xml();
        assertThat(importFailing("huge", good.replace("shape=\"3\" offset", "shape=\"4294967296, 4294967296, 16\" offset")))
                .contains("layer 1 'w' (Const-opset1): ").contains("overflows 64 bits");
        assertThat(importFailing("input", good.replace("shape=\"2,3\"", "shape=\"99999999999,99999999999,99999999999\"")))
                .contains("layer 0 'x' (Parameter-opset1): ").contains("overflows 64 bits");
        assertThat(importFailing("rank", good.replace("shape=\"2,3\"", "shape=\"...\""))).contains("layer 0 'x' (Parameter-opset1): shape \"...\": a dynamic rank ('...') is not supported");
    }

    @Test
    void everyUnsupportedLayerTypeIsListedInOneDiagnostic() throws IOException {
        IrFiles ir = new IrFiles().parameter(0, "x", "f32", "4", 4);
        ir.layer(1, "sm1", "SoftMax", "opset8", "axis=\"0\"", List.of(port(0, "FP32", 4)), List.of(port(1, "FP32", 4)));
        ir.layer(2, "sm2", "SoftMax", "opset8", "axis=\"0\"", List.of(port(0, "FP32", 4)), List.of(port(1, "FP32", 4)));
        ir.layer(3, "g", "Gather", "opset1", "", List.of(port(0, "FP32", 4), port(1, "FP32", 4), port(2, "FP32", 4)),
                List.of(port(3, "FP32", 4)));
        ir.layer(4, "foo", "Foo", "custom", "", List.of(port(0, "FP32", 4)), List.of(port(1, "FP32", 4)));
        ir.result(5, "out", "FP32", 4);
        ir.edge(0, 0, 1, 0).edge(1, 1, 2, 0).edge(2, 1, 3, 0).edge(0, 0, 3, 1).edge(0, 0, 3, 2).edge(3, 3, 4, 0).edge(4, 1, 5, 0);
        Path xml = ir.write(dir, "unknown");
        assertThat(message(xml)).isEqualTo("\"" + xml + "\": error: unsupported layer types: Foo-custom (layer 'foo'); "
                + "Gather-opset1 (xamba reads Gather-opset8) (layer 'g'); SoftMax-opset8 (2 layers, first 'sm1')");
    }

    @Test
    void aCycleIsNamedLayerByLayer() throws IOException {
        IrFiles ir = new IrFiles().parameter(0, "x", "f32", "4", 4);
        ir.layer(1, "a", "Add", "opset1", "", List.of(port(0, "FP32", 4), port(1, "FP32", 4)), List.of(port(2, "FP32", 4)));
        ir.layer(2, "b", "Exp", "opset1", "", List.of(port(0, "FP32", 4)), List.of(port(1, "FP32", 4)));
        ir.result(3, "out", "FP32", 4);
        ir.edge(0, 0, 1, 0).edge(2, 1, 1, 1).edge(1, 2, 2, 0).edge(2, 1, 3, 0);
        Path xml = ir.write(dir, "cycle");
        assertThat(message(xml)).contains("layer 1 'a' (Add-opset1): is part of a cycle: 2 'b' -> 1 'a' -> 2 'b'");
    }

    @Test
    void aResultWithAnOutputOrAParameterWithAnInputIsOneLine() throws IOException {
        // A fuzzed file: a Result layer with an output port feeding another layer was a NullPointerException (exit 3).
        IrFiles fed = new IrFiles().parameter(0, "x", "f32", "4", 4);
        fed.layer(1, "r", "Result", "opset1", "", List.of(port(0, "FP32", 4)), List.of(port(1, "FP32", 4)));
        fed.layer(2, "e", "Exp", "opset1", "", List.of(port(0, "FP32", 4)), List.of(port(1, "FP32", 4)));
        fed.result(3, "out", "FP32", 4);
        fed.edge(0, 0, 1, 0).edge(1, 1, 2, 0).edge(2, 1, 3, 0);
        assertThat(message(fed.write(dir, "fed"))).contains("layer 1 'r' (Result-opset1): a Result has one input port and no output port;"
                + " this one has 1 input and 1 output port");
        IrFiles noInput = new IrFiles().parameter(0, "x", "f32", "4", 4);
        noInput.layer(1, "r", "Result", "opset1", "", List.of(), List.of());
        assertThat(message(noInput.write(dir, "noinput"))).contains("a Result has one input port and no output port; this one has 0 input"
                + " and 0 output ports");
        IrFiles param = new IrFiles();
        param.layer(0, "x", "Parameter", "opset1", "shape=\"4\" element_type=\"f32\"", List.of(port(0, "FP32", 4)), List.of(port(1, "FP32", 4)));
        param.result(1, "out", "FP32", 4);
        param.edge(0, 1, 1, 0);
        assertThat(message(param.write(dir, "param"))).contains("a Parameter has no input port and one output port; this one has 1 input"
                + " and 1 output port");
    }

    /** Each case edits the good model's text (replacing FIND by REPLACE) and expects one line containing EXPECTED. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ghost     | from-layer="1" from-port="0" | from-layer="9" from-port="0" | names layer 9, which does not exist
            noport    | from-layer="1" from-port="0" | from-layer="1" from-port="5" | edge from layer 1 'w' (Const-opset1) port 5: the layer has no output port 5 (it has 0)
            toinput   | to-layer="2" to-port="1"     | to-layer="2" to-port="2"     | edge to layer 2 'add' (Add-opset1) port 2: the layer has no input port 2 (it has 0, 1)
            twice     | to-layer="2" to-port="1"     | to-layer="2" to-port="0"     | input port 0 of layer 2 'add' (Add-opset1) has two incoming edges
            dangling  | <edge from-layer="1" from-port="0" to-layer="2" to-port="1"/> | `` | layer 2 'add' (Add-opset1): input port 1 has no incoming edge
            attr      | auto_broadcast="numpy"       | auto_broadcast="numpy" alpha="1" | layer 2 'add' (Add-opset1): data attribute 'alpha' is not one xamba knows for Add (it has auto_broadcast)
            badvalue  | auto_broadcast="numpy"       | auto_broadcast="pdpd"        | `layer 2 'add' (Add-opset1): 'ov.Add' op unsupported auto_broadcast "pdpd"`
            etype     | element_type="f32" shape="3" | element_type="u16" shape="3" | layer 1 'w' (Const-opset1): element_type "u16" is not supported
            port      | <port id="2" precision="FP32" | <port id="2" precision="FP16" | layer 2 'add' (Add-opset1): output port 2 declares tensor<2x3xf16>, but xamba infers tensor<2x3xf32>
            noid      | <layer id="2"                | <layer                       | <layer> is missing its mandatory attribute 'id'
            dupid     | <layer id="2"                | <layer id="1"                | layer id 1 is also the id of layer 1 'w'
            noresult  | type="Result"                | type="Exp"                   | the model has no Result layer
            """)
    void aBrokenFileIsOneLineNamingWhatIsWrong(String name, String find, String replace, String expected) throws IOException {
        String good = IrFiles.addModel().xml();
        assertThat(good).contains(find);
        assertThat(importFailing(name, good.replace(find, replace))).contains(expected);
    }

    private String importFailing(String name, String xmlText) throws IOException {
        Path xml = dir.resolve(name + ".xml");
        Files.writeString(xml, xmlText);
        Files.write(dir.resolve(name + ".bin"), new byte[12]);
        return message(xml);
    }

    @Test
    void irVersion10WithoutTensorNamesUsesLayerNames() throws IOException {
        String v10 = IrFiles.addModel().version("10").xml().replace(" names=\"x\"", "").replace(" names=\"y\"", "");
        Path xml = dir.resolve("v10.xml");
        Files.writeString(xml, v10);
        Files.write(dir.resolve("v10.bin"), new byte[12]);
        FuncOp f = main(OvIrImporter.importModel(xml));
        assertThat(f.argName(0)).isEqualTo("x");
        assertThat(f.resultName(0)).isEqualTo("add");
    }

    @Test
    void irVersion10NamesEachOutputOfAMultiOutputLayerAsOpenVinoDoes() throws IOException {
        // OpenVINO's v10 compatibility names them "split.0" and "split.1"; both were "split", and verify then compared
        // a reference named "split" with the second output.
        Path xml = new IrFiles().version("10")
                .layer(0, "x", "Parameter", "opset1", "shape=\"4\" element_type=\"f32\"", List.of(), List.of(IrFiles.port(0, "FP32", 4)))
                .constI64(1, "axis", new long[0], 0)
                .constI64(2, "lengths", new long[] {2}, 1, 3)
                .layer(3, "split", "VariadicSplit", "opset1", "", List.of(IrFiles.port(0, "FP32", 4), IrFiles.port(1, "I64"),
                        IrFiles.port(2, "I64", 2)), List.of(IrFiles.port(3, "FP32", 1), IrFiles.port(4, "FP32", 3)))
                .result(4, "out0", "FP32", 1).result(5, "out1", "FP32", 3)
                .edge(0, 0, 3, 0).edge(1, 0, 3, 1).edge(2, 0, 3, 2).edge(3, 3, 4, 0).edge(3, 4, 5, 0)
                .write(dir, "v10split");
        FuncOp f = main(OvIrImporter.importModel(xml));
        assertThat(List.of(f.resultName(0), f.resultName(1))).containsExactly("split.0", "split.1");
    }

    @Test
    void theSupportedListCoversTheConvertersLayerTypes() {
        assertThat(LayerTypes.supported()).contains("Const-opset1", "Parameter-opset1", "Result-opset1", "Convert-opset1",
                "GroupConvolution-opset1", "Pad-opset12", "Slice-opset8", "Gather-opset8", "Broadcast-opset3", "CumSum-opset3",
                "Swish-opset4", "SoftPlus-opset4", "ShapeOf-opset3", "VariadicSplit-opset1", "ReduceMean-opset1", "Select-opset1");
    }

    @Test
    void theImportFailsCleanlyOnAMissingXml() {
        assertThatThrownBy(() -> OvIrImporter.importModel(dir.resolve("none.xml"))).isInstanceOf(DiagnosticException.class)
                .hasMessageContaining("cannot read the model");
    }
}
