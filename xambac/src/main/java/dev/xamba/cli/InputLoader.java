package dev.xamba.cli;

import dev.xamba.frontend.onnx.ImportOptions;
import dev.xamba.frontend.onnx.OnnxImporter;
import dev.xamba.frontend.text.TextIrParser;
import dev.xamba.ir.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a program for any command: an ONNX model ({@code .onnx}, imported with shapes folded) or textual IR
 * ({@code .xir}, or {@code -} for standard input).
 */
final class InputLoader {
    private InputLoader() {}

    static Operation load(String input) {
        return load(input, ImportOptions.defaults());
    }

    static Operation load(String input, ImportOptions importOptions) {
        if (input.equals("-")) return TextIrParser.parse(readStdin(), "<stdin>");
        Path path = Path.of(input);
        if (input.endsWith(".onnx")) {
            if (!Files.isRegularFile(path)) throw new UserError(path + (Files.exists(path) ? ": not a regular file" : ": no such file"));
            return OnnxImporter.importModel(path, importOptions);
        }
        return TextIrParser.parse(readText(path), input);
    }

    /** The text of a textual-IR input ({@code -} for standard input), as {@link #load} would parse it. */
    static String text(String input) {
        return input.equals("-") ? readStdin() : readText(Path.of(input));
    }

    /** The name diagnostics give {@code input}. */
    static String sourceName(String input) {
        return input.equals("-") ? "<stdin>" : input;
    }

    private static String readText(Path path) {
        if (Files.isDirectory(path)) throw new UserError(path + ": is a folder, expected a file");
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (NoSuchFileException e) {
            throw new UserError(path + ": no such file");
        } catch (CharacterCodingException e) {
            throw new UserError(path + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserError(path + ": cannot read: " + e.getMessage());
        }
    }

    private static String readStdin() {
        try (InputStream in = System.in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("<stdin>: cannot read: " + e.getMessage());
        }
    }
}
