package dev.xamba.opt.pass.instrument;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.opt.pass.Pass;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassInstrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Records the printed text of each selected function before and after every pass, for a report that shows
 * what each pass changed. Text, not live IR: later passes rewrite the module in place, and text is a deep copy
 * that a report can diff and embed. Costs one print of the selected functions per pass, so it is opt-in.
 */
public final class IrSnapshots implements PassInstrumentation {

    /**
     * One pass's effect.
     *
     * @param index  position of the pass in the pipeline, 0-based
     * @param pass   the pass as a pipeline element, with its options
     * @param before function name to its text before the pass
     * @param after  function name to its text after the pass; empty when the pass failed
     * @param failed whether the pass reported an error or threw
     */
    public record Snapshot(int index, String pass, Map<String, String> before, Map<String, String> after, boolean failed) {
        public Snapshot {
            before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
            after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
        }

        /** Names of the functions whose text the pass changed (including added and removed ones), in order. */
        public List<String> changedFunctions() {
            LinkedHashMap<String, Boolean> names = new LinkedHashMap<>();
            before.keySet().forEach(n -> names.put(n, true));
            after.keySet().forEach(n -> names.put(n, true));
            return names.keySet().stream().filter(n -> !Objects.equals(before.get(n), after.get(n))).toList();
        }
    }

    private final Predicate<String> functions;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private Map<String, String> pending;
    private int index;

    /** @param functions which functions (by symbol name, without {@code @}) to capture */
    public IrSnapshots(Predicate<String> functions) { this.functions = functions; }

    /** Captures every function. */
    public static IrSnapshots allFunctions() { return new IrSnapshots(n -> true); }

    @Override public void runBeforePipeline(Operation module, PassContext ctx) {
        snapshots.clear();
        index = 0;
    }

    @Override public void runBeforePass(Pass pass, Operation module, PassContext ctx) { pending = capture(module); }

    @Override public void runAfterPass(Pass pass, Operation module, PassContext ctx) {
        snapshots.add(new Snapshot(index++, pass.pipelineElement(), pending, capture(module), false));
    }

    @Override public void runAfterPassFailed(Pass pass, Operation module, PassContext ctx) {
        snapshots.add(new Snapshot(index++, pass.pipelineElement(), pending, Map.of(), true));
    }

    /** The snapshots of the last run, one per pass that ran, in order. */
    public List<Snapshot> snapshots() { return List.copyOf(snapshots); }

    private Map<String, String> capture(Operation module) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (FuncOp f : new ModuleOp(module).functions()) {
            if (functions.test(f.name())) texts.put(f.name(), AsmPrinter.print(f.op()));
        }
        return texts;
    }
}
