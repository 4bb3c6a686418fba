package dev.xamba.cli;

import dev.xamba.api.CompileException;
import dev.xamba.api.pipeline.CompilerPipeline;
import dev.xamba.api.pipeline.CrashReproducer;
import dev.xamba.api.pipeline.Names;
import dev.xamba.api.pipeline.UserError;
import dev.xamba.cli.runtime.InputCheck;
import dev.xamba.codegen.IrTooLargeForMemoryException;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.diag.InternalCompilerError;
import dev.xamba.opt.pass.PassRegistry;
import dev.xamba.openvino.OpenVinoNotFoundException;
import dev.xamba.opt.pass.PipelineException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code xambac}: the xamba compiler's command line. Each subcommand is a small class; this one only wires them
 * and turns failures into one-line diagnostics and exit codes (0 success, 1 a diagnosed error in the input or
 * a failed check, 2 a misused command line, 3 an internal compiler error). Only {@link DiagnosticException}s,
 * {@link CompileException}s and {@link UserError}s are problems of the input; every other exception is a bug and is
 * reported as one.
 */
@Command(name = "xambac", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"xamba: a compiler for state-space models (Mamba, Mamba-2) on neural processing units.",
                "Reads ONNX, OpenVINO IR or xamba's textual IR (.xir), optimizes it, and writes OpenVINO IR."},
        footer = {"", "Exit codes: 0 success, 1 error in the input or failed check, 2 bad command line, 3 internal error.",
                "Run 'xambac help COMMAND' or 'xambac COMMAND --help' for a command's options."})
public final class Xambac implements Runnable {
    static final int EXIT_INPUT_ERROR = 1;
    static final int EXIT_INTERNAL_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PassRegistry registry;

    private Xambac(PassRegistry registry) { this.registry = registry; }

    /** The passes pipelines may name (tests add test-only passes). */
    PassRegistry registry() { return registry; }

    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use compile, opt, run, verify, report or calibrate (see xambac --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return execute(PassRegistry.standard(), args);
    }

    /** Runs the command line with the passes of {@code registry} (tests register test-only passes this way). */
    static int execute(PassRegistry registry, String... args) {
        CommandLine cl = new CommandLine(new Xambac(registry));
        Subcommands.register(cl, registry, args);
        cl.setExecutionExceptionHandler(Xambac::handleFailure);
        cl.setParameterExceptionHandler(Xambac::handleBadCommandLine);
        int code;
        try {
            code = cl.execute(args);
        } catch (StackOverflowError e) {
            // picocli hands only Exceptions to the handler; this is still one line and exit code 3, not a raw trace.
            return reportInternalError(e, cl.getErr(), System.getenv("XAMBAC_DEBUG"));
        } catch (InternalError e) {
            if (!MappedFileFault.is(e)) return reportInternalError(e, cl.getErr(), System.getenv("XAMBAC_DEBUG"));
            // xambac memory-maps its model (and external data, an IR's .bin): a file that shrinks under the mapping
            // faults the read. Another process's doing, not a bug, and the file is the user's to fix.
            cl.getErr().println("xambac: error: " + MappedFileFault.describe(cl));
            cl.getErr().flush();
            return EXIT_INPUT_ERROR;
        } catch (OutOfMemoryError e) {
            // Limits (--max-input-bytes, --max-array-bytes, folding budgets) keep inputs from getting here; an
            // input that is within them but still too big for the heap is the user's to size, not a bug.
            cl.getErr().println("xambac: error: out of memory: the input needs more than the " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB of heap this JVM has (give more with XAMBAC_JAVA_OPTS=-Xmx..., or lower the input's size)");
            cl.getErr().flush();
            return EXIT_INPUT_ERROR;
        }
        // PrintStream swallows write errors: a full disk or a closed pipe on stdout would otherwise be exit 0.
        if (System.out.checkError()) {
            cl.getErr().println("xambac: error: cannot write to standard output (closed, or the disk is full); the output is incomplete");
            cl.getErr().flush();
            return code == 0 ? EXIT_INPUT_ERROR : code;
        }
        return code;
    }

    /** A bad command line: one line naming the problem and where the help is, not the whole usage text. */
    private static int handleBadCommandLine(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName(" ");
        PrintWriter err = cmd.getErr();
        err.println(name + ": error: " + Names.text(e.getMessage()) + " (see '" + name + " --help')");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int handleFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        RuntimeException badOption = badOption(e);
        if (badOption != null) return handleBadCommandLine(new CommandLine.ParameterException(cl, badOption.getMessage()), null);
        List<String> lines = inputErrorLines(e);
        if (lines == null) return reportInternalError(e, err, System.getenv("XAMBAC_DEBUG"));
        lines.forEach(err::println);
        err.flush();
        return EXIT_INPUT_ERROR;
    }

    /**
     * A misused option found while the command ran ({@link UserError#badOption}, or a pass pipeline that does not
     * parse: {@code --passes} and its pass options), directly or as the cause of the library's
     * {@link CompileException}; null for anything else.
     */
    private static RuntimeException badOption(Exception e) {
        Throwable t = e instanceof CompileException c ? c.getCause() : e;
        if (t instanceof UserError u && u.isBadOption()) return u;
        return t instanceof PipelineException p ? p : null;
    }

    /** What to print for a problem of the input or the environment (exit 1), or null for a bug. */
    private static List<String> inputErrorLines(Exception e) {
        if (e instanceof DiagnosticException d) return d.diagnostics().stream().map(Names::diagnostic).toList();
        if (e instanceof CompileException c) {
            return c.diagnostics().isEmpty() ? List.of(error(c.getMessage())) : c.diagnostics().stream().map(Names::diagnostic).toList();
        }
        if (e instanceof OpenVinoNotFoundException o) {
            // No runtime where OPENVINO_LIB_DIR points: the places tried and the advice, joined into one line.
            return List.of(error(o.getMessage().replace("\n  ", " ").replace("\n", " ")));
        }
        if (e instanceof InvalidPathException p) {
            // A file name the JVM cannot encode in the locale's charset (LC_ALL=C and a non-ASCII name; bin/xambac
            // asks for UTF-8 names when the system has them).
            return List.of("xambac: error: " + Names.text(p.getInput()) + ": not a valid path here (" + Names.text(p.getReason())
                    + "; the locale's character set is " + System.getProperty("sun.jnu.encoding") + ")");
        }
        if (e instanceof UserError || e instanceof InputCheck.Rejected || e instanceof IrTooLargeForMemoryException) {
            return List.of(error(e.getMessage()));
        }
        return null;
    }

    private static String error(String message) { return "xambac: error: " + Names.text(message); }

    /**
     * Anything but a diagnosed problem of the input is a bug: one line saying so (never a located diagnostic),
     * the reproducer command when a pass crashed, and the stack trace only when {@code XAMBAC_DEBUG} is set.
     */
    static int reportInternalError(Throwable e, PrintWriter err, String debug) {
        boolean showTrace = debug != null && !debug.isEmpty() && !debug.equals("0");
        String what = e instanceof InternalCompilerError ? e.getMessage()
                : e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        err.println("xambac: internal error: " + CrashReproducer.oneLine(what)
                + (showTrace ? "" : " (set XAMBAC_DEBUG=1 for the stack trace; please report it with the input)"));
        if (e instanceof CompilerPipeline.ReproducedCrash r) {
            err.println("xambac: note: reproducer written to " + Names.path(r.reproducer().file()) + "; rerun with: " + Names.text(r.reproducer().command()));
        }
        if (showTrace) e.printStackTrace(err);
        err.flush();
        return EXIT_INTERNAL_ERROR;
    }
}
