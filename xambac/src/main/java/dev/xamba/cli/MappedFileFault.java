package dev.xamba.cli;

import dev.xamba.api.pipeline.Names;
import picocli.CommandLine;

/**
 * HotSpot's error for a read of a memory-mapped file that faulted (SIGBUS): the file was truncated, or rewritten in
 * place, by another process while xambac read it. The JVM does not say which file; xambac maps only its inputs.
 */
final class MappedFileFault {
    private MappedFileFault() {}

    /** HotSpot's message, in compiled and interpreted code alike ({@code MappedFileFaultTest} checks it on this JDK). */
    static boolean is(InternalError e) {
        return e.getMessage() != null && e.getMessage().contains("fault occurred in") && e.getMessage().contains("unsafe memory access");
    }

    /** One line naming the command's input (its first positional argument) as the file that changed. */
    static String describe(CommandLine cl) {
        String input = null;
        CommandLine.ParseResult parsed = cl.getParseResult();
        if (parsed != null && parsed.hasSubcommand()) {
            Object first = parsed.subcommand().matchedPositionalValue(0, null);
            if (first != null) input = first.toString();
        }
        return (input == null ? "an input file" : Names.text(input) + " (or a file it names)")
                + " changed while xambac read it: it was truncated or rewritten in place; nothing was written";
    }
}
