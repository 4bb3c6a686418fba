package dev.xamba.ir.attr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link FloatFormat#fixed} spells numbers exactly as {@code String.format(Locale.ROOT, "%.Nf")}, which it replaces. */
class FloatFormatFixedTest {
    private static void same(double v, int places) {
        assertThat(FloatFormat.fixed(v, places)).as("%s with %d places", v, places)
                .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", v));
    }

    @Test
    void edgesOfRoundingAndSign() {
        double[] values = {0, -0.0, 0.0005, 0.0015, 0.0025, 1.0005, 2.675, -2.675, -0.0004, -0.0005, 1e-9, 123456789.12345,
                1e22, 4.35, 0.125, 1.5e-3, 9.9995, 99.99949999, Double.MIN_VALUE, Double.MAX_VALUE, 1 / 3.0,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double v : values) for (int places = 0; places <= 4; places++) same(v, places);
    }

    @Test
    void randomValuesOverManyMagnitudes() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 20000; i++) {
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-6, 12));
            if (i % 3 == 0) v = Math.round(v * 1000) / 1000.0 + 0.0005 * (r.nextBoolean() ? 1 : -1); // ties
            same(v, 3);
            same(v, 2);
        }
    }
}
