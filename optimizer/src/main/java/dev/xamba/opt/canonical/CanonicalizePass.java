package dev.xamba.opt.canonical;

import dev.xamba.ir.Operation;
import dev.xamba.opt.pass.IrWalk;
import dev.xamba.opt.pass.Pass;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassOption;
import dev.xamba.opt.pattern.GreedyPatternRewriteDriver;
import java.util.List;

/**
 * {@code canonicalize}: removes pure ops whose results are unused, folds ops whose operands are all constants,
 * and applies the {@link CanonicalPatterns}, to a fixpoint in each function. Cheap, convergent, and never
 * needed for correctness: every later pass must also work on IR that was not canonicalized.
 */
public final class CanonicalizePass extends Pass {
    public static final PassOption<Long> MAX_FOLD_ELEMENTS = PassOption.longOption("max-fold-elements", 1L << 20,
            "do not fold ops whose results have more elements than this").atLeast(0);
    public static final PassOption<Long> MAX_FOLD_WORK = PassOption.longOption("max-fold-work", dev.xamba.ir.ops.FoldWork.DEFAULT_MAX,
            "do not fold ops that cost more multiply-adds than this to evaluate").atLeast(0);
    public static final PassOption<Integer> MAX_ITERATIONS = PassOption.intOption("max-iterations", 10,
            "sweeps over a function before warning that rewriting does not converge").atLeast(1);

    @Override public String cliName() { return "canonicalize"; }

    @Override public String summary() { return "fold constants (static ShapeOf too), remove dead pure ops, and remove ops that do nothing or compose with their input (transposes, reshapes, x*1, x+0, unit reductions, transposes into MatMul)"; }

    @Override public List<PassOption<?>> options() { return List.of(MAX_FOLD_ELEMENTS, MAX_FOLD_WORK, MAX_ITERATIONS); }

    @Override
    public void run(Operation module, PassContext ctx) {
        var config = GreedyPatternRewriteDriver.Config.defaults()
                .withMaxIterations(option(MAX_ITERATIONS))
                .withFolder(new ConstantFolder(option(MAX_FOLD_ELEMENTS), option(MAX_FOLD_WORK)));
        var driver = new GreedyPatternRewriteDriver(CanonicalPatterns.all(), config);
        for (Operation function : IrWalk.functions(module)) driver.rewrite(function, ctx);
    }
}
