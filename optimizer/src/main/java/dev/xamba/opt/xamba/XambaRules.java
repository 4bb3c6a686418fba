package dev.xamba.opt.xamba;

import dev.xamba.opt.pass.PassOption;
import java.util.List;

/** The XAMBA rewrites by name, in the order the {@code --xamba} driver runs them. */
public final class XambaRules {
    private XambaRules() {}

    /** Makes a rule's pattern for one run of its pass (options are read from the pass). */
    @FunctionalInterface
    public interface PatternFactory {
        XambaRewrite create(XambaPass pass, XambaContext context);
    }

    /** One rewrite: its pass name, help summary, extra options and pattern. */
    public record Rule(String name, String summary, List<PassOption<?>> options, PatternFactory factory) {
        /** A fresh, unconfigured pass running this rule. */
        public XambaPass newPass() { return new XambaPass(this); }
    }

    public static final Rule CONTRACT = new Rule("xamba-contract",
            "broadcast Multiply feeding only a ReduceSum -> one batched MatMul (an einsum, never materialized)",
            List.of(), (pass, ctx) -> new ContractionRecovery(ctx));

    public static final Rule CUMBA = new Rule("xamba-cumba",
            "CumSum -> MatMul with a constant triangular mask (XAMBA's CumBA)",
            List.of(CumSumToTriangularMatMul.MAX_MASK_BYTES, CumSumToTriangularMatMul.FORM),
            (pass, ctx) -> new CumSumToTriangularMatMul(ctx, pass.constantBudget(CumSumToTriangularMatMul.MAX_MASK_BYTES),
                    pass.option(CumSumToTriangularMatMul.FORM)));

    public static final Rule REDUBA = new Rule("xamba-reduba",
            "ReduceSum/ReduceMean -> MatMul with a constant ones (1/N) vector (XAMBA's ReduBA)",
            List.of(ReduceToOnesMatMul.MAX_ONES_BYTES), (pass, ctx) -> new ReduceToOnesMatMul(ctx, pass.constantBudget(ReduceToOnesMatMul.MAX_ONES_BYTES)));

    public static final Rule ACTIBA = new Rule("xamba-actiba",
            "SoftPlus, Swish/SiLU -> piecewise-linear ReLU forms with a computed max error (XAMBA's ActiBA; approximate)",
            PiecewiseLinearActivation.OPTIONS, (pass, ctx) -> new PiecewiseLinearActivation(ctx, PiecewiseLinearActivation.settings(pass)));

    /** Every rule, in driver order: contraction recovery first so ReduBA sees only the reductions it leaves. */
    public static final List<Rule> ALL = List.of(CONTRACT, CUMBA, REDUBA, ACTIBA);
}
