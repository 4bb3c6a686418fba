package dev.xamba.frontend.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.loc.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TextIrParser#parseFile} names the file in positions and diagnostics. */
class ParseFileTest {

    @Test
    void positionsAndErrorsNameTheFile(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.xir");
        Files.writeString(good, "\uFEFFmodule @m {\n}\n", StandardCharsets.UTF_8);
        Operation module = TextIrParser.parseFile(good);
        assertThat(module.sourcePosition()).isEqualTo(new Location.FileLineCol(good.toString(), 1, 1));

        Path bad = dir.resolve("bad.xir");
        Files.writeString(bad, "module {\n  func.func @f( {\n", StandardCharsets.UTF_8);
        DiagnosticException e = catchThrowableOfType(DiagnosticException.class, () -> TextIrParser.parseFile(bad));
        assertThat(e.getMessage()).isEqualTo(bad + ":2:17: error: expected ')' or a value such as %0 but found '{'");
    }

    @Test
    void anUnreadableFileIsADiagnostic(@TempDir Path dir) {
        Path missing = dir.resolve("missing.xir");
        DiagnosticException e = catchThrowableOfType(DiagnosticException.class, () -> TextIrParser.parseFile(missing));
        assertThat(e.getMessage()).startsWith("\"" + missing + "\": error: cannot read file: no such file");
    }
}
