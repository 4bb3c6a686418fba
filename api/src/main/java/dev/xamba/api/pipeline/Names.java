package dev.xamba.api.pipeline;

import dev.xamba.ir.loc.Quoting;
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

    /** {@code s} with control characters escaped ({@link Quoting#printable}): one safe line on a terminal. */
    public static String text(String s) {
        return Quoting.printable(s);
    }
}
