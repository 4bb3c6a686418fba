package dev.xamba.frontend.text;

import org.antlr.v4.runtime.Token;

/**
 * Decodes quoted strings with exactly the escapes {@link dev.xamba.ir.loc.Quoting} writes: {@code \"},
 * {@code \\}, {@code \n}, {@code \t} and {@code \XX} (two hex digits). A bad escape is reported at its column.
 */
final class StringLiterals {
    private final SourceFile src;

    StringLiterals(SourceFile src) { this.src = src; }

    /** The value of a STRING token (quotes included in its text). */
    String decode(Token t) { return decode(t, t.getText(), 0); }

    /** The name of a SYMBOL token: {@code @main} or {@code @"my model"}. */
    String symbol(Token t) {
        String text = t.getText();
        return text.charAt(1) == '"' ? decode(t, text.substring(1), 1) : text.substring(1);
    }

    /** Decodes {@code literal} (with quotes), which starts {@code offset} characters into token {@code t}. */
    private String decode(Token t, String literal, int offset) {
        StringBuilder sb = new StringBuilder(literal.length());
        int end = literal.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char n = literal.charAt(i + 1); // the lexer guarantees a character after '\'
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case '"', '\\' -> sb.append(n);
                default -> {
                    int hi = i + 2 < end ? Character.digit(n, 16) : -1;
                    int lo = hi >= 0 ? Character.digit(literal.charAt(i + 2), 16) : -1;
                    if (lo < 0) {
                        throw src.error(t, offset + i, "invalid escape '\\" + n + "' in string; expected \\\", \\\\, \\n, \\t "
                                + "or \\ and two hex digits");
                    }
                    sb.append((char) (hi * 16 + lo));
                    i++;
                }
            }
            i++;
        }
        return sb.toString();
    }
}
