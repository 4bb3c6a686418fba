package dev.xamba.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.ops.FoldWork;
import org.junit.jupiter.api.Test;

/** The fold budget goes to every canonicalize element of a pipeline, and nowhere else. */
class LimitsTest {
    private static final Limits BUDGET_5 = new Limits(Limits.DEFAULT_MAX_INPUT_BYTES, 5);

    @Test
    void eachCanonicalizeWithoutItsOwnBudgetGetsIt() {
        assertThat(BUDGET_5.apply("canonicalize,cse,canonicalize")).isEqualTo(
                "canonicalize{max-fold-work=5},cse,canonicalize{max-fold-work=5}");
        // With options of its own, and a space before its braces (a text replace made two brace groups of it).
        assertThat(BUDGET_5.apply("canonicalize {max-fold-elements=1024}")).isEqualTo(
                "canonicalize {max-fold-elements=1024 max-fold-work=5}");
        assertThat(BUDGET_5.apply("canonicalize{max-fold-work=7}")).isEqualTo("canonicalize{max-fold-work=7}");
    }

    @Test
    void otherPassesOptionsAreLeftAlone() {
        // A target path naming 'canonicalize' was rewritten inside xamba-cumba's braces.
        String pipeline = "xamba-cumba{target=/tmp/canonicalize.json},xamba-reduba{target=\"a,canonicalize\"}";
        assertThat(BUDGET_5.apply(pipeline)).isEqualTo(pipeline);
        assertThat(new Limits(Limits.DEFAULT_MAX_INPUT_BYTES, FoldWork.DEFAULT_MAX).apply("canonicalize")).isEqualTo("canonicalize");
    }
}
