package dev.xamba.cli;

import java.nio.file.Path;

/** {@code -o -}: standard output, as {@code -} is standard input where a command reads its model. */
final class OutputArg {
    private OutputArg() {}

    /** The file {@code -o} names, or null for standard output (no {@code -o}, or {@code -o -}). */
    static Path fileOrStdout(Path output) {
        return output == null || isDash(output) ? null : output;
    }

    static boolean isDash(Path output) {
        return output != null && output.toString().equals("-");
    }
}
