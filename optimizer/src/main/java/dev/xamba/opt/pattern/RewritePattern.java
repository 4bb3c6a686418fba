package dev.xamba.opt.pattern;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.OpViewKind;
import java.util.List;

/**
 * A local rewrite rooted at one op, in MLIR's style: check the guards, and either rewrite through the
 * {@link PatternRewriter} and return {@link MatchResult#success()}, or leave the IR untouched and return
 * {@link MatchResult#failure(String)} saying which guard failed.
 *
 * <p>A pattern declares its root by view kind ({@code TransposeOp.KIND}, or a family such as
 * {@code BinaryOp.ANY}); the driver tries it on every op the kind covers. The benefit only orders the attempts on
 * one op (higher first); whether a rewrite pays off on a target is the cost model's question, asked inside the
 * pattern.
 */
public abstract class RewritePattern {
    /** Root name of a pattern that is tried on every op. */
    public static final String ANY = "any";

    private final List<String> rootNames;
    private final int benefit;

    /** @param root the ops this pattern matches ({@code CumSumOp.KIND}, {@code ReduceOp.ANY}) */
    protected RewritePattern(OpViewKind<?> root, int benefit) {
        this.rootNames = root.names();
        this.benefit = benefit;
    }

    /** @param roots the ops this pattern matches, of kinds viewed differently (SoftPlus, Swish and Multiply, say) */
    protected RewritePattern(List<OpViewKind<?>> roots, int benefit) {
        this.rootNames = roots.stream().flatMap(k -> k.names().stream()).distinct().toList();
        this.benefit = benefit;
    }

    /**
     * @param rootName the op name this pattern matches, or {@link #ANY}
     *                 (prefer {@link #RewritePattern(OpViewKind, int)}: an op name is then spelled once, in its view)
     */
    protected RewritePattern(String rootName, int benefit) {
        this.rootNames = List.of(rootName);
        this.benefit = benefit;
    }

    /** The op names this pattern is tried on, or {@code [ANY]}. */
    public final List<String> rootNames() { return rootNames; }

    /** The root op names joined by {@code |} (one name for most patterns), or {@link #ANY}. */
    public final String rootName() { return String.join("|", rootNames); }

    /** Whether the driver tries this pattern on {@code op}. */
    public final boolean isRoot(Operation op) { return appliesTo(op.name()); }

    /** Whether the driver tries this pattern on ops named {@code opName}. */
    public final boolean appliesTo(String opName) {
        return rootNames.contains(opName) || rootNames.contains(ANY);
    }

    public final int benefit() { return benefit; }

    /** The name remarks and warnings use; the class name unless overridden. */
    public String name() { return getClass().getSimpleName(); }

    /**
     * Rewrites {@code op} (one of {@link #rootNames()} unless that is {@link #ANY}). Every mutation goes through
     * {@code rewriter}, so the driver revisits what changed. On failure the IR must be unchanged.
     */
    public abstract MatchResult matchAndRewrite(Operation op, PatternRewriter rewriter);

    @Override public String toString() { return name() + " on " + rootName(); }
}
