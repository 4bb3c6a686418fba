package dev.xamba.cli;

import dev.xamba.api.CompileOptions;
import dev.xamba.api.pipeline.XambaRewrites;
import dev.xamba.opt.cost.device.Target;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The XAMBA rewrite choice shared by {@code compile}, {@code verify} and {@code opt}: which rewrites run, for which
 * target's cost model, and ActiBA's error budget. Turns them into pass-pipeline elements.
 */
final class XambaFlags {
    @Mixin
    TargetFlags targets = new TargetFlags();

    // One string, not one per line: picocli wraps each element of a description array on its own, raggedly.
    @Option(names = "--xamba", paramLabel = "PASSES", description = "XAMBA rewrites: auto (contract, cumba, reduba, each only"
            + " where the target's cost model predicts a win; the default on npu* targets), none (the default on cpu), all"
            + " (every rewrite, forced), or a comma list of contract, cumba, reduba, actiba (forced: applied wherever"
            + " correct). --remarks shows each decision.")
    String xamba;

    @Option(names = "--actiba-max-error", paramLabel = "E", converter = ErrorBudget.class,
            description = "Run ActiBA (approximate activations) with at most this absolute error per op; implied by --xamba actiba.")
    Double actibaMaxError;

    /** {@code --actiba-max-error}: a finite number above 0 (0 admits no approximation, infinity any), else exit 2. */
    static final class ErrorBudget implements ITypeConverter<Double> {
        @Override public Double convert(String value) {
            try {
                double e = Double.parseDouble(value.trim());
                if (e > 0 && Double.isFinite(e)) return e;
            } catch (NumberFormatException ignored) {
                // refused below, as 0 is
            }
            throw new TypeConversionException("'" + value + "' is not a finite number above 0");
        }
    }

    /** Flags as if given on the command line ({@code choice} null for the target's default). */
    static XambaFlags of(String choice, TargetFlags targets, Double actibaMaxError) {
        XambaFlags f = new XambaFlags();
        f.xamba = choice;
        f.targets = targets;
        f.actibaMaxError = actibaMaxError;
        return f;
    }

    /** The choice in effect: as given, or the target's default (auto on npu*, none on cpu). */
    String choice() { return XambaRewrites.choice(xamba, targets.choice()); }

    /** The pipeline elements to run after legalization, in driver order; empty for none. */
    List<String> passes() { return XambaRewrites.passes(xamba, targets.choice(), actibaMaxError); }

    /** {@code o} with this target and rewrite choice. */
    CompileOptions applyTo(CompileOptions o) {
        return targets.applyTo(o).withXamba(xamba).withActibaMaxError(actibaMaxError);
    }

    /** The target the rewrites are costed for ({@code --target} or {@code --target-file}). */
    Target target() { return targets.resolve(); }

    /** Rewrite names without the {@code xamba-} prefix, in driver order. */
    static List<String> known() { return XambaRewrites.known(); }
}
