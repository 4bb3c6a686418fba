package dev.xamba.api;

import dev.xamba.frontend.onnx.ImportOptions;
import dev.xamba.opt.pass.PassManager;
import dev.xamba.opt.pass.PassRegistry;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

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

    /**
     * The settings, written only before the options that hold them are made (by {@link #change}): the final field
     * publishes them safely, so options shared between threads without a lock are seen complete.
     */
    private final Settings s;

    private CompileOptions(Settings s) { this.s = s; }

    /** The defaults (see the class comment). */
    public static CompileOptions defaults() { return new CompileOptions(new Settings()); }

    /** A built-in target: {@code npu4} (Lunar Lake), {@code npu3720} (Meteor Lake) or {@code cpu}. */
    public CompileOptions withTarget(String name) { return change(c -> c.target = name); }

    /** A target described by a JSON file (the README's target schema; {@code xambac calibrate} writes one). */
    public CompileOptions withTargetFile(Path file) { return change(c -> c.targetFile = file); }

    /**
     * The XAMBA rewrites: {@code auto} (the exact ones where the target's cost model predicts a win), {@code none},
     * {@code all} (forced), or a comma list of {@code contract}, {@code cumba}, {@code reduba}, {@code actiba}
     * (forced); null for the target's default.
     */
    public CompileOptions withXamba(String choice) { return change(c -> c.xamba = choice); }

    /** Runs ActiBA (approximate activations) with at most this absolute error per op; null for off. */
    public CompileOptions withActibaMaxError(Double maxError) { return change(c -> c.actibaMaxError = maxError); }

    /** Stores f32 weights as f16 with a decompression Convert (half the {@code .bin}). */
    public CompileOptions withCompressFp16(boolean on) { return change(c -> c.compressFp16 = on); }

    public CompileOptions withEmit(Emit what) { return change(c -> c.emit = Objects.requireNonNull(what)); }

    /**
     * With {@link Emit#XIR}: lower to the OpenVINO opset and annotate each op with its placement on the target
     * ({@code npu.unit}).
     */
    public CompileOptions withAnnotate(boolean on) { return change(c -> c.annotate = on); }

    /** A static shape for an ONNX input with symbolic dims (e.g. {@code input_ids}, {@code 1, 16}). */
    public CompileOptions withInputShape(String input, long... dims) {
        long[] shape = dims.clone();
        return change(c -> c.importOptions = c.importOptions.withInputShape(input, shape));
    }

    /** The options with import settings given whole (the command line builds them). */
    public CompileOptions withImportOptions(ImportOptions o) { return change(c -> c.importOptions = Objects.requireNonNull(o)); }

    public CompileOptions withLimits(Limits l) { return change(c -> c.limits = Objects.requireNonNull(l)); }

    /** Records every rewrite decision (applied, or why not) as a remark in {@link CompileResult#remarks()}. */
    public CompileOptions withRemarks(boolean on) { return change(c -> c.remarks = on); }

    /**
     * Also predicts the compiled model's cost on the target ({@link CompileResult#report()}, what
     * {@code xambac report} shows). Costs one more compile without rewrites, plus one per chosen rewrite.
     * Needs {@link Emit#OV}.
     */
    public CompileOptions withReport(boolean on) { return change(c -> c.report = on); }

    /**
     * Whether a compile without an output file renders the OpenVINO IR into memory ({@link CompileResult#ir()}; on
     * by default). A caller that wants only the {@linkplain #withReport report} turns it off: rendering copies every
     * weight, and a model over 2 GiB of weights cannot be held in memory at all.
     */
    public CompileOptions withIrInMemory(boolean on) { return change(c -> c.irInMemory = on); }

    /**
     * Writes the result to this file (OpenVINO IR: {@code OUT.xml} and {@code OUT.bin} beside it) instead of
     * returning it in memory; its folder is created. Written atomically, and never over a symbolic link, a
     * folder, a device or the model itself.
     */
    public CompileOptions withOutput(Path file) { return change(c -> c.output = file); }

    /** Where the reproducer of a crashing pass goes (default: the system's temporary folder). */
    public CompileOptions withReproducerDir(Path dir) { return change(c -> c.reproducerDir = dir); }

    /** The passes pipelines may name (for tests and tools that add passes); default {@link PassRegistry#standard()}. */
    public CompileOptions withPassRegistry(PassRegistry registry) { return change(c -> c.passes = Objects.requireNonNull(registry)); }

    /** Pass-manager debugging options (IR printing, timing, verify-each); their printing is the caller's choice. */
    public CompileOptions withPassManagerOptions(PassManager.Options o) { return change(c -> c.passManager = Objects.requireNonNull(o)); }

    /** Told each phase ({@code import}, {@code passes}, {@code writing weights}) and the share of weights written. */
    public CompileOptions withProgress(CompileProgress p) { return change(c -> c.progress = Objects.requireNonNull(p)); }

    public String target() { return s.target; }
    public Path targetFile() { return s.targetFile; }
    public String xamba() { return s.xamba; }
    public Double actibaMaxError() { return s.actibaMaxError; }
    public boolean compressFp16() { return s.compressFp16; }
    public Emit emit() { return s.emit; }
    public boolean annotate() { return s.annotate; }
    public ImportOptions importOptions() { return s.importOptions; }
    public Limits limits() { return s.limits; }
    public boolean remarks() { return s.remarks; }
    public boolean report() { return s.report; }
    public boolean irInMemory() { return s.irInMemory; }
    public Path output() { return s.output; }
    public Path reproducerDir() { return s.reproducerDir; }
    public PassRegistry passRegistry() { return s.passes; }
    public PassManager.Options passManagerOptions() { return s.passManager; }
    public CompileProgress progress() { return s.progress; }

    private CompileOptions change(Consumer<Settings> edit) {
        Settings c = s.copy();
        edit.accept(c);
        return new CompileOptions(c);
    }

    /** The mutable settings behind one {@link CompileOptions}; never changed once that is made. */
    private static final class Settings implements Cloneable {
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
        private boolean irInMemory = true;
        private Path output;
        private Path reproducerDir;
        private PassRegistry passes = PassRegistry.standard();
        private PassManager.Options passManager = PassManager.Options.defaults();
        private CompileProgress progress = CompileProgress.NONE;

        Settings copy() {
            try {
                return (Settings) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
