package dev.xamba.opt.pass;

import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.Severity;
import dev.xamba.ir.loc.Location;
import dev.xamba.opt.cost.RewriteDecision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one run of a pipeline produces besides the rewritten IR: diagnostics (errors fail the run,
 * warnings do not), statistics counters per pass, and optimization remarks (recorded only when enabled, since
 * drivers make one per decision).
 */
public final class PassContext {
    private final boolean remarksEnabled;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<Diagnostic> remarks = new LinkedHashSet<>();
    private final Map<String, Map<String, Long>> statistics = new LinkedHashMap<>();
    private final List<RewriteDecision> decisions = new ArrayList<>();
    private String currentPass;

    public PassContext(boolean remarksEnabled) {
        this.remarksEnabled = remarksEnabled;
    }

    /** Marks the start of a pass: later statistics and remarks are attributed to it. */
    void beginPass(String passName) { currentPass = passName; }

    /** The CLI name of the running pass, or null outside a pass manager. */
    public String currentPass() { return currentPass; }

    // ---- diagnostics

    /** Reports a problem; an error fails the pipeline once the current pass returns. */
    public void emit(Diagnostic diagnostic) { diagnostics.add(diagnostic); }

    /** Reports a warning at {@code loc}; the run goes on. */
    public void warn(Location loc, String message) {
        emit(new Diagnostic(Severity.WARNING, loc, message, List.of()));
    }

    public List<Diagnostic> diagnostics() { return Collections.unmodifiableList(diagnostics); }

    public boolean hasErrors() {
        for (Diagnostic d : diagnostics) if (d.severity() == Severity.ERROR) return true;
        return false;
    }

    // ---- remarks

    public boolean remarksEnabled() { return remarksEnabled; }

    /**
     * Records why a rewrite was or was not done, prefixed with the pass name; identical remarks are kept once
     * (a driver revisits an op every iteration). Does nothing unless remarks are enabled.
     */
    public void remark(Location loc, String message) {
        if (!remarksEnabled) return;
        String text = currentPass == null ? message : "[" + currentPass + "] " + message;
        remarks.add(new Diagnostic(Severity.REMARK, loc, text, List.of()));
    }

    /** Remarks in the order they were made. */
    public List<Diagnostic> remarks() { return List.copyOf(remarks); }

    // ---- cost-guided rewrite decisions

    /** Records a cost-guided rewrite candidate and its outcome (always, not only with remarks: reports need them). */
    public void recordDecision(RewriteDecision decision) { decisions.add(decision); }

    /** The decisions in the order they were made. */
    public List<RewriteDecision> decisions() { return Collections.unmodifiableList(decisions); }

    // ---- statistics

    /** Adds {@code delta} to a counter of the current pass (a pass that runs twice accumulates). */
    public void addStatistic(String counter, long delta) {
        String pass = currentPass == null ? "<none>" : currentPass;
        statistics.computeIfAbsent(pass, k -> new LinkedHashMap<>()).merge(counter, delta, Long::sum);
    }

    public long statistic(String pass, String counter) {
        return statistics.getOrDefault(pass, Map.of()).getOrDefault(counter, 0L);
    }

    /** Counters by pass name, then counter name, in the order they were first touched. */
    public Map<String, Map<String, Long>> statistics() {
        Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
        statistics.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return Collections.unmodifiableMap(copy);
    }
}
