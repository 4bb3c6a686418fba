package dev.xamba.api.pipeline;

import java.nio.file.Path;

/**
 * Spells user-controlled text (file paths, tensor and node names) for a one-line diagnostic: control characters
 * such as newlines and the ANSI escape are shown as escapes ({@code \n}, {@code \x1b}), so a name can neither
 * break the line nor drive the terminal.
 */
public final class Names {
    private Names() {}

    /** A diagnostic as printed: its headline and each note on lines of their own, each line escaped. */
    public static String diagnostic(dev.xamba.ir.diag.Diagnostic d) {
        StringBuilder b = new StringBuilder(text(d.headline()));
        for (dev.xamba.ir.diag.Diagnostic n : d.notes()) b.append('\n').append(diagnostic(n));
        return b.toString();
    }

    public static String path(Path p) {
        return text(String.valueOf(p));
    }

    public static String text(String s) {
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
}
