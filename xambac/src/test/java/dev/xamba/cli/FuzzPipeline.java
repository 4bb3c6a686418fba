package dev.xamba.cli;

import dev.xamba.api.CompileException;
import dev.xamba.api.CompileOptions;
import dev.xamba.api.Xamba;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What {@code xambac compile} does to its input, callable by the fuzz targets: {@link Xamba#compile} with the
 * default target and rewrites, writing the {@code .xml}/{@code .bin} into a temporary folder. A diagnosed problem
 * of the input (a {@link CompileException}) is the expected outcome for most fuzzed inputs and is swallowed;
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

    private static CompileOptions options(Path dir) {
        return CompileOptions.defaults().withOutput(dir.resolve("out.xml")).withReproducerDir(dir.resolve("repro"));
    }

    private interface InDir {
        void accept(Path dir) throws IOException, CompileException;
    }

    private static void inTempDir(InDir body) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("xamba-fuzz");
            body.accept(dir);
        } catch (CompileException expected) {
            // bad input, diagnosed: what most mutated inputs are
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
