package dev.xamba.api;

import dev.xamba.frontend.onnx.ImportOptions;
import dev.xamba.opt.pass.PassManager;
import dev.xamba.opt.pass.PassRegistry;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How {@link Xamba#compile} compiles: immutable, each {@code with...} returns a changed copy, so one instance may
 * be shared by concurrent compiles. The defaults are {@code xambac compile}'s: target npu4, the target's default
 * XAMBA rewrites (auto on npu*, none on cpu), OpenVINO IR with f32 weights, returned in memory.
 */
public final class CompileOptions {
    /** What a compile produces. */
    public enum Emit {
        /** OpenVINO IR v11: an {@code .xml} and its {@code .bin} of weights. */
        OV,
        /** xamba's textual IR of the imported, cleaned-up model. */
        XIR
    }

    private String target;
    private Path targetFile;
    private String xamba;
    private Double actibaMaxError;
    private boolean compressFp16;
    private Emit emit = Emit.OV;
    private boolean annotate;
    private ImportOptions importOptions = ImportOptions.defaults();
    private Limits limits = Limits.defaults();
    private boolean remarks;
    private boolean report;
    private Path output;
    private Path reproducerDir;
    private PassRegistry passes = PassRegistry.standard();
    private PassManager.Options passManager = PassManager.Options.defaults();
    private CompileProgress progress = CompileProgress.NONE;

    private CompileOptions() {}

    /** The defaults (see the class comment). */
    public static CompileOptions defaults() { return new CompileOptions(); }

    /** A built-in target: {@code npu4} (Lunar Lake), {@code npu3720} (Meteor Lake) or {@code cpu}. */
    public CompileOptions withTarget(String name) { CompileOptions c = copy(); c.target = name; return c; }

    /** A target described by a JSON file (the README's target schema; {@code xambac calibrate} writes one). */
    public CompileOptions withTargetFile(Path file) { CompileOptions c = copy(); c.targetFile = file; return c; }

    /**
     * The XAMBA rewrites: {@code auto} (the exact ones where the target's cost model predicts a win), {@code none},
     * {@code all} (forced), or a comma list of {@code contract}, {@code cumba}, {@code reduba}, {@code actiba}
     * (forced); null for the target's default.
     */
    public CompileOptions withXamba(String choice) { CompileOptions c = copy(); c.xamba = choice; return c; }

    /** Runs ActiBA (approximate activations) with at most this absolute error per op; null for off. */
    public CompileOptions withActibaMaxError(Double maxError) { CompileOptions c = copy(); c.actibaMaxError = maxError; return c; }

    /** Stores f32 weights as f16 with a decompression Convert (half the {@code .bin}). */
    public CompileOptions withCompressFp16(boolean on) { CompileOptions c = copy(); c.compressFp16 = on; return c; }

    public CompileOptions withEmit(Emit what) { CompileOptions c = copy(); c.emit = Objects.requireNonNull(what); return c; }

    /**
     * With {@link Emit#XIR}: lower to the OpenVINO opset and annotate each op with its placement on the target
     * ({@code npu.unit}).
     */
    public CompileOptions withAnnotate(boolean on) { CompileOptions c = copy(); c.annotate = on; return c; }

    /** A static shape for an ONNX input with symbolic dims (e.g. {@code input_ids}, {@code 1, 16}). */
    public CompileOptions withInputShape(String input, long... dims) {
        CompileOptions c = copy();
        c.importOptions = importOptions.withInputShape(input, dims.clone());
        return c;
    }

    public CompileOptions withLimits(Limits l) { CompileOptions c = copy(); c.limits = Objects.requireNonNull(l); return c; }

    /** Records every rewrite decision (applied, or why not) as a remark in {@link CompileResult#remarks()}. */
    public CompileOptions withRemarks(boolean on) { CompileOptions c = copy(); c.remarks = on; return c; }

    /**
     * Also predicts the compiled model's cost on the target ({@link CompileResult#report()}, what
     * {@code xambac report} shows). Costs one more compile without rewrites, plus one per chosen rewrite.
     * Needs {@link Emit#OV}.
     */
    public CompileOptions withReport(boolean on) { CompileOptions c = copy(); c.report = on; return c; }

    /**
     * Writes the result to this file (OpenVINO IR: {@code OUT.xml} and {@code OUT.bin} beside it) instead of
     * returning it in memory; its folder is created. Written atomically, and never over a symbolic link, a
     * folder, a device or the model itself.
     */
    public CompileOptions withOutput(Path file) { CompileOptions c = copy(); c.output = file; return c; }

    /** Where the reproducer of a crashing pass goes (default: the system's temporary folder). */
    public CompileOptions withReproducerDir(Path dir) { CompileOptions c = copy(); c.reproducerDir = dir; return c; }

    /** The passes pipelines may name (for tests and tools that add passes); default {@link PassRegistry#standard()}. */
    public CompileOptions withPassRegistry(PassRegistry registry) { CompileOptions c = copy(); c.passes = Objects.requireNonNull(registry); return c; }

    /** Pass-manager debugging options (IR printing, timing, verify-each); their printing is the caller's choice. */
    public CompileOptions withPassManagerOptions(PassManager.Options o) { CompileOptions c = copy(); c.passManager = Objects.requireNonNull(o); return c; }

    /** Told each phase ({@code import}, {@code passes}, {@code writing weights}) and the share of weights written. */
    public CompileOptions withProgress(CompileProgress p) { CompileOptions c = copy(); c.progress = Objects.requireNonNull(p); return c; }

    public String target() { return target; }
    public Path targetFile() { return targetFile; }
    public String xamba() { return xamba; }
    public Double actibaMaxError() { return actibaMaxError; }
    public boolean compressFp16() { return compressFp16; }
    public Emit emit() { return emit; }
    public boolean annotate() { return annotate; }
    public ImportOptions importOptions() { return importOptions; }
    public Limits limits() { return limits; }
    public boolean remarks() { return remarks; }
    public boolean report() { return report; }
    public Path output() { return output; }
    public Path reproducerDir() { return reproducerDir; }
    public PassRegistry passRegistry() { return passes; }
    public PassManager.Options passManagerOptions() { return passManager; }
    public CompileProgress progress() { return progress; }

    /** The options with import settings given whole (the command line builds them). */
    public CompileOptions withImportOptions(ImportOptions o) { CompileOptions c = copy(); c.importOptions = Objects.requireNonNull(o); return c; }

    private CompileOptions copy() {
        CompileOptions c = new CompileOptions();
        c.target = target;
        c.targetFile = targetFile;
        c.xamba = xamba;
        c.actibaMaxError = actibaMaxError;
        c.compressFp16 = compressFp16;
        c.emit = emit;
        c.annotate = annotate;
        c.importOptions = importOptions;
        c.limits = limits;
        c.remarks = remarks;
        c.report = report;
        c.output = output;
        c.reproducerDir = reproducerDir;
        c.passes = passes;
        c.passManager = passManager;
        c.progress = progress;
        return c;
    }
}
