package dev.xamba.opt.cost.report;

import java.util.Locale;

/** Number formatting shared by the renderers: fixed decimals, the root locale, never scientific notation. */
final class Formats {
    private Formats() {}

    static String us(double v) { return String.format(Locale.ROOT, "%.3f", v); }

    static String percent(double part, double whole) {
        return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
    }

    static String ratio(double v) { return String.format(Locale.ROOT, "%.2fx", v); }
}
