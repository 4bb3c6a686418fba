package dev.xamba.opt.xamba;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.xamba.ir.type.ElementType;
import dev.xamba.opt.xamba.PiecewiseLinear.Activation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** ActiBA's recorded bound is the true maximum error: checked against a dense sweep, from both sides. */
class PiecewiseLinearTest {

    /** The largest |form − f| on a grid of step 1e-4 over the form's range (evaluated in double). */
    private static double sweep(PiecewiseLinear p, Activation a) {
        double worst = 0;
        int n = (int) Math.round(2 * p.range() / 1e-4);
        for (int i = 0; i <= n; i++) {
            double x = -p.range() + i * 1e-4;
            worst = Math.max(worst, Math.abs(p.value(x) - a.f.applyAsDouble(x)));
        }
        return worst;
    }

    @Test void reluForSoftplusIsOffByLn2AtZero() {
        PiecewiseLinear p = PiecewiseLinear.relu(Activation.SOFTPLUS, ElementType.F32, 16);
        assertThat(p.maxError()).isCloseTo(Math.log(2), within(1e-12));
        assertThat(sweep(p, Activation.SOFTPLUS)).isCloseTo(Math.log(2), within(1e-9));
    }

    @ParameterizedTest(name = "{0} within {1}")
    @CsvSource({"SOFTPLUS,1e-1", "SOFTPLUS,1e-2", "SOFTPLUS,1e-3", "SWISH,1e-1", "SWISH,1e-2", "SWISH,1e-3"})
    void aFitMeetsItsBudgetAndItsBoundIsTheSweptMaximum(Activation a, double budget) {
        PiecewiseLinear p = PiecewiseLinear.fit(a, ElementType.F32, budget, 16).orElseThrow();
        assertThat(p.maxError()).isLessThanOrEqualTo(budget);
        double swept = sweep(p, a);
        // The bound is never below what the sweep finds, and the sweep (step 1e-4) gets within 1e-7 of it.
        assertThat(p.maxError()).isGreaterThanOrEqualTo(swept - 1e-12);
        assertThat(swept).isGreaterThan(p.maxError() - 1e-7);
    }

    @Test void fewerSegmentsThanNeededExceedTheBudget() {
        PiecewiseLinear fit = PiecewiseLinear.fit(Activation.SWISH, ElementType.F32, 1e-2, 16).orElseThrow();
        int segments = fit.t().length - 1;
        double span = -fit.t()[0];
        PiecewiseLinear fewer = PiecewiseLinear.interpolate(Activation.SWISH, ElementType.F32, segments - 1, span, 16);
        assertThat(fewer.maxError()).isGreaterThan(1e-2);
    }

    @Test void fixedSegmentsReportTheirError() {
        PiecewiseLinear p = PiecewiseLinear.interpolate(Activation.SOFTPLUS, ElementType.F32, 8, 8, 16);
        assertThat(p.t()).hasSize(9);
        assertThat(sweep(p, Activation.SOFTPLUS)).isCloseTo(p.maxError(), within(1e-7));
    }
}
