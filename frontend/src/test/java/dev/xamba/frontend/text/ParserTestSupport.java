package dev.xamba.frontend.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.print.AsmPrinter;

/** Shared helpers: every test input is called {@code t.xir}. */
final class ParserTestSupport {
    static final String FILE = "t.xir";

    private ParserTestSupport() {}

    static Operation parse(String text) { return TextIrParser.parse(text, FILE); }

    static String print(String text) { return AsmPrinter.print(parse(text)); }

    /** The single diagnostic the parser reports for {@code text}, rendered with its notes. */
    static String errorOf(String text) {
        DiagnosticException e = catchThrowableOfType(DiagnosticException.class, () -> parse(text));
        assertThat(e).as("expected a diagnostic for:\n%s", text).isNotNull();
        assertThat(e.diagnostics()).hasSize(1);
        return e.diagnostics().get(0).render();
    }

    /** Wraps op lines into a function {@code @f(%x: tensor<f32>)} in a module; the first op line is line 3. */
    static String inFunction(String ops) {
        return "module {\n  func.func @f(%x: tensor<f32>) {\n" + ops + "  }\n}\n";
    }
}
