package dev.xamba.cli;

import dev.xamba.codegen.OvIrWriter;
import dev.xamba.codegen.WriterOptions;
import dev.xamba.frontend.onnx.ImportOptions;
import dev.xamba.frontend.text.TextIrParser;
import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.verify.Verifier;
import dev.xamba.opt.pass.PassManager;
import dev.xamba.opt.pass.PassRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What {@code xambac compile} does to its input, callable by the fuzz targets: load (ONNX bytes or textual IR),
 * verify, run the pipeline to the OpenVINO opset and write the {@code .xml}/{@code .bin} into a temporary folder.
 * A diagnosed problem of the input (a {@link DiagnosticException} or {@link UserError}) is the expected outcome
 * for most fuzzed inputs and is swallowed; anything else propagates, and the fuzzer reports it as a bug.
 */
public final class FuzzPipeline {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private FuzzPipeline() {}

    /** Imports {@code onnx} as a model file and compiles it to OpenVINO IR. */
    public static void compileOnnx(byte[] onnx) {
        inTempDir(dir -> {
            Path model = dir.resolve("model.onnx");
            Files.write(model, onnx);
            compile(dir, () -> InputLoader.load(model.toString(), ImportOptions.defaults(), LimitOptions.DEFAULT_MAX_INPUT_BYTES));
        });
    }

    /** Parses {@code text} as textual IR, then compiles it as {@code compile} would a {@code .xir} file. */
    public static void compileText(String text) {
        inTempDir(dir -> compile(dir, () -> TextIrParser.parse(text, "fuzz.xir")));
    }

    private static void compile(Path dir, java.util.function.Supplier<Operation> load) throws IOException {
        try {
            Operation module = load.get();
            Verifier.verifyOrThrow(module);
            CompilerPipeline pipeline = new CompilerPipeline(PassRegistry.standard(), PassManager.Options.defaults(), QUIET,
                    () -> {
                        Operation m = load.get();
                        Verifier.verifyOrThrow(m);
                        return m;
                    }, dir.resolve("repro"), false);
            // compile's default pipeline: legalization, then the XAMBA rewrites the default target's cost model picks
            pipeline.run(module, CompilerPipeline.toOpenVino(XambaFlags.of(null, new TargetFlags(), null)));
            OvIrWriter.write(module, dir.resolve("out.xml"), new WriterOptions(false));
        } catch (DiagnosticException | UserError expected) {
            // bad input, diagnosed: what most mutated inputs are
        }
    }

    private interface InDir {
        void accept(Path dir) throws IOException;
    }

    private static void inTempDir(InDir body) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("xamba-fuzz");
            body.accept(dir);
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
