package dev.xamba.cli;

import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.opt.pass.PassRegistry;
import dev.xamba.opt.pass.PipelineException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code xambac}: the xamba compiler's command line. Each subcommand is a small class; this one only wires them
 * and turns failures into one-line diagnostics and exit codes (0 success, 1 a diagnosed error in the input or
 * a failed check, 2 a misused command line, 3 an internal compiler error).
 */
@Command(name = "xambac", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"xamba: a compiler for state-space models (Mamba, Mamba-2) on neural processing units.",
                "Reads ONNX or xamba's textual IR (.xir), optimizes it, and writes OpenVINO IR."},
        subcommands = {CompileCommand.class, OptCommand.class, RunCommand.class, VerifyCommand.class, ReportCommand.class,
                CalibrateCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 error in the input or failed check, 2 bad command line, 3 internal error.",
                "Run 'xambac help COMMAND' or 'xambac COMMAND --help' for a command's options."})
public final class Xambac implements Runnable {
    static final int EXIT_INPUT_ERROR = 1;
    static final int EXIT_INTERNAL_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use compile, opt, run, verify, report or calibrate (see xambac --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        // Read by ${xamba.passes} in 'opt --help'.
        System.setProperty("xamba.passes", PassRegistry.standard().helpText());
        CommandLine cl = new CommandLine(new Xambac());
        cl.setExecutionExceptionHandler(Xambac::handleFailure);
        return cl.execute(args);
    }

    private static int handleFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof DiagnosticException d) {
            d.diagnostics().forEach(diag -> err.println(diag.render()));
            err.flush();
            return EXIT_INPUT_ERROR;
        }
        if (e instanceof UserError || e instanceof PipelineException) {
            err.println("xambac: error: " + e.getMessage());
            err.flush();
            return EXIT_INPUT_ERROR;
        }
        err.println("xambac: internal error: " + e + (System.getenv("XAMBAC_DEBUG") == null
                ? " (set XAMBAC_DEBUG=1 for the stack trace; please report it with the input)" : ""));
        if (System.getenv("XAMBAC_DEBUG") != null) e.printStackTrace(err);
        err.flush();
        return EXIT_INTERNAL_ERROR;
    }
}
