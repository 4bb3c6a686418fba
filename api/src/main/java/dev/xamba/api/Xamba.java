package dev.xamba.api;

import dev.xamba.api.pipeline.InputFiles;
import dev.xamba.api.pipeline.InputLoader;
import dev.xamba.api.pipeline.UserError;
import dev.xamba.frontend.text.TextIrParser;
import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.verify.Verifier;
import dev.xamba.opt.pass.PipelineException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The xamba compiler as a library: compiles an ONNX model ({@code .onnx}), OpenVINO IR ({@code .xml} with its
 * {@code .bin}) or xamba's textual IR ({@code .xir}) to OpenVINO IR, with the XAMBA rewrites the target's cost model
 * picks. This is what {@code xambac compile} and {@code xambac report} run.
 *
 * <p>Nothing here prints, exits or keeps state between calls: any number of threads may compile at once, each
 * with its own or shared {@link CompileOptions}. A problem of the input is a {@link CompileException} carrying the
 * one-line diagnostic; any other exception is a compiler bug.
 *
 * <pre>{@code
 * CompileResult r = Xamba.compile(Path.of("model.onnx"), CompileOptions.defaults().withTarget("npu4"));
 * byte[] xml = r.ir().orElseThrow().xml(), bin = r.ir().orElseThrow().bin();
 * }</pre>
 */
public final class Xamba {
    private Xamba() {}

    /** Compiles the model file {@code model}: {@code .onnx}, {@code .xml} (OpenVINO IR), else read as textual IR. */
    public static CompileResult compile(Path model, CompileOptions options) throws CompileException {
        // Models are memory-mapped and their external data found beside them, on the default file system only: a
        // zip or in-memory file system's path would be read, by its text, from the disk's.
        for (Path p : new Path[] {model, options.output(), options.targetFile()}) {
            if (p != null && p.getFileSystem() != FileSystems.getDefault()) {
                throw new CompileException(p + ": not on the default file system (" + p.getFileSystem().provider().getScheme()
                        + "); xamba reads and writes files on the default file system only", null);
            }
        }
        String input = model.toString();
        Path fileName = Path.of(input).getFileName();
        // "/" has no file name (it was a NullPointerException, exit 3): the loader says what it is.
        return run(new Compilation(fileName == null ? input : fileName.toString(),
                () -> InputLoader.loadVerified(input, options.limits().apply(options.importOptions()), options.limits().maxInputBytes()),
                options));
    }

    /** Compiles textual IR held in memory; {@code sourceName} is the file name its diagnostics give. */
    public static CompileResult compileXir(String text, String sourceName, CompileOptions options) throws CompileException {
        Objects.requireNonNull(text);
        return run(new Compilation(sourceName, () -> {
            Operation module = TextIrParser.parse(text, sourceName);
            Verifier.verifyOrThrow(module);
            return new InputLoader.Loaded(module, new InputFiles());
        }, options));
    }

    /** This library's version and git commit. */
    public static BuildInfo version() { return BuildInfo.current(); }

    private static CompileResult run(Compilation c) throws CompileException {
        try {
            return c.run();
        } catch (DiagnosticException e) {
            throw new CompileException(e.diagnostics(), e);
        } catch (UserError | PipelineException e) {
            throw new CompileException(e.getMessage(), e);
        }
    }
}
