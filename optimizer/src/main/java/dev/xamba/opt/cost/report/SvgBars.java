package dev.xamba.opt.cost.report;

import java.util.List;
import java.util.Locale;

/**
 * Horizontal bar charts as inline SVG (no script, no network): one row per label, one bar per series, scaled to
 * the largest value, each bar labelled with its value.
 */
final class SvgBars {
    /** One bar series: a legend name and a fill colour. */
    record Series(String name, String color) {}

    /** One row: a label, a value per series, and an optional colour overriding the series colour. */
    record Row(String label, double[] values, String color) {}

    private static final int LABEL_WIDTH = 300;
    private static final int BAR_AREA = 460;
    private static final int BAR_HEIGHT = 14;

    private SvgBars() {}

    static String render(String title, List<Series> series, List<Row> rows) {
        double max = 0;
        for (Row r : rows) for (double v : r.values()) max = Math.max(max, v);
        if (max <= 0) max = 1;
        int rowHeight = series.size() * (BAR_HEIGHT + 2) + 8;
        int height = 40 + rows.size() * rowHeight + 10;
        int width = LABEL_WIDTH + BAR_AREA + 130;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">%n",
                width, height, Html.escape(title)));
        sb.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"16\" class=\"chart-title\">%s</text>%n", Html.escape(title)));
        int lx = LABEL_WIDTH;
        for (Series s : series) {
            if (series.size() < 2) break;
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"24\" width=\"12\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"33\" class=\"legend\">%s</text>%n",
                    lx, s.color(), lx + 16, Html.escape(s.name())));
            lx += 16 + 8 * s.name().length() + 20;
        }
        int y = 40;
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\" text-anchor=\"end\">%s</text>%n",
                    LABEL_WIDTH - 8, y + BAR_HEIGHT - 2, Html.escape(shorten(r.label()))));
            for (int i = 0; i < series.size(); i++) {
                double v = r.values()[i];
                double w = Math.max(v > 0 ? 1 : 0, BAR_AREA * v / max);
                int by = y + i * (BAR_HEIGHT + 2);
                String color = r.color() != null ? r.color() : series.get(i).color();
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s µs</title></rect>%n",
                        LABEL_WIDTH, by, w, BAR_HEIGHT, color, Html.escape(r.label() + " (" + series.get(i).name() + ")"), Formats.us(v)));
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"value\">%s µs</text>%n",
                        LABEL_WIDTH + w + 4, by + BAR_HEIGHT - 3, Formats.us(v)));
            }
            y += rowHeight;
        }
        return sb.append("</svg>\n").toString();
    }

    /** Long ONNX node names keep their end, which says what the op is. */
    private static String shorten(String label) {
        return label.length() <= 42 ? label : "…" + label.substring(label.length() - 41);
    }
}
