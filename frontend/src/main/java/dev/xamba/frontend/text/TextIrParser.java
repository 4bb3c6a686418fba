package dev.xamba.frontend.text;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.io.RegularFiles;
import dev.xamba.ir.loc.Location;
import java.io.IOException;
import java.nio.file.Path;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Reads the textual IR, exactly as {@link dev.xamba.ir.print.AsmPrinter} prints it, back into a
 * {@code builtin.module}. Printing the result gives the same text for input already in printed form.
 *
 * <p>Value names are scoped per function; numeric names are renumbered by the printer, other names are kept as
 * name hints. A value may be used before its definition (the {@link dev.xamba.ir.verify.Verifier} then reports
 * the dominance error); a name never defined is an error. Each op records the position of its first token as
 * source position and its {@code loc(...)} as location. The parser does not verify.
 *
 * <p>Every problem is reported as a {@link DiagnosticException} with one diagnostic, rendered
 * {@code file:line:col: error: message}, at the first error found.
 */
public final class TextIrParser {
    private TextIrParser() {}

    /**
     * Parses {@code text}; {@code fileName} is used in source positions and diagnostics. A leading byte order mark
     * is not part of the text (some Windows editors write one) and does not count as a column.
     *
     * @return the {@code builtin.module} operation
     * @throws DiagnosticException on the first syntax or semantic error
     */
    public static Operation parse(String text, String fileName) {
        SourceFile src = new SourceFile(fileName);
        XambaIrParser.FileContext tree = parseTree(text.startsWith("\uFEFF") ? text.substring(1) : text, src);
        return new IrBuilder(src).build(tree);
    }

    /**
     * Reads and parses a UTF-8 file; diagnostics name the file as {@code path.toString()}. Anything but a regular
     * file is refused before it is opened (a FIFO would block the read).
     *
     * @throws DiagnosticException on an unreadable file or the first error in it
     */
    public static Operation parseFile(Path path) {
        return parse(readFile(path), path.toString());
    }

    private static String readFile(Path path) {
        String problem = RegularFiles.problem(path, Integer.MAX_VALUE - 8, "");
        if (problem == null) {
            try {
                return RegularFiles.readUtf8(path);
            } catch (java.nio.file.AccessDeniedException e) {
                problem = "permission denied";
            } catch (dev.xamba.ir.io.MalformedText e) {
                problem = "not UTF-8 text: " + e.where();
            } catch (IOException e) {
                problem = e.getMessage() == null ? "unreadable" : e.getMessage();
            }
        }
        throw new DiagnosticException(Diagnostic.error(Location.name(path.toString()), "cannot read file: " + problem));
    }

    /**
     * Fast SLL prediction first; only if it fails is the input parsed again with full LL prediction, which
     * either succeeds (SLL was too weak) or reports the first error with a precise message.
     */
    private static XambaIrParser.FileContext parseTree(String text, SourceFile src) {
        NestingLimitedLexer lexer = new NestingLimitedLexer(CharStreams.fromString(text, src.name()), src);
        lexer.removeErrorListeners();
        lexer.addErrorListener(new SyntaxErrorStrategy.ThrowingListener(src));
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        XambaIrParser parser = new XambaIrParser(tokens);
        parser.removeErrorListeners(); // the bail strategy still reports to listeners before it gives up
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return parser.file();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new SyntaxErrorStrategy(src));
            parser.addErrorListener(new SyntaxErrorStrategy.ThrowingListener(src));
            return parser.file();
        }
    }
}
