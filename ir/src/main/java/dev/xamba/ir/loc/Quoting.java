package dev.xamba.ir.loc;

/** String literal quoting shared by the printer and locations: the escapes the textual IR grammar accepts. */
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
