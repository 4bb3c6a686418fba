package dev.xamba.ir.loc;

/**
 * String literal quoting shared by the printer and locations (the escapes the textual IR grammar accepts), and the
 * escaping of names for terminals ({@link #printable}).
 */
public final class Quoting {
    private Quoting() {}

    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) sb.append(String.format("\\%02X", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * {@code s} safe to print on a terminal, one line: control characters (newlines, escape sequences, Unicode line
     * separators) written as {@code \n}, {@code \t}, {@code \x1b}, {@code \u2028}; everything else as is. For names
     * that come from a model or the command line, in messages and reports.
     */
    public static String printable(String s) {
        if (s == null) return "null";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (!control) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            }
        }
        return b == null ? s : b.toString();
    }

    /** Reverses {@link #quote}: the argument includes the surrounding quotes. */
    public static String unquote(String literal) {
        StringBuilder sb = new StringBuilder(literal.length());
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char n = literal.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case '"', '\\' -> sb.append(n);
                default -> {
                    sb.append((char) Integer.parseInt(literal.substring(i, i + 2), 16));
                    i++;
                }
            }
        }
        return sb.toString();
    }
}
