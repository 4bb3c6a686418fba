package dev.xamba.opt.cost.report;

import java.util.Locale;

/**
 * Number formatting (and the fixed cost's label) shared by the text and HTML renderers: fixed decimals, the root locale, never scientific
 * notation. A number that was not computed (NaN, or infinite after a division by zero) is shown as {@link #GAP},
 * the same mark as a missing measurement; JSON writes null for it.
 */
final class Formats {
    /** What a renderer shows where a number is missing. */
    static final String GAP = "-";
    /** The name of the line (row, bar) of the per-inference fixed cost, which is in the total but in no op. */
    static final String FIXED_LABEL = "per-inference fixed cost";

    private Formats() {}

    static String us(double v) { return finite(v) ? String.format(Locale.ROOT, "%.3f", v) : GAP; }

    static String percent(double part, double whole) {
        if (!finite(part) || !finite(whole)) return GAP;
        return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
    }

    /** A ratio as in the headline: {@code 1.64x}. */
    static String ratio(double v) { return finite(v) ? String.format(Locale.ROOT, "%.2fx", v) : GAP; }

    /** A technique's speedup: {@code 1.24×}. */
    static String times(double v) { return finite(v) ? String.format(Locale.ROOT, "%.2f×", v) : GAP; }

    /** {@code 1 run}, {@code 30 runs}. */
    static String runs(int n) { return n + (n == 1 ? " run" : " runs"); }

    private static boolean finite(double v) { return !Double.isNaN(v) && !Double.isInfinite(v); }
}
