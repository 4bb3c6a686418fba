package dev.xamba.opt.pattern;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.ops.builtin.BuiltinDialect;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.opt.pass.IrWalk;
import dev.xamba.opt.pass.PassContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies patterns to a fixpoint, as MLIR's greedy driver does. Each iteration puts every op under the root on a
 * worklist and, per op: erases it if it is pure and unused, else tries the folder, else the patterns whose root kind
 * covers it, in order of benefit until one applies. Ops that a rewrite creates, changes or may have made dead go back on the
 * worklist. Iterations repeat until one changes nothing, at most {@code maxIterations} times; then a warning
 * names the patterns still firing.
 */
public final class GreedyPatternRewriteDriver {

    /**
     * @param maxIterations           sweeps over all ops before giving up on convergence (default 10)
     * @param removeDeadOps           erase pure ops whose results are unused (default true)
     * @param folder                  tried on each op before the patterns; null for none (default none)
     * @param maxRewritesPerIteration bound on rewrites in one sweep, so a pattern that keeps re-creating its own
     *                                root cannot loop forever; 0 means {@code max(1000, 8 × ops)} (default 0)
     */
    public record Config(int maxIterations, boolean removeDeadOps, OpFolder folder, int maxRewritesPerIteration) {
        public Config {
            if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }

        public static Config defaults() { return new Config(10, true, null, 0); }

        public Config withMaxIterations(int n) { return new Config(n, removeDeadOps, folder, maxRewritesPerIteration); }

        public Config withRemoveDeadOps(boolean on) { return new Config(maxIterations, on, folder, maxRewritesPerIteration); }

        public Config withFolder(OpFolder f) { return new Config(maxIterations, removeDeadOps, f, maxRewritesPerIteration); }

        public Config withMaxRewritesPerIteration(int n) { return new Config(maxIterations, removeDeadOps, folder, n); }
    }

    /** What a run did: whether it reached a fixpoint, in how many iterations, and how many changes it made. */
    public record Result(boolean converged, int iterations, long changes) {}

    private static final String FOLDING = "constant folding";
    private static final String DEAD_CODE = "dead code removal";

    private final List<RewritePattern> patterns;
    private final Config config;
    private final Map<String, List<RewritePattern>> byOpName = new HashMap<>();

    public GreedyPatternRewriteDriver(List<? extends RewritePattern> patterns, Config config) {
        // Stable sort: equal benefits keep the order they were given in.
        List<RewritePattern> sorted = new ArrayList<>(patterns);
        sorted.sort(Comparator.comparingInt(RewritePattern::benefit).reversed());
        this.patterns = List.copyOf(sorted);
        this.config = config;
    }

    /** Rewrites everything nested in {@code root} (not root itself) to a fixpoint. */
    public Result rewrite(Operation root, PassContext ctx) {
        long changes = 0;
        Map<Firing, Integer> firing = Map.of();
        for (int iteration = 1; iteration <= config.maxIterations(); iteration++) {
            Sweep sweep = new Sweep(ctx);
            sweep.run(root);
            changes += sweep.changes;
            if (sweep.changes == 0) return new Result(true, iteration, changes);
            firing = sweep.firing;
        }
        ctx.warn(root.diagnosticLocation(), "pattern rewriting" + scope(root) + " did not converge after "
                + config.maxIterations() + " iterations; still firing: " + describe(firing));
        return new Result(false, config.maxIterations(), changes);
    }

    private static String scope(Operation root) {
        return root.isA(BuiltinDialect.FUNC) ? " of @" + new FuncOp(root).name() : "";
    }

    /** A rewrite applied to ops of one name, counted per sweep for the convergence warning. */
    private record Firing(String rewrite, String opName) {
        @Override public String toString() { return rewrite + " on '" + opName + "'"; }

        // equals/hashCode written out: the generated ones cost start-up time (README, "Compile speed")
        @Override public boolean equals(Object o) {
            return o instanceof Firing f && f.rewrite.equals(rewrite) && f.opName.equals(opName);
        }

        @Override public int hashCode() { return rewrite.hashCode() * 31 + opName.hashCode(); }
    }

    private static String describe(Map<Firing, Integer> firing) {
        return firing.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " time)" : " times)"))
                .collect(Collectors.joining(", "));
    }

    private List<RewritePattern> patternsFor(String opName) {
        return byOpName.computeIfAbsent(opName, n -> {
            List<RewritePattern> ps = new ArrayList<>();
            for (RewritePattern p : patterns) {
                if (p.appliesTo(n)) ps.add(p);
            }
            return ps;
        });
    }

    private static boolean isTriviallyDead(Operation op) {
        return !op.hasUses() && op.regions().isEmpty()
                && op.definition().map(d -> d.has(Trait.PURE)).orElse(false);
    }

    /** One pass over the worklist. */
    private final class Sweep implements PatternRewriter.Listener {
        private final PassContext ctx;
        private final Worklist worklist = new Worklist();
        private final PatternRewriter rewriter;
        private final Map<Firing, Integer> firing = new LinkedHashMap<>();
        private long changes;

        Sweep(PassContext ctx) {
            this.ctx = ctx;
            this.rewriter = new PatternRewriter(this, ctx);
        }

        void run(Operation root) {
            worklist.pushAllInOrder(IrWalk.nestedOps(root));
            long limit = config.maxRewritesPerIteration() > 0 ? config.maxRewritesPerIteration()
                    : Math.max(1000L, 8L * worklist.size());
            for (Operation op = worklist.pop(); op != null && changes < limit; op = worklist.pop()) {
                if (op.parentBlock() != null) visit(op);
            }
        }

        private void visit(Operation op) {
            // Messages are built only when remarks are on: this runs once per op per sweep.
            String opName = op.name();
            var loc = op.diagnosticLocation();
            if (config.removeDeadOps() && isTriviallyDead(op)) {
                rewriter.eraseOp(op);
                record(DEAD_CODE, opName, "ops-erased");
                if (ctx.remarksEnabled()) ctx.remark(loc, "erased '" + opName + "': its results are unused");
                return;
            }
            rewriter.setInsertionPointBefore(op);
            if (config.folder() != null && config.folder().tryFold(op, rewriter)) {
                record(FOLDING, opName, "ops-folded");
                return;
            }
            for (RewritePattern p : patternsFor(opName)) {
                MatchResult r = p.matchAndRewrite(op, rewriter);
                if (r.succeeded()) {
                    record(p.name(), opName, "patterns-applied");
                    if (ctx.remarksEnabled()) ctx.remark(loc, "pattern " + p.name() + " on '" + opName + "': applied");
                    return;
                }
                if (ctx.remarksEnabled()) ctx.remark(loc, "pattern " + p.name() + " on '" + opName + "': failed: " + r.reason());
            }
        }

        private void record(String rewrite, String opName, String statistic) {
            changes++;
            firing.merge(new Firing(rewrite, opName), 1, Integer::sum);
            ctx.addStatistic(statistic, 1);
        }

        @Override public void notifyOperationInserted(Operation op) { worklist.push(op); }

        @Override public void notifyOperationModified(Operation op) {
            if (op.parentBlock() != null) worklist.push(op);
        }

        @Override public void notifyOperationErased(Operation op) {
            worklist.remove(op);
            for (Operation def : PatternRewriter.operandDefiners(op)) worklist.push(def);
        }
    }
}
