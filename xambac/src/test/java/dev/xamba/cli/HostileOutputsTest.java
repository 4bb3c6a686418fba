package dev.xamba.cli;

import static dev.xamba.cli.HostileCase.bad;
import static dev.xamba.cli.HostileCase.badCommandLine;
import static dev.xamba.frontend.onnx.OnnxBuilder.FLOAT;
import static dev.xamba.frontend.onnx.OnnxBuilder.dims;
import static dev.xamba.cli.HostileFiles.external;
import static dev.xamba.cli.HostileFiles.model;
import static dev.xamba.frontend.onnx.OnnxBuilder.node;
import static dev.xamba.cli.HostileFiles.relu;
import static dev.xamba.frontend.onnx.OnnxBuilder.tensor;
import static dev.xamba.cli.HostileFiles.write;

import dev.xamba.frontend.onnx.proto.GraphProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Hostile outputs and command lines: what xambac must refuse to overwrite, and how it says a command line is wrong. */
class HostileOutputsTest {
    /** A model w.onnx whose weight lives in w.bin: compiling it to w.xml would overwrite its own weights. */
    private static Path externalModel(Path dir) throws Exception {
        Files.write(dir.resolve("w.bin"), new byte[8]);
        GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", FLOAT, 2))
                .addInitializer(external("b", dims(2), "w.bin"))
                .addNode(node("add", "Add", List.of("x", "b"), List.of("y"))).addOutput(tensor("y", FLOAT, 2));
        return write(dir.resolve("w.onnx"), model(g));
    }

    private static String reluModel(Path dir) throws Exception {
        return write(dir.resolve("m.onnx"), model(relu())).toString();
    }

    /** A valid target file (the built-in npu4's JSON) at {@code dir/name}. */
    private static String targetFile(Path dir, String name) throws Exception {
        Path npu4 = RepoFiles.root().resolve("optimizer/src/main/resources/dev/xamba/opt/cost/targets/npu4.json");
        return Files.copy(npu4, dir.resolve(name)).toString();
    }

    @TestFactory
    Stream<DynamicTest> outputs() {
        return HostileCase.tests(
                bad("compile -o a symbolic link to a file", "out.xml: is a symbolic link", dir -> {
                    Files.writeString(dir.resolve("target.txt"), "keep me");
                    Files.createSymbolicLink(dir.resolve("out.xml"), dir.resolve("target.txt"));
                    return new String[] {"compile", reluModel(dir), "-o", dir.resolve("out.xml").toString()};
                }),
                bad("compile -o whose .bin is a symbolic link", "out.bin: is a symbolic link", dir -> {
                    Files.writeString(dir.resolve("target.txt"), "keep me");
                    Files.createSymbolicLink(dir.resolve("out.bin"), dir.resolve("target.txt"));
                    return new String[] {"compile", reluModel(dir), "-o", dir.resolve("out.xml").toString()};
                }),
                bad("compile -o a FIFO (stand-in for a device)", "out.xml: is not a regular file", dir -> {
                    HostileFiles.fifo(dir.resolve("out.xml"));
                    return new String[] {"compile", reluModel(dir), "-o", dir.resolve("out.xml").toString()};
                }),
                bad("compile -o whose .bin is a FIFO", "out.bin: is not a regular file", dir -> {
                    HostileFiles.fifo(dir.resolve("out.bin"));
                    return new String[] {"compile", reluModel(dir), "-o", dir.resolve("out.xml").toString()};
                }),
                bad("compile --emit xir -o a FIFO", "o.xir: is not a regular file", dir -> {
                    HostileFiles.fifo(dir.resolve("o.xir"));
                    return new String[] {"compile", reluModel(dir), "--emit", "xir", "-o", dir.resolve("o.xir").toString()};
                }),
                bad("compile -o under a file, refused before the passes", "o.txt is a file", dir -> {
                    write(dir.resolve("o.txt"), "a file where the folder would be");
                    return new String[] {"compile", reluModel(dir), "-o", dir.resolve("o.txt/sub/out.xml").toString()};
                }),
                bad("calibrate -o under a file, refused before measuring (the first line is the error)", "o.txt is a file", dir -> {
                    write(dir.resolve("o.txt"), "a file where the folder would be");
                    return new String[] {"calibrate", "--quick", "-o", dir.resolve("o.txt/cpu.json").toString()};
                }),
                bad("calibrate -o a FIFO, refused before measuring", "t.json: is not a regular file",
                        dir -> new String[] {"calibrate", "--quick", "-o", HostileFiles.fifo(dir.resolve("t.json")).toString()}),
                bad("run --output-dir a file, refused before running", "od: is a file, expected a folder", dir -> {
                    write(dir.resolve("m.xml"), "<net/>");
                    Files.write(dir.resolve("m.bin"), new byte[0]);
                    write(dir.resolve("od"), "a file");
                    return new String[] {"run", dir.resolve("m.xml").toString(), "--input", "x=x.npy", "--output-dir", dir.resolve("od").toString()};
                }),
                bad("compile -o a folder", "is a folder", dir -> {
                    Files.createDirectory(dir.resolve("out.xml"));
                    return new String[] {"compile", reluModel(dir), "-o", dir.resolve("out.xml").toString()};
                }),
                bad("compile -o a name longer than 255 bytes, refused before the work (it failed at the last rename)", "bytes long; file systems take at most 255",
                        dir -> new String[] {"compile", reluModel(dir), "-o", dir.resolve("n".repeat(252) + ".xml").toString()}),
                bad("compile --emit xir -o a name of 128 two-byte characters", "o.xir: its name is 261 bytes long",
                        dir -> new String[] {"compile", reluModel(dir), "--emit", "xir", "-o", dir.resolve("é".repeat(128) + "o.xir").toString()}),
                badCommandLine("compile -o not ending in .xml", "must end in .xml (see 'xambac compile --help')", dir -> new String[] {"compile", reluModel(dir), "-o", dir.resolve("out.txt").toString()}),
                bad("compile --emit xir -o the input itself", "m.onnx: is the input", dir -> {
                    String in = reluModel(dir);
                    return new String[] {"compile", in, "--emit", "xir", "-o", in};
                }),
                bad("compile --emit xir -o nosuch/../ the input (the folder creation made it the input; it was replaced)",
                        "its '..' goes back out of a folder that does not exist", dir -> {
                    String in = reluModel(dir);
                    return new String[] {"compile", in, "--emit", "xir", "-o", dir.resolve("nosuch/../m.onnx").toString()};
                }),
                bad("report -o nosuch/../ the --target-file", "its '..' goes back out of a folder that does not exist", dir -> {
                    String t = targetFile(dir, "t.json");
                    return new String[] {"report", reluModel(dir), "--target-file", t, "-o", dir.resolve("nosuch/../t.json").toString()};
                }),
                bad("opt -o link/../ the input, where the link leads elsewhere", "is a symbolic link; give the output's folder without it",
                        dir -> {
                    Path in = write(dir.resolve("in.xir"), HostileFiles.VALID_XIR);
                    Files.createDirectories(dir.resolve("other/sub"));
                    Files.createSymbolicLink(dir.resolve("link"), dir.resolve("other/sub"));
                    return new String[] {"opt", in.toString(), "-o", dir.resolve("link/../in.xir").toString()};
                }),
                bad("compile --emit xir -o a hard link to the input", "h.xir: is the input", dir -> {
                    String in = reluModel(dir);
                    Files.createLink(dir.resolve("h.xir"), Path.of(in));
                    return new String[] {"compile", in, "--emit", "xir", "-o", dir.resolve("h.xir").toString()};
                }),
                bad("compile w.onnx -o w.xml where w.bin is the model's external data", "w.bin: is external data of", dir -> {
                    Path m = externalModel(dir);
                    return new String[] {"compile", m.toString(), "-o", dir.resolve("w.xml").toString()};
                }),
                bad("compile -o another spelling of the external-data file's .xml", "w.bin: is external data of", dir -> {
                    Path m = externalModel(dir);
                    Files.createDirectory(dir.resolve("sub"));
                    return new String[] {"compile", m.toString(), "-o", dir.resolve("sub/../w.xml").toString()};
                }),
                bad("opt -o the input", "in.xir: is the input", dir -> {
                    Path in = write(dir.resolve("in.xir"), HostileFiles.VALID_XIR);
                    return new String[] {"opt", in.toString(), "-o", in.toString()};
                }),
                bad("opt -o a symbolic link to the input", "alias.xir: is a symbolic link", dir -> {
                    Path in = write(dir.resolve("in.xir"), HostileFiles.VALID_XIR);
                    Files.createSymbolicLink(dir.resolve("alias.xir"), in);
                    return new String[] {"opt", in.toString(), "-o", dir.resolve("alias.xir").toString()};
                }),
                bad("opt --split-input-file -o the input", "in.xir: is the input", dir -> {
                    Path in = write(dir.resolve("in.xir"), HostileFiles.VALID_XIR);
                    return new String[] {"opt", in.toString(), "--split-input-file", "-o", in.toString()};
                }),
                // A calibrated target file is the user's measurement (minutes of it): it was overwritten with exit 0.
                bad("compile -o t.xml where t.bin is the --target-file", "t.bin: is the target file (", dir -> {
                    String t = targetFile(dir, "t.bin");
                    return new String[] {"compile", reluModel(dir), "--target-file", t, "-o", dir.resolve("t.xml").toString()};
                }),
                bad("compile --emit xir -o the --target-file", "t.json: is the target file (", dir -> {
                    String t = targetFile(dir, "t.json");
                    return new String[] {"compile", reluModel(dir), "--target-file", t, "--emit", "xir", "-o", t};
                }),
                bad("report -o the --target-file, refused before the compile", "t.json: is the target file (", dir -> {
                    String t = targetFile(dir, "t.json");
                    return new String[] {"report", reluModel(dir), "--target-file", t, "-o", t};
                }),
                bad("opt -o the target file a pass option names", "t.json: is the target file of xamba-cumba (", dir -> {
                    Path in = write(dir.resolve("in.xir"), HostileFiles.VALID_XIR);
                    String t = targetFile(dir, "t.json");
                    return new String[] {"opt", in.toString(), "--passes", "xamba-cumba{target=" + t + "}", "-o", t};
                }),
                bad("opt --xamba cumba -o its --target-file", "t.json: is the target file of xamba-cumba (", dir -> {
                    Path in = write(dir.resolve("in.xir"), HostileFiles.VALID_XIR);
                    String t = targetFile(dir, "t.json");
                    return new String[] {"opt", in.toString(), "--xamba", "cumba", "--target-file", t, "-o", t};
                }));
    }

    @TestFactory
    Stream<DynamicTest> commandLines() {
        return HostileCase.tests(
                badCommandLine("unknown option", "xambac compile: error: Unknown option: '--frobnicate' (see 'xambac compile --help')",
                        dir -> new String[] {"compile", reluModel(dir), "--frobnicate", "-o", dir.resolve("o.xml").toString()}),
                badCommandLine("missing model", "xambac compile: error: Missing required parameter: 'MODEL' (see 'xambac compile --help')",
                        dir -> new String[] {"compile"}),
                badCommandLine("unknown command", "xambac: error: Unmatched argument at index 0: 'compiel'", dir -> new String[] {"compiel"}),
                badCommandLine("bad enum value", "xambac compile: error: Invalid value for option '--emit'", dir -> new String[] {"compile", reluModel(dir), "--emit", "png"}),
                badCommandLine("bad size suffix", "'12Q' is not a size", dir -> new String[] {"opt", "x.xir", "--max-input-bytes", "12Q"}),
                badCommandLine("a negative fold budget (was an internal error)", "Invalid value for option '--max-fold-work': '-1' is not a whole number of 0 or more",
                        dir -> new String[] {"compile", reluModel(dir), "-o", dir.resolve("o.xml").toString(), "--max-fold-work", "-1"}),
                // A limit a command does not apply was accepted and changed nothing: a user believed it raised.
                badCommandLine("compile reads no arrays: --max-array-bytes is not its option", "xambac compile: error: Unknown options: '--max-array-bytes'",
                        dir -> new String[] {"compile", reluModel(dir), "-o", dir.resolve("o.xml").toString(), "--max-array-bytes", "2G"}),
                badCommandLine("run folds nothing: --max-fold-work is not its option", "xambac run: error: Unknown options: '--max-fold-work'",
                        dir -> new String[] {"run", "m.xml", "--max-fold-work", "5"}),
                badCommandLine("a negative --tolerance (verify failed every run with it)", "Invalid value for option '--tolerance': '-1' is not a finite number of 0 or more",
                        dir -> new String[] {"verify", reluModel(dir), "--reference", "r.npz", "--tolerance", "-1"}),
                badCommandLine("a NaN --tolerance", "'NaN' is not a finite number of 0 or more",
                        dir -> new String[] {"verify", reluModel(dir), "--reference", "r.npz", "--tolerance", "NaN"}),
                badCommandLine("--input-shape without a name", "xambac compile: error: --input-shape =1x2: give the input's name, e.g. input_ids=1x16 (see 'xambac compile --help')",
                        dir -> new String[] {"compile", reluModel(dir), "-o", dir.resolve("o.xml").toString(), "--input-shape", "=1x2"}),
                // Option values the command checks itself were exit 1 with "xambac: error:", unlike picocli's own checks.
                badCommandLine("an unknown --xamba rewrite", "xambac compile: error: --xamba bogus: unknown rewrite 'bogus'",
                        dir -> new String[] {"compile", reluModel(dir), "-o", dir.resolve("o.xml").toString(), "--xamba", "bogus"}),
                badCommandLine("an unknown --target", "xambac report: error: --target nope: unknown target",
                        dir -> new String[] {"report", reluModel(dir), "--target", "nope"}),
                badCommandLine("--emit ov without -o", "xambac compile: error: --emit ov needs -o OUT.xml (see 'xambac compile --help')",
                        dir -> new String[] {"compile", reluModel(dir)}),
                badCommandLine("--annotate with --emit ov", "xambac compile: error: --annotate needs --emit xir",
                        dir -> new String[] {"compile", reluModel(dir), "-o", dir.resolve("o.xml").toString(), "--annotate"}),
                badCommandLine("calibrate on another device", "xambac calibrate: error: --device GPU: only CPU can be calibrated",
                        dir -> new String[] {"calibrate", "--device", "GPU"}),
                badCommandLine("report --runs 0 (was exit 1, unlike --runs abc)", "Invalid value for option '--runs': '0' is not a whole number from 1 to 100000",
                        dir -> new String[] {"report", reluModel(dir), "--runs", "0"}),
                badCommandLine("report --runs 2147483647 (ran out of memory, blaming the input)",
                        "Invalid value for option '--runs': '2147483647' is not a whole number from 1 to 100000",
                        dir -> new String[] {"report", reluModel(dir), "--target", "cpu", "--measure", "--runs", "2147483647"}),
                badCommandLine("calibrate --runs 100001", "Invalid value for option '--runs': '100001' is not a whole number from 1 to 100000",
                        dir -> new String[] {"calibrate", "--quick", "--runs", "100001"}),
                badCommandLine("calibrate --runs past an int", "Invalid value for option '--runs': '99999999999' is not a whole number from 1",
                        dir -> new String[] {"calibrate", "--quick", "--runs", "99999999999"}),
                badCommandLine("newline in an option name", "Unknown option: '--a\\nb'", dir -> new String[] {"opt", "x.xir", "--a\nb"}));
    }

    @TestFactory
    Stream<DynamicTest> messages() {
        return HostileCase.tests(
                bad("newline in a missing file's name", "a\\nb.xir: no such file", dir -> new String[] {"opt", dir.resolve("a\nb.xir").toString()}),
                bad("ANSI escape in a missing file's name", "\\x1b[31mred.xir: no such file",
                        dir -> new String[] {"opt", dir.resolve("\u001b[31mred.xir").toString()}),
                bad("newline and ANSI escape in an ONNX node name", "node 'evil\\n\\x1b[2J' (ai.onnx::NoSuchOp): unsupported operator", dir -> {
                    GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", FLOAT, 2))
                            .addNode(node("evil\n\u001b[2J", "NoSuchOp", List.of("x"), List.of("y"))).addOutput(tensor("y", FLOAT, 2));
                    return new String[] {"compile", write(dir.resolve("n.onnx"), model(g)).toString(), "-o", dir.resolve("o.xml").toString()};
                }),
                bad("newline in an ONNX tensor name", "input 'no\\nwhere' is not produced", dir -> {
                    GraphProto.Builder g = GraphProto.newBuilder().addInput(tensor("x", FLOAT, 2))
                            .addNode(node("a", "Add", List.of("x", "no\nwhere"), List.of("y"))).addOutput(tensor("y", FLOAT, 2));
                    return new String[] {"compile", write(dir.resolve("t.onnx"), model(g)).toString(), "-o", dir.resolve("o.xml").toString()};
                }));
    }
}
