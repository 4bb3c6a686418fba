package dev.xamba.cli;

import static dev.xamba.cli.HostileCase.bad;
import static dev.xamba.frontend.onnx.OnnxBuilder.FLOAT;
import static dev.xamba.frontend.onnx.OnnxBuilder.INT64;
import static dev.xamba.frontend.onnx.OnnxBuilder.dims;
import static dev.xamba.frontend.onnx.OnnxBuilder.longs;
import static dev.xamba.cli.HostileFiles.model;
import static dev.xamba.frontend.onnx.OnnxBuilder.node;
import static dev.xamba.frontend.onnx.OnnxBuilder.tensor;
import static dev.xamba.cli.HostileFiles.write;
import static dev.xamba.cli.HostileFiles.xirFunction;

import dev.xamba.frontend.onnx.OnnxBuilder;
import dev.xamba.frontend.onnx.proto.GraphProto;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.io.NpzFile;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Inputs that would exhaust memory or time, or that OpenVINO refuses at load time: each is a clear error. */
class HostileLimitsTest {
    private static Path sparse(Path file, long size) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        return file;
    }

    /** A .npy header claiming {@code shape} f32, followed by {@code dataBytes} zero bytes (sparse). */
    private static Path npyHeader(Path file, String shape, long dataBytes) throws Exception {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = ((10 + dict.length() + 1 + 63) / 64) * 64;
        String header = dict + " ".repeat(total - 10 - dict.length() - 1) + "\n";
        byte[] prefix = new byte[10];
        System.arraycopy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, 0, prefix, 0, 8);
        prefix[8] = (byte) (header.length() & 0xff);
        prefix[9] = (byte) (header.length() >> 8);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(prefix);
            f.write(header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            f.setLength(f.length() + dataBytes);
        }
        return file;
    }

    /** An .npz holding x (f32[2]) whose member is deflated from {@code npyBytes}. */
    private static Path npzOf(Path file, String member, byte[] npyBytes) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry(member));
            zip.write(npyBytes);
            zip.closeEntry();
        }
        return file;
    }

    private static String xir(Path dir, String text) throws Exception {
        return write(dir.resolve("in.xir"), text).toString();
    }

    private static String relu(Path dir) throws Exception {
        return write(dir.resolve("m.onnx"), model(HostileFiles.relu())).toString();
    }

    /** The built-in npu4 target's JSON with {@code from} replaced by {@code to}, written to {@code dir/t.json}. */
    private static String npu4With(Path dir, String from, String to) throws Exception {
        String npu4 = Files.readString(RepoFiles.root().resolve("optimizer/src/main/resources/dev/xamba/opt/cost/targets/npu4.json"));
        if (!npu4.contains(from)) throw new IllegalStateException("npu4.json has no " + from);
        return write(dir.resolve("t.json"), npu4.replace(from, to)).toString();
    }

    @TestFactory
    Stream<DynamicTest> resources() {
        return HostileCase.tests(
                bad("opt on a FIFO does not block", "p.xir: is not a regular file", dir -> new String[] {"opt", HostileFiles.fifo(dir.resolve("p.xir")).toString()}),
                bad("compile on a FIFO .onnx", "p.onnx: is not a regular file", dir -> new String[] {"compile", HostileFiles.fifo(dir.resolve("p.onnx")).toString(), "-o", dir.resolve("o.xml").toString()}),
                bad("verify --reference a FIFO", "--reference " , dir -> new String[] {"verify", relu(dir), "--reference", HostileFiles.fifo(dir.resolve("r.npz")).toString()}),
                bad("run --input a FIFO", "--input x=", dir -> {
                    write(dir.resolve("m.xml"), "<net/>");
                    Files.write(dir.resolve("m.bin"), new byte[0]);
                    return new String[] {"run", dir.resolve("m.xml").toString(), "--input", "x=" + HostileFiles.fifo(dir.resolve("x.npy")), "--output-dir", dir.toString()};
                }),
                bad("compile --target-file a FIFO does not block", "t.json: is not a regular file",
                        dir -> new String[] {"compile", relu(dir), "-o", dir.resolve("o.xml").toString(), "--target-file", HostileFiles.fifo(dir.resolve("t.json")).toString()}),
                bad("compile --target-file a folder", "t.json: is a folder, expected a file", dir -> {
                    Files.createDirectory(dir.resolve("t.json"));
                    return new String[] {"compile", relu(dir), "-o", dir.resolve("o.xml").toString(), "--target-file", dir.resolve("t.json").toString()};
                }),
                bad("compile --target-file that does not exist", "gone.json: no such file",
                        dir -> new String[] {"compile", relu(dir), "-o", dir.resolve("o.xml").toString(), "--target-file", dir.resolve("gone.json").toString()}),
                bad("compile --target-file not UTF-8", "t.json: not UTF-8 text (a target file is JSON): byte 0xFF at line 1, column 2", dir -> {
                    Files.write(dir.resolve("t.json"), new byte[] {'{', (byte) 0xff, '}'});
                    return new String[] {"compile", relu(dir), "-o", dir.resolve("o.xml").toString(), "--target-file", dir.resolve("t.json").toString()};
                }),
                bad("compile --target-file a model given by mistake", "m.onnx:1:1: not valid JSON: illegal character ((CTRL-CHAR, code 8)): only regular white space (\\r, \\n, \\t) is allowed between tokens",
                        dir -> new String[] {"compile", relu(dir), "-o", dir.resolve("o.xml").toString(), "--target-file", dir.resolve("m.onnx").toString()}),
                bad("report --target-file whose SHAVE default rate is 1e308 (was exit 3, an internal error)",
                        "t.json:18:17: shave.default.fixed_us: expected a number from 0 to 1e9, got 1e308", dir -> new String[] {"report", relu(dir),
                                "--target-file", npu4With(dir, "{\"fixed_us\": 2.06, \"ns_per_element\": 0.588}", "{\"fixed_us\": 1e308, \"ns_per_element\": 1e308}")}),
                bad("report --target-file with a misspelt single-SHAVE kernel (was ignored, changing the report's total)",
                        "t.json:16:30: shave.single_shave_kernels[0]: \"Cumsum\" is an unknown kernel (did you mean CumSum?)", dir -> new String[] {"report",
                                relu(dir), "--target-file", npu4With(dir, "[\"CumSum\", \"SoftPlus\"]", "[\"Cumsum\", \"SoftPlus\"]")}),
                bad("compile --target-file a sparse 3 GB file", "t.json: has 3221225472 bytes, more than the limit of 1048576 (a target file is a few KB of JSON)",
                        dir -> new String[] {"compile", relu(dir), "-o", dir.resolve("o.xml").toString(), "--target-file", sparse(dir.resolve("t.json"), 3L << 30).toString()}),
                bad("OpenVINO IR with a name in Latin-1, not UTF-8: one line, no parser output on stderr",
                        "m.xml:2:15: error: not well-formed XML: the file is not valid UTF-8 here (byte 0xE9)", dir -> {
                    Files.write(dir.resolve("m.xml"), HostileFiles.OV_IR_WITH_CONST.replaceFirst("<net name=\"[^\"]*\"", "<net name=\"caf\u00e9\"")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    Files.write(dir.resolve("m.bin"), new byte[16]);
                    return new String[] {"compile", dir.resolve("m.xml").toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("OpenVINO IR whose .bin is a folder", "its weights file 'm.bin' is a folder, expected a file", dir -> {
                    write(dir.resolve("m.xml"), HostileFiles.OV_IR_WITH_CONST);
                    Files.createDirectory(dir.resolve("m.bin"));
                    return new String[] {"compile", dir.resolve("m.xml").toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("OpenVINO IR whose .bin is a FIFO", "its weights file 'm.bin' is not a regular file", dir -> {
                    write(dir.resolve("m.xml"), HostileFiles.OV_IR_WITH_CONST);
                    HostileFiles.fifo(dir.resolve("m.bin"));
                    return new String[] {"compile", dir.resolve("m.xml").toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("a 1.5 GB .xir (sparse) is over the input limit", "big.xir: has 1610612736 bytes, more than the limit of 1073741824 (raise it with --max-input-bytes)",
                        dir -> new String[] {"opt", sparse(dir.resolve("big.xir"), 1536L << 20).toString()}),
                bad("a sparse 1.5 GB .onnx is within the memory-mapped model limit and read as ONNX",
                        "big.onnx\": error: not a valid ONNX model: Protocol message contained an invalid tag (zero).",
                        dir -> new String[] {"compile", sparse(dir.resolve("big.onnx"), 1536L << 20).toString(), "-o", dir.resolve("o.xml").toString()}),
                bad("run: a sparse 1.5 GB .onnx is within the memory-mapped model limit (was refused by --max-input-bytes' 1G)",
                        "big.onnx\": error: not a valid ONNX model: Protocol message contained an invalid tag (zero).",
                        dir -> new String[] {"run", sparse(dir.resolve("big.onnx"), 1536L << 20).toString(), "--output-dir", dir.toString()}),
                bad("--max-input-bytes lowers the limit", "in.xir: has ", dir -> new String[] {"opt", xir(dir, HostileFiles.VALID_XIR), "--max-input-bytes", "100"}),
                bad("a sparse 1.9 GB .npy given to run", "x.npy: has 1900000128 bytes, more than the limit of 1073741824", dir -> {
                    write(dir.resolve("m.xml"), "<net/>");
                    Files.write(dir.resolve("m.bin"), new byte[0]);
                    Path x = npyHeader(dir.resolve("x.npy"), "(475000000,)", 1_900_000_000L);
                    return new String[] {"run", dir.resolve("m.xml").toString(), "--input", "x=" + x, "--output-dir", dir.toString()};
                }),
                bad("a .npy whose header claims 2^62 elements", "array tensor<4611686018427387904xf32> is too large", dir -> {
                    write(dir.resolve("m.xml"), "<net/>");
                    Files.write(dir.resolve("m.bin"), new byte[0]);
                    Path x = npyHeader(dir.resolve("x.npy"), "(4611686018427387904,)", 16);
                    return new String[] {"run", dir.resolve("m.xml").toString(), "--input", "x=" + x, "--output-dir", dir.toString()};
                }),
                bad("an .npz member that inflates past --max-array-bytes", "array 'x': array tensor<1048576xf32> is too large", dir -> {
                    byte[] npy = dev.xamba.ir.io.Npy.toBytes(Tensor.splat(TensorType.of(ElementType.F32, 1 << 20), 0));
                    return new String[] {"verify", relu(dir), "--reference", npzOf(dir.resolve("r.npz"), "x.npy", npy).toString(), "--max-array-bytes", "1M"};
                }),
                bad("verify with a reference input of the wrong type, named with the file", "r.npz: array 'x' is tensor<2xi64> but the model's input #0 is tensor<2xf32>", dir -> {
                    Path npz = dir.resolve("r.npz");
                    NpzFile.write(npz, Map.of("x", Tensor.ofLongs(TensorType.of(ElementType.I64, 2), new long[] {1, 2})));
                    return new String[] {"verify", relu(dir), "--reference", npz.toString()};
                }),
                bad("verify --engine openvino with a reference input of the wrong shape", "r.npz: array 'x' is tensor<3xf32> but the model's input #0 is tensor<2xf32>", dir -> {
                    Path npz = dir.resolve("r.npz");
                    NpzFile.write(npz, Map.of("x", Tensor.ofDoubles(TensorType.of(ElementType.F32, 3), new double[] {1, 2, 3})));
                    return new String[] {"verify", relu(dir), "--reference", npz.toString(), "--engine", "openvino"};
                }),
                bad("an .npz with a wrong CRC", "damaged: its CRC-32 is", dir -> {
                    Path npz = dir.resolve("r.npz");
                    NpzFile.write(npz, Map.of("x", Tensor.ofDoubles(TensorType.of(ElementType.F32, 2), new double[] {1, 2})));
                    byte[] b = Files.readAllBytes(npz);
                    int data = indexOf(b, new byte[] {0, 0, (byte) 0x80, 0x3f}); // 1.0f in the stored member
                    b[data + 3] ^= 0x01;
                    Files.write(npz, b);
                    return new String[] {"verify", relu(dir), "--reference", npz.toString()};
                }),
                bad("a ConstantOfShape of 2^66 elements", "takes more bytes than fit in 64 bits", dir -> {
                    GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", FLOAT, 2))
                            .addInitializer(longs("shape", dims(2), 1L << 33, 1L << 33))
                            .addNode(node("huge", "ConstantOfShape", List.of("shape"), List.of("c")))
                            .addNode(node("r", "Relu", List.of("x"), List.of("y")))
                            .addOutput(tensor("y", FLOAT, 2)).addOutput(tensor("c", FLOAT, 1L << 33, 1L << 33));
                    return new String[] {"compile", write(dir.resolve("c.onnx"), model(g)).toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("a graph input of 2^80 elements", "('big') of type", dir -> {
                    GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("big", FLOAT, 1L << 40, 1L << 40))
                            .addNode(node("r", "Relu", List.of("big"), List.of("y"))).addOutput(tensor("y", FLOAT, 1L << 40, 1L << 40));
                    return new String[] {"compile", write(dir.resolve("i.onnx"), model(g)).toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("a textual-IR argument of 2^64 elements", "argument #0 of type", dir -> new String[] {"opt",
                        xir(dir, xirFunction("%a: tensor<4294967296x4294967296xf32>", "tensor<4294967296x4294967296xf32>",
                                "    %r = \"ov.ReLU\"(%a) : (tensor<4294967296x4294967296xf32>) -> tensor<4294967296x4294967296xf32>"))}));
    }

    @TestFactory
    Stream<DynamicTest> whatOpenVinoRefuses() {
        return HostileCase.tests(
                bad("StridedSlice masks of different lengths", "end_mask has 1 entries but begin_mask has 2", dir -> new String[] {"opt", xir(dir,
                        xirFunction("%a: tensor<4x4xf32>", "tensor<2x2xf32>", """
                            %b = "ov.Constant"() {value = dense<0> : tensor<2xi64>} : () -> tensor<2xi64>
                            %e = "ov.Constant"() {value = dense<2> : tensor<2xi64>} : () -> tensor<2xi64>
                            %r = "ov.StridedSlice"(%a, %b, %e) {begin_mask = [0, 0], end_mask = [0]} : (tensor<4x4xf32>, tensor<2xi64>, tensor<2xi64>) -> tensor<2x2xf32>"""))}),
                bad("integer division by a constant zero", "integer division by a constant zero", dir -> new String[] {"opt", xir(dir,
                        xirFunction("%a: tensor<2xi64>", "tensor<2xi64>", """
                            %z = "ov.Constant"() {value = dense<[1, 0]> : tensor<2xi64>} : () -> tensor<2xi64>
                            %r = "ov.Divide"(%a, %z) : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>"""))}),
                bad("integer FloorMod by a constant zero", "integer modulo by a constant zero", dir -> new String[] {"opt", xir(dir,
                        xirFunction("%a: tensor<2xi32>", "tensor<2xi32>", """
                            %z = "ov.Constant"() {value = dense<0> : tensor<2xi32>} : () -> tensor<2xi32>
                            %r = "ov.FloorMod"(%a, %z) : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>"""))}),
                bad("ONNX integer Div by a constant zero, compiled", "integer division by a constant zero", dir -> {
                    GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", INT64, 2))
                            .addInitializer(longs("zero", dims(2), 0, 0))
                            .addNode(node("div", "Div", List.of("x", "zero"), List.of("y"))).addOutput(tensor("y", INT64, 2));
                    return new String[] {"compile", write(dir.resolve("d.onnx"), model(g)).toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("two @main functions", "redefinition of function @main", dir -> new String[] {"opt", xir(dir, """
                        module {
                          func.func @main(%a: tensor<2xf32>) -> tensor<2xf32> {
                            func.return %a : tensor<2xf32>
                          }
                          func.func @main(%a: tensor<2xf32>) -> tensor<2xf32> {
                            func.return %a : tensor<2xf32>
                          }
                        }
                        """)}),
                bad("an initializer named like a graph input", "1 graph input also has an initializer of that name (default values"
                        + " a caller may override, as torch.onnx.export(keep_initializers_as_inputs=True) writes every weight): 'x';"
                        + " xamba keeps no default values: compile them as constants with --freeze-initializer-inputs", dir -> {
                    GraphProto.Builder g = HostileFiles.relu().addInitializer(OnnxBuilder.floats("x", dims(2), 1, 2));
                    return new String[] {"compile", write(dir.resolve("s.onnx"), model(g)).toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("seven initializers named like graph inputs: all counted in one line, five named", "7 graph inputs also have"
                        + " initializers of that name", dir -> {
                    GraphProto.Builder g = HostileFiles.relu();
                    for (int i = 0; i < 7; i++) {
                        g.addInput(OnnxBuilder.tensor("w" + i, OnnxBuilder.FLOAT, 2)).addInitializer(OnnxBuilder.floats("w" + i, dims(2), 1, 2));
                    }
                    return new String[] {"compile", write(dir.resolve("s.onnx"), model(g)).toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("--input-shape for an input that has an initializer (a weight; it was ignored)",
                        "a shape is given for input 'w0', but it has an initializer (a weight), whose shape it keeps", dir -> {
                    GraphProto.Builder g = HostileFiles.relu().addInput(OnnxBuilder.tensor("w0", OnnxBuilder.FLOAT, 2))
                            .addInitializer(OnnxBuilder.floats("w0", dims(2), 1, 2));
                    return new String[] {"compile", write(dir.resolve("s.onnx"), model(g)).toString(), "--freeze-initializer-inputs",
                            "--input-shape", "w0=7x7x7", "-o", dir.resolve("o.xml").toString()};
                }));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        throw new AssertionError("not found");
    }
}
