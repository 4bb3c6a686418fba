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
    void aByteOrderMarkIsSkippedByParseToo() {
        // xambac reads files itself and hands the text to parse: a BOM must not be "unexpected character" there.
        Operation module = TextIrParser.parse("\uFEFFmodule @m {\n}\n", "m.xir");
        assertThat(module.sourcePosition()).isEqualTo(new Location.FileLineCol("m.xir", 1, 1));
    }

    @Test
    void anUnreadableFileIsADiagnostic(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.xir");
        DiagnosticException e = catchThrowableOfType(DiagnosticException.class, () -> TextIrParser.parseFile(missing));
        assertThat(e.getMessage()).startsWith("\"" + missing + "\": error: cannot read file: no such file");

        Path fifo = dir.resolve("fifo.xir");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        e = catchThrowableOfType(DiagnosticException.class, () -> TextIrParser.parseFile(fifo)); // returns: not opened
        assertThat(e.getMessage()).contains("error: cannot read file: is not a regular file");

        Path latin1 = Files.write(dir.resolve("latin1.xir"), new byte[] {'m', (byte) 0xe9});
        e = catchThrowableOfType(DiagnosticException.class, () -> TextIrParser.parseFile(latin1));
        assertThat(e.getMessage()).endsWith("error: cannot read file: not UTF-8 text: byte 0xE9 at line 1, column 2");
    }
}
