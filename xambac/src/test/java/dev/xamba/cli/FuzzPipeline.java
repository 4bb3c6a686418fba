package dev.xamba.cli;

import dev.xamba.api.CompileException;
import dev.xamba.api.CompileOptions;
import dev.xamba.api.Xamba;
import dev.xamba.ir.io.Npy;
import dev.xamba.ir.io.NpzFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What {@code xambac compile} does to its input, and how {@code verify} and {@code run} read arrays, callable by the
 * fuzz targets. Compiling is {@link Xamba#compile} with the default target and rewrites, writing the
 * {@code .xml}/{@code .bin} into a temporary folder. A diagnosed problem of the input (a {@link CompileException}, or
 * an {@link IOException} of an array reader) is the expected outcome for most fuzzed inputs and is swallowed;
 * anything else propagates, and the fuzzer reports it as a bug.
 */
public final class FuzzPipeline {
    private FuzzPipeline() {}

    /** Imports {@code onnx} as a model file and compiles it to OpenVINO IR. */
    public static void compileOnnx(byte[] onnx) {
        inTempDir(dir -> {
            Path model = dir.resolve("model.onnx");
            Files.write(model, onnx);
            Xamba.compile(model, options(dir));
        });
    }

    /** Parses {@code text} as textual IR, then compiles it as {@code compile} would a {@code .xir} file. */
    public static void compileText(String text) {
        inTempDir(dir -> Xamba.compileXir(text, "fuzz.xir", options(dir)));
    }

    /**
     * Splits {@code data} into an OpenVINO IR {@code .xml} and its {@code .bin} (a 4-byte big-endian length of the
     * {@code .xml} first, clamped to what there is) and compiles the {@code .xml} as {@code compile M.xml} would.
     */
    public static void compileOvIr(byte[] data) {
        inTempDir(dir -> {
            int xmlLength = data.length < 4 ? 0 : (int) Math.min(ByteBuffer.wrap(data).getInt() & 0x7fffffffL, data.length - 4L);
            int start = Math.min(4, data.length);
            Path xml = Files.write(dir.resolve("model.xml"), Arrays.copyOfRange(data, start, start + xmlLength));
            Files.write(dir.resolve("model.bin"), Arrays.copyOfRange(data, start + xmlLength, data.length));
            Xamba.compile(xml, options(dir));
        });
    }

    /**
     * Reads {@code data} as a reference archive ({@code verify --reference}) and as one array ({@code run --input}),
     * with a 64 MiB limit per array: an {@link IOException} is the diagnosed outcome, anything else a bug.
     */
    public static void readArrays(byte[] data) {
        inTempDir(dir -> {
            Path npz = Files.write(dir.resolve("ref.npz"), data);
            try {
                NpzFile.read(npz, 1 << 26);
            } catch (IOException diagnosed) {
                // a damaged archive, said so in one message
            }
            try {
                Npy.read(new ByteArrayInputStream(data), "fuzz.npy", 1 << 26);
            } catch (IOException diagnosed) {
                // a damaged .npy
            }
        });
    }

    private static CompileOptions options(Path dir) {
        return CompileOptions.defaults().withOutput(dir.resolve("out.xml")).withReproducerDir(dir.resolve("repro"));
    }

    private interface InDir {
        void accept(Path dir) throws IOException, CompileException;
    }

    /**
     * Runs {@code body} in a fresh temporary folder. The library reports through its results and exceptions only: a
     * line it (or a library under it) prints on System.out or System.err would reach a user beside xambac's one-line
     * diagnostic, so it is a finding too.
     */
    private static void inTempDir(InDir body) {
        Path dir = null;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            dir = Files.createTempDirectory("xamba-fuzz");
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            body.accept(dir);
        } catch (CompileException expected) {
            // bad input, diagnosed: what most mutated inputs are
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            System.setOut(out);
            System.setErr(err);
            if (dir != null) deleteTree(dir);
        }
        String text = CliRunner.withoutAgentLog(printed.toString(StandardCharsets.UTF_8));
        if (!text.isEmpty()) throw new AssertionError("the compiler printed on System.out or System.err: " + text.lines().findFirst().orElse(""));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
