package dev.xamba.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@link Xambac} in-process with captured stdout and stderr. */
final class CliRunner {
    record Result(int exitCode, String out, String err) {}

    private CliRunner() {}

    static Result run(String... args) {
        return run(dev.xamba.opt.pass.PassRegistry.standard(), args);
    }

    /** Runs with the passes of {@code registry} (test-only passes). */
    static Result run(dev.xamba.opt.pass.PassRegistry registry, String... args) {
        return run(registry, null, args);
    }

    /** Runs with standard output going to {@code stdout} (e.g. one that fails); the result's out is then empty. */
    static Result runWithStdout(java.io.OutputStream stdout, String... args) {
        return run(dev.xamba.opt.pass.PassRegistry.standard(), stdout, args);
    }

    /**
     * Once a fuzz test has run in this JVM, Jazzer's agent logs each class it instruments to System.err ("INFO:
     * Instrumented ...", and "INFO: New number of coverage counters" as they grow), whoever is printing: not
     * xambac's output, so not part of the result.
     */
    static String withoutAgentLog(String err) {
        if (!err.contains("INFO: ")) return err;
        StringBuilder b = new StringBuilder();
        err.lines().filter(l -> !l.startsWith("INFO: Instrumented ") && !l.startsWith("INFO: Loaded ")
                && !l.startsWith("INFO: New number of coverage counters")).forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    private static synchronized Result run(dev.xamba.opt.pass.PassRegistry registry, java.io.OutputStream stdout, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout != null ? stdout : out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Xambac.execute(registry, args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), withoutAgentLog(err.toString(StandardCharsets.UTF_8)));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
