package dev.xamba.api;

import dev.xamba.codegen.RenderedIr;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.opt.cost.report.CostReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a compile produced, as values: the IR in memory ({@link #ir()} or {@link #xir()}) or the file it was written
 * to ({@link #output()}), the warnings and remarks of the passes, and the cost report when one was asked for.
 * Immutable (the IR's byte arrays are the caller's to keep).
 */
public final class CompileResult {
    private final RenderedIr ir;
    private final String xir;
    private final Path output;
    private final List<Diagnostic> warnings;
    private final List<Diagnostic> remarks;
    private final CostReport report;

    CompileResult(RenderedIr ir, String xir, Path output, List<Diagnostic> warnings, List<Diagnostic> remarks, CostReport report) {
        this.ir = ir;
        this.xir = xir;
        this.output = output;
        this.warnings = List.copyOf(warnings);
        this.remarks = List.copyOf(remarks);
        this.report = report;
    }

    /** The OpenVINO IR ({@code xml()}, {@code bin()}), when {@link CompileOptions.Emit#OV} was kept in memory. */
    public Optional<RenderedIr> ir() { return Optional.ofNullable(ir); }

    /** xamba's textual IR, when {@link CompileOptions.Emit#XIR} was kept in memory. */
    public Optional<String> xir() { return Optional.ofNullable(xir); }

    /** The file written, when {@link CompileOptions#withOutput} was given (for OpenVINO IR, its {@code .bin} is beside it). */
    public Optional<Path> output() { return Optional.ofNullable(output); }

    /** The passes' warnings, in order. */
    public List<Diagnostic> warnings() { return warnings; }

    /** Every rewrite decision, when {@link CompileOptions#withRemarks} asked for them; else empty. */
    public List<Diagnostic> remarks() { return remarks; }

    /** The predicted cost on the target, when {@link CompileOptions#withReport} asked for it. */
    public Optional<CostReport> report() { return Optional.ofNullable(report); }
}
