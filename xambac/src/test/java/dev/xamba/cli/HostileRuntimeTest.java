package dev.xamba.cli;

import static dev.xamba.cli.HostileCase.bad;
import static dev.xamba.frontend.onnx.OnnxBuilder.FLOAT;
import static dev.xamba.frontend.onnx.OnnxBuilder.INT64;
import static dev.xamba.frontend.onnx.OnnxBuilder.dims;
import static dev.xamba.cli.HostileFiles.model;
import static dev.xamba.frontend.onnx.OnnxBuilder.node;
import static dev.xamba.cli.HostileFiles.npy;
import static dev.xamba.frontend.onnx.OnnxBuilder.tensor;
import static dev.xamba.cli.HostileFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.frontend.onnx.OnnxBuilder;
import dev.xamba.frontend.onnx.proto.GraphProto;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.io.NpzFile;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The OpenVINO boundary: bad inputs to {@code run} and {@code verify --engine openvino} are one-line exit-1 errors. */
class HostileRuntimeTest {
    /** ids (i64[1,4]) → Gather from a 10×2 table → y: an embedding with a vocabulary of 10. */
    private static GraphProto.Builder embedding() {
        float[] table = new float[20];
        for (int i = 0; i < table.length; i++) table[i] = i;
        return GraphProto.newBuilder().addInput(tensor("ids", INT64, 1, 4))
                .addInitializer(OnnxBuilder.floats("emb", dims(10, 2), table))
                .addNode(node("g", "Gather", List.of("emb", "ids"), List.of("y"), OnnxBuilder.intAttr("axis", 0)))
                .addOutput(tensor("y", FLOAT, 1, 4, 2));
    }

    /** Compiles the embedding model to {@code dir/m.xml} (+ m.bin). */
    private static Path compiled(Path dir) throws Exception {
        Path onnx = write(dir.resolve("e.onnx"), model(embedding()));
        Path xml = dir.resolve("m.xml");
        CliRunner.Result r = CliRunner.run("compile", onnx.toString(), "-o", xml.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return xml;
    }

    private static Path ids(Path dir, double... v) throws Exception {
        return npy(dir.resolve("ids.npy"), ElementType.I64, new long[] {1, 4}, v);
    }

    private static String[] run(Path xml, Path dir, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("run", xml.toString(), "--output-dir", dir.resolve("out").toString()));
        a.addAll(Arrays.asList(more));
        return a.toArray(String[]::new);
    }

    private static Path reference(Path dir, Tensor ids) throws Exception {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("ids", ids);
        arrays.put("y", Tensor.splat(TensorType.of(ElementType.F32, 1, 4, 2), 0));
        NpzFile.write(dir.resolve("io.npz"), arrays);
        return dir.resolve("io.npz");
    }

    /**
     * 2^50 floats: 4 PiB, more than a 64-bit process can address (x86-64 and arm64 user space is at most 2^47..2^52
     * bytes), so OpenVINO's allocator fails its one mmap at once ({@code std::bad_alloc}, checked with strace)
     * without touching memory, whatever the machine's RAM or overcommit setting.
     */
    private static final long UNALLOCATABLE = 1L << 50;

    /** IR of x (f32[2^50]) → ReLU → y, written by hand: xamba would never write such a model, a user may. */
    private static Path unallocatable(Path dir) throws Exception {
        String port = "<port id=\"%d\" precision=\"FP32\"%s><dim>" + UNALLOCATABLE + "</dim></port>";
        String xml = "<?xml version=\"1.0\"?>\n<net name=\"huge\" version=\"11\"><layers>"
                + "<layer id=\"0\" name=\"x\" type=\"Parameter\" version=\"opset1\"><data shape=\"" + UNALLOCATABLE
                + "\" element_type=\"f32\"/><output>" + port.formatted(0, " names=\"x\"") + "</output></layer>"
                + "<layer id=\"1\" name=\"y\" type=\"ReLU\" version=\"opset1\"><input>" + port.formatted(0, "")
                + "</input><output>" + port.formatted(1, " names=\"y\"") + "</output></layer>"
                + "<layer id=\"2\" name=\"out\" type=\"Result\" version=\"opset1\"><input>" + port.formatted(0, "") + "</input></layer>"
                + "</layers><edges><edge from-layer=\"0\" from-port=\"0\" to-layer=\"1\" to-port=\"0\"/>"
                + "<edge from-layer=\"1\" from-port=\"1\" to-layer=\"2\" to-port=\"0\"/></edges></net>\n";
        Files.write(dir.resolve("huge.bin"), new byte[0]);
        return write(dir.resolve("huge.xml"), xml);
    }

    @TestFactory
    Stream<DynamicTest> run() {
        return HostileCase.tests(
                bad("OpenVINO runs out of memory (std::bad_alloc) on the model",
                        "huge.xml: OpenVINO ran out of memory compiling it for CPU (std::bad_alloc)", dir ->
                        run(unallocatable(dir), dir, "--input", "x=" + npy(dir.resolve("x.npy"), ElementType.F32, new long[] {4}, 1, 2, 3, 4))),
                bad("token id past the vocabulary", "--input ids: element #2 is 10, outside [0, 10)", dir ->
                        run(compiled(dir), dir, "--input", "ids=" + ids(dir, 1, 2, 10, 3))),
                bad("token id past the vocabulary, the input named twice (the bound was kept under the first name only)",
                        "--input ids: element #2 is 10, outside [0, 10)", dir -> {
                    Path xml = compiled(dir);
                    String text = Files.readString(xml);
                    assertThat(text).contains("names=\"ids\"");
                    Files.writeString(xml, text.replace("names=\"ids\"", "names=\"zz_ids,ids\""));
                    return run(xml, dir, "--input", "ids=" + ids(dir, 1, 2, 10, 3));
                }),
                bad("an output of a type xamba does not read (u4: exit 3 in copying it out of OpenVINO)",
                        "the model has an output 'y' of type U4, which xamba does not read", dir -> {
                    Files.write(dir.resolve("u4.bin"), new byte[0]);
                    Path xml = write(dir.resolve("u4.xml"), "<?xml version=\"1.0\"?>\n<net name=\"u4\" version=\"11\"><layers>"
                            + "<layer id=\"0\" name=\"x\" type=\"Parameter\" version=\"opset1\"><data shape=\"2\" element_type=\"f32\"/>"
                            + "<output><port id=\"0\" precision=\"FP32\" names=\"x\"><dim>2</dim></port></output></layer>"
                            + "<layer id=\"1\" name=\"c\" type=\"Convert\" version=\"opset1\"><data destination_type=\"u4\"/>"
                            + "<input><port id=\"0\" precision=\"FP32\"><dim>2</dim></port></input>"
                            + "<output><port id=\"1\" precision=\"U4\" names=\"y\"><dim>2</dim></port></output></layer>"
                            + "<layer id=\"2\" name=\"out\" type=\"Result\" version=\"opset1\"><input><port id=\"0\" precision=\"U4\"><dim>2</dim></port></input></layer>"
                            + "</layers><edges><edge from-layer=\"0\" from-port=\"0\" to-layer=\"1\" to-port=\"0\"/>"
                            + "<edge from-layer=\"1\" from-port=\"1\" to-layer=\"2\" to-port=\"0\"/></edges></net>\n");
                    return run(xml, dir, "--input", "x=" + npy(dir.resolve("x.npy"), ElementType.F32, new long[] {2}, 1, 2));
                }),
                bad("negative token id", "--input ids: element #0 is -1, outside [0, 10)", dir ->
                        run(compiled(dir), dir, "--input", "ids=" + ids(dir, -1, 2, 3, 3))),
                bad(".npy of the wrong dtype", "--input ids: the value is f32 but the model's input is i64", dir ->
                        run(compiled(dir), dir, "--input", "ids=" + npy(dir.resolve("f.npy"), ElementType.F32, new long[] {1, 4}, 1, 2, 3, 4))),
                bad(".npy of the wrong shape", "--input ids: the value has shape [4] but the model's input has [1, 4]", dir ->
                        run(compiled(dir), dir, "--input", "ids=" + npy(dir.resolve("s.npy"), ElementType.I64, new long[] {4}, 1, 2, 3, 4))),
                bad("an input the model does not have", "--input nope: the model has no such input (inputs: ids)", dir ->
                        run(compiled(dir), dir, "--input", "ids=" + ids(dir, 1, 2, 3, 4), "--input", "nope=" + ids(dir, 1, 2, 3, 4))),
                bad("no --input for a model that has an input", "no value for the model's input 'ids' (give --input ids=...)", dir ->
                        run(compiled(dir), dir)),
                bad("run a model that does not exist", "nothing.xml: no such file", dir ->
                        run(dir.resolve("nothing.xml"), dir, "--input", "ids=" + ids(dir, 1, 2, 3, 4))),
                bad("unknown --device", "--device NOPE: OpenVINO has no such device here", dir ->
                        run(compiled(dir), dir, "--input", "ids=" + ids(dir, 1, 2, 3, 4), "--device", "NOPE")),
                bad("missing .bin", "m.bin: no such file", dir -> {
                    Path xml = compiled(dir);
                    Files.delete(dir.resolve("m.bin"));
                    return run(xml, dir, "--input", "ids=" + ids(dir, 1, 2, 3, 4));
                }),
                bad("truncated .xml", "m.xml: not a valid OpenVINO IR .xml", dir -> {
                    Path xml = compiled(dir);
                    byte[] b = Files.readAllBytes(xml);
                    Files.write(xml, Arrays.copyOf(b, b.length / 2));
                    return run(xml, dir, "--input", "ids=" + ids(dir, 1, 2, 3, 4));
                }),
                bad("garbage .xml", "m.xml: not a valid OpenVINO IR .xml", dir -> {
                    Path xml = compiled(dir);
                    Files.writeString(xml, "this is not xml at all");
                    return run(xml, dir, "--input", "ids=" + ids(dir, 1, 2, 3, 4));
                }),
                // The next three: OpenVINO tries every reader on a file none accepts, and its TensorFlow reader
                // logged five lines of its own on stderr before the error.
                bad("well-formed XML whose root is not <net>", "m.xml: not an OpenVINO IR .xml: its root element is <foo>, not <net>", dir -> {
                    Path xml = compiled(dir);
                    Files.writeString(xml, "<?xml version=\"1.0\"?><foo/>");
                    return run(xml, dir, "--input", "ids=" + ids(dir, 1, 2, 3, 4));
                }),
                bad("a damaged .onnx", "g.onnx\": error: not a valid ONNX model", dir -> {
                    Path onnx = dir.resolve("g.onnx");
                    Files.write(onnx, new byte[] {(byte) 0xd0, (byte) 0x9f, 0x01, 0x02, 0x03});
                    return run(onnx, dir, "--input", "ids=" + ids(dir, 1, 2, 3, 4));
                }),
                bad("the .bin given for the .xml", "m.bin: the weights of an OpenVINO IR: run its .xml", dir -> {
                    compiled(dir);
                    return run(dir.resolve("m.bin"), dir, "--input", "ids=" + ids(dir, 1, 2, 3, 4));
                }),
                bad("xamba's textual IR given to run", "v.xir: xamba's textual IR: compile it to OpenVINO IR first", dir -> {
                    Path xir = write(dir.resolve("v.xir"), HostileFiles.VALID_XIR);
                    return run(xir, dir, "--input", "ids=" + ids(dir, 1, 2, 3, 4));
                }),
                bad("well-formed XML that is not OpenVINO IR", "m.xml: OpenVINO cannot read it", dir -> {
                    Path xml = compiled(dir);
                    Files.writeString(xml, "<net name=\"x\" version=\"11\"><layers><layer id=\"0\" type=\"Nonsense\"/></layers></net>");
                    return run(xml, dir, "--input", "ids=" + ids(dir, 1, 2, 3, 4));
                }),
                bad(".bin too short for its constants", "m.xml: OpenVINO cannot read it", dir -> {
                    Path xml = compiled(dir);
                    Files.write(dir.resolve("m.bin"), new byte[4]);
                    return run(xml, dir, "--input", "ids=" + ids(dir, 1, 2, 3, 4));
                }),
                bad("a damaged .npy", "--input ids=", dir -> {
                    Path xml = compiled(dir);
                    Files.write(dir.resolve("bad.npy"), new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 9});
                    return run(xml, dir, "--input", "ids=" + dir.resolve("bad.npy"));
                }),
                bad("run output onto its own input file", "y.npy: is the value of --input ids", dir -> {
                    // The output y is written to OUTPUT-DIR/y.npy: make that name the input's.
                    Path xml = compiled(dir);
                    Files.createDirectories(dir.resolve("out"));
                    Path in = ids(dir, 1, 2, 3, 4);
                    Files.createLink(dir.resolve("out/y.npy"), in);
                    return run(xml, dir, "--input", "ids=" + in);
                }));
    }

    /**
     * x (f32[1]) plus a ConstantOfShape of 2^50 ones: too large to fold, and to compile (a reference for a huge input
     * itself would be refused first, as not matching the input).
     */
    private static Path unallocatableOnnx(Path dir) throws Exception {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", FLOAT, 1))
                .addInitializer(OnnxBuilder.longs("shape", dims(1), UNALLOCATABLE))
                .addNode(node("c", "ConstantOfShape", List.of("shape"), List.of("c"),
                        OnnxBuilder.tensorAttr("value", OnnxBuilder.floats("one", dims(1), 1f))))
                .addNode(node("y", "Add", List.of("x", "c"), List.of("y"))).addOutput(tensor("y", FLOAT, UNALLOCATABLE));
        Path onnx = write(dir.resolve("huge.onnx"), model(g));
        return onnx;
    }

    /**
     * verify --engine openvino on an ONNX model OpenVINO cannot allocate: xamba's IR of it fails to compile with
     * {@code std::bad_alloc}, one line naming the model, exit 1 (stdout has the header and the peer's failure).
     */
    @Test
    void verifyOnOpenVinoRunningOutOfMemoryIsOneLineNamingTheModel(@TempDir Path dir) throws Exception {
        Path onnx = unallocatableOnnx(dir);
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("x", Tensor.splat(TensorType.of(ElementType.F32, 1), 1));
        arrays.put("y", Tensor.splat(TensorType.of(ElementType.F32, 4), 1));
        NpzFile.write(dir.resolve("io.npz"), arrays);
        CliRunner.Result r = CliRunner.run("verify", onnx.toString(), "--reference", dir.resolve("io.npz").toString(), "--engine", "openvino");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("xambac: error: " + onnx + ": OpenVINO ran out of memory compiling it for CPU (std::bad_alloc): "
                + "a tensor of the model, or one its inputs make, is too large for this machine\n");
    }

    /** The same model under {@code report --measure}: it was an internal error (exit 3) with OpenVINO's message cut short. */
    @Test
    void reportMeasuringAModelOpenVinoCannotAllocateIsOneLineNamingTheModel(@TempDir Path dir) throws Exception {
        Path onnx = unallocatableOnnx(dir);
        CliRunner.Result r = CliRunner.run("report", onnx.toString(), "--target", "cpu", "--measure", "--runs", "1", "-o", dir.resolve("r.txt").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).endsWith("xambac: error: " + onnx + ": OpenVINO ran out of memory timing it on CPU (std::bad_alloc): "
                + "a tensor of the model, or one its inputs make, is too large for this machine\n");
        assertThat(dir.resolve("r.txt")).doesNotExist();
    }

    @Test
    void verifyOnOpenVinoFailingAsOnItsOwnReadingIsTheModelsErrorNotOurs(@TempDir Path dir) throws Exception {
        // x (f32[4]) expanded to 2^48 x 4: oneDNN cannot describe the result, for xamba's IR as for OpenVINO's own
        // reading of the ONNX. It was an internal error (exit 3); the same failure on both is the model's (exit 1).
        long[] shape = {1L << 48, 4};
        GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", FLOAT, 4))
                .addInitializer(OnnxBuilder.longs("shape", dims(2), shape))
                .addNode(node("y", "Expand", List.of("x", "shape"), List.of("y")))
                .addOutput(tensor("y", FLOAT, Arrays.stream(shape).boxed().toArray()));
        Path onnx = write(dir.resolve("x.onnx"), model(g));
        NpzFile.write(dir.resolve("io.npz"), Map.of("x", Tensor.splat(TensorType.of(ElementType.F32, 4), 1)));
        CliRunner.Result r = CliRunner.run("verify", onnx.toString(), "--reference", dir.resolve("io.npz").toString(), "--engine", "openvino");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("xambac: error: " + onnx + ": OpenVINO cannot run this model on CPU: ")
                .endsWith(" (its own reading of the ONNX fails the same way)\n");
        assertThat(r.out()).contains("openvino-onnx-frontend: cannot run this model: ");
    }

    @TestFactory
    Stream<DynamicTest> verifyOnOpenVino() {
        return HostileCase.tests(
                bad("verify --engine openvino with a token id past the vocabulary", "io.npz: array 'ids' element #1 is 99", dir -> {
                    Path onnx = write(dir.resolve("e.onnx"), model(embedding()));
                    Path ref = reference(dir, Tensor.ofLongs(TensorType.of(ElementType.I64, 1, 4), new long[] {0, 99, 1, 2}));
                    return new String[] {"verify", onnx.toString(), "--reference", ref.toString(), "--engine", "openvino"};
                }),
                bad("verify --engine openvino on an unknown device", "--device NOPE: OpenVINO has no such device here", dir -> {
                    Path onnx = write(dir.resolve("e.onnx"), model(embedding()));
                    Path ref = reference(dir, Tensor.ofLongs(TensorType.of(ElementType.I64, 1, 4), new long[] {0, 1, 1, 2}));
                    return new String[] {"verify", onnx.toString(), "--reference", ref.toString(), "--engine", "openvino", "--device", "NOPE"};
                }));
    }
}
