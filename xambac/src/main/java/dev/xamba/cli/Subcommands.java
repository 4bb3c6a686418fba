package dev.xamba.cli;

import dev.xamba.opt.pass.PassRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The subcommands of {@code xambac}, registered on demand. picocli builds a command's model by reflecting over its
 * annotations and mixins, which costs tens of milliseconds per command at start-up, a visible share of a small
 * model's whole compile; a command line that names one command therefore builds just that one. Anything else
 * (no command, {@code help}, {@code --help}, a misspelt command) gets all of them, so usage lists and "did you
 * mean" suggestions stay complete.
 */
final class Subcommands {
    /** In the order {@code xambac --help} lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("compile", CompileCommand::new);
        COMMANDS.put("opt", OptCommand::new);
        COMMANDS.put("run", RunCommand::new);
        COMMANDS.put("verify", VerifyCommand::new);
        COMMANDS.put("report", ReportCommand::new);
        COMMANDS.put("calibrate", CalibrateCommand::new);
        COMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    private Subcommands() {}

    /** Adds to {@code xambac} the subcommands {@code args} can reach. */
    static void register(CommandLine xambac, PassRegistry registry, String[] args) {
        String named = args.length > 0 ? args[0] : "";
        boolean onlyOne = COMMANDS.containsKey(named) && !named.equals("help");
        for (Map.Entry<String, Supplier<Object>> command : COMMANDS.entrySet()) {
            if (onlyOne && !command.getKey().equals(named)) continue;
            // Read by ${xamba.passes} in 'opt --help'; listing every pass's options is work only opt's help needs.
            if (command.getKey().equals("opt")) System.setProperty("xamba.passes", registry.helpText(OptCommand.HELP_WIDTH));
            xambac.addSubcommand(command.getKey(), command.getValue().get());
        }
    }
}
