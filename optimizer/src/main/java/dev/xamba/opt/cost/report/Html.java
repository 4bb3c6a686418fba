package dev.xamba.opt.cost.report;

import dev.xamba.ir.loc.Quoting;

/**
 * HTML text escaping. Names come from the model: control characters (ESC, newlines, the other C0 and C1 codes) are
 * first spelled as escapes ({@link Quoting#printable}, {@code \x1b}, as the text report and diagnostics show them),
 * since a raw one is invalid in HTML and reaches a terminal that prints the page; then the markup characters are
 * escaped.
 */
final class Html {
    private Html() {}

    static String escape(String s) {
        String printable = Quoting.printable(s);
        StringBuilder sb = new StringBuilder(printable.length());
        for (char c : printable.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
