package dev.xamba.opt.xamba;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A continuous piecewise-linear function in the form the NPU runs cheaply,
 * {@code y = c + Σ d[k] · ReLU(x − t[k])}, fitted to an activation by interpolation at breakpoints, with its exact
 * maximum error against the activation over {@code [-range, range]}. The coefficients are rounded to the element
 * type before the error is computed, so the bound is that of what is emitted, in exact arithmetic. The emitted ops
 * add the rounding of the type they compute in, as the activation they replace does: about 1e-7 relative in f32,
 * but 5e-4 in f16 (a SoftPlus near 16 rounds to a multiple of 2^-6), which can exceed a tight f16 budget.
 */
record PiecewiseLinear(double c, double[] t, double[] d, double maxError, double range) {

    /** An activation: its value, its derivative, and the points where the derivative has an extremum. */
    enum Activation {
        SOFTPLUS(x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), Activation::sigmoid, new double[0]),
        SWISH(x -> x * sigmoid(x), x -> sigmoid(x) * (1 + x * (1 - sigmoid(x))), new double[] {-2.3993572805154676, 2.3993572805154676});

        final DoubleUnaryOperator f;
        final DoubleUnaryOperator df;
        /** Inflection points of f: between them df is monotone, so df(x) = s has at most one root. */
        final double[] inflections;

        Activation(DoubleUnaryOperator f, DoubleUnaryOperator df, double[] inflections) {
            this.f = f;
            this.df = df;
            this.inflections = inflections;
        }

        static double sigmoid(double x) { return 1 / (1 + Math.exp(-x)); }

        /** |f(x) − x| for x → +∞ side and |f(x)| on the −∞ side at distance r: the error of the tails. */
        double tailError(double r) { return Math.max(Math.abs(f.applyAsDouble(-r)), Math.abs(f.applyAsDouble(r) - r)); }
    }

    /** {@code ReLU(x)} as an approximation of {@code a} (XAMBA's choice for SoftPlus). */
    static PiecewiseLinear relu(Activation a, ElementType et, double range) {
        return rounded(a, et, 0, new double[] {0}, new double[] {1}, range);
    }

    /** Interpolation at {@code segments + 1} evenly spaced breakpoints on {@code [-span, span]}, slope 0 then 1 outside. */
    static PiecewiseLinear interpolate(Activation a, ElementType et, int segments, double span, double range) {
        int n = segments + 1;
        double[] t = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            t[k] = -span + 2 * span * k / segments;
            y[k] = a.f.applyAsDouble(t[k]);
        }
        double[] d = new double[n];
        double prev = 0;
        for (int k = 0; k < n; k++) {
            double slope = k + 1 < n ? (y[k + 1] - y[k]) / (t[k + 1] - t[k]) : 1;
            d[k] = slope - prev;
            prev = slope;
        }
        return rounded(a, et, y[0], t, d, range);
    }

    /** The most segments a form may have: beyond it the fit gives up and {@code segments} is refused. */
    static final int MAX_SEGMENTS = 4096;

    /**
     * The fewest evenly spaced segments whose error is at most {@code maxError} over {@code [-range, range]}: the
     * breakpoints span the smallest interval whose tails are within half the budget, then segments double and
     * bisect down to the fewest that fit. Empty if no fit within {@link #MAX_SEGMENTS} segments.
     */
    static java.util.Optional<PiecewiseLinear> fit(Activation a, ElementType et, double maxError, double range) {
        double span = 2;
        while (a.tailError(span) > maxError / 2 && span < range) span += 0.25;
        int hi = 2;
        PiecewiseLinear best = interpolate(a, et, hi, span, range);
        while (best.maxError() > maxError) {
            if (hi >= MAX_SEGMENTS) return java.util.Optional.empty();
            hi *= 2;
            best = interpolate(a, et, hi, span, range);
        }
        int lo = hi / 2;
        while (lo + 1 < hi) {
            int mid = (lo + hi) / 2;
            PiecewiseLinear p = interpolate(a, et, mid, span, range);
            if (p.maxError() <= maxError) {
                hi = mid;
                best = p;
            } else {
                lo = mid;
            }
        }
        return java.util.Optional.of(best);
    }

    private static PiecewiseLinear rounded(Activation a, ElementType et, double c, double[] t, double[] d, double range) {
        double rc = Tensor.round(et, c);
        double[] rt = new double[t.length];
        double[] rd = new double[d.length];
        for (int k = 0; k < t.length; k++) {
            rt[k] = Tensor.round(et, t[k]);
            rd[k] = Tensor.round(et, d[k]);
        }
        return new PiecewiseLinear(rc, rt, rd, maxError(a, rc, rt, rd, range), range);
    }

    /** The value of the emitted form at {@code x}. */
    double value(double x) {
        double y = c;
        for (int k = 0; k < t.length; k++) y += d[k] * Math.max(0, x - t[k]);
        return y;
    }

    /**
     * The exact sup of |form − f| over [-range, range]: on each linear piece the error is smooth, so its extremes
     * are at the piece's ends or where f' equals the piece's slope; pieces are split at f's inflection points so
     * that f' is monotone and bisection finds that root.
     */
    static double maxError(Activation a, double c, double[] t, double[] d, double range) {
        PiecewiseLinear form = new PiecewiseLinear(c, t, d, 0, range);
        List<Double> cuts = new ArrayList<>();
        cuts.add(-range);
        for (double x : t) if (x > -range && x < range) cuts.add(x);
        for (double x : a.inflections) if (x > -range && x < range) cuts.add(x);
        cuts.add(range);
        cuts.sort(null);
        double worst = 0;
        for (int i = 0; i + 1 < cuts.size(); i++) {
            double lo = cuts.get(i);
            double hi = cuts.get(i + 1);
            if (hi <= lo) continue;
            double slope = (form.value(hi) - form.value(lo)) / (hi - lo);
            worst = Math.max(worst, Math.abs(form.value(lo) - a.f.applyAsDouble(lo)));
            worst = Math.max(worst, Math.abs(form.value(hi) - a.f.applyAsDouble(hi)));
            double glo = a.df.applyAsDouble(lo) - slope;
            double ghi = a.df.applyAsDouble(hi) - slope;
            if (glo * ghi < 0) {
                double l = lo;
                double h = hi;
                for (int it = 0; it < 200 && h - l > 0; it++) {
                    double m = (l + h) / 2;
                    if (m <= l || m >= h) break;
                    if ((a.df.applyAsDouble(m) - slope) * glo > 0) l = m; else h = m;
                }
                double x = (l + h) / 2;
                worst = Math.max(worst, Math.abs(form.value(x) - a.f.applyAsDouble(x)));
            }
        }
        return worst;
    }
}
