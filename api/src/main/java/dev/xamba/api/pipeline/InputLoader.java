package dev.xamba.api.pipeline;

import dev.xamba.api.Limits;
import dev.xamba.frontend.onnx.ImportOptions;
import dev.xamba.frontend.onnx.OnnxImporter;
import dev.xamba.frontend.ovxml.OvIrImporter;
import dev.xamba.frontend.text.TextIrParser;
import dev.xamba.ir.Operation;
import dev.xamba.ir.io.MalformedText;
import dev.xamba.ir.io.RegularFiles;
import dev.xamba.ir.verify.Verifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a program for any command: an ONNX model ({@code .onnx}, imported with shapes folded), OpenVINO IR
 * ({@code .xml} + {@code .bin}, imported into the ov dialect) or textual IR ({@code .xir}, or {@code -} for standard input).
 */
public final class InputLoader {
    private InputLoader() {}

    /**
     * Loads {@code input}, refusing anything but a regular file and a file larger than its limit: {@code maxBytes}
     * for textual IR, which is parsed in memory; for ONNX and OpenVINO IR, which are memory-mapped (their weights
     * are never copied), at least {@link Limits#MAPPED_MODEL_BYTES}, so a single-file ONNX model up to protobuf's
     * own 2 GiB cap always loads.
     */
    public static Operation load(String input, ImportOptions importOptions, long maxBytes) {
        InputKind kind = InputKind.of(input);
        if (kind == InputKind.STDIN) return TextIrParser.parse(readStdin(maxBytes), "<stdin>");
        Path path = checkedFile(input, maxBytes);
        return switch (kind) {
            case ONNX -> OnnxImporter.importModel(path, importOptions);
            case OPENVINO_IR -> OvIrImporter.importModel(path, importOptions);
            default -> TextIrParser.parse(readText(path), input);
        };
    }

    /** {@code input} as a path, once it is a regular file within its limit ({@link #load}). */
    private static Path checkedFile(String input, long maxBytes) {
        Path path = Path.of(input);
        requireModelFile(path, maxBytes);
        return path;
    }

    /**
     * Fails with one line unless {@code model} is a regular file within its limit: {@code maxBytes}, and for an ONNX or
     * OpenVINO IR model at least {@link Limits#MAPPED_MODEL_BYTES} (it is memory-mapped, not read into the heap).
     */
    public static void requireModelFile(Path model, long maxBytes) {
        boolean mapped = InputKind.of(model.toString()).mapped();
        requireRegularFile(model, "", mapped ? Math.max(maxBytes, Limits.MAPPED_MODEL_BYTES) : maxBytes, "--max-input-bytes");
    }

    /** A loaded, verified input and the files it consists of, which no output may replace. */
    public record Loaded(Operation module, InputFiles reads) {}

    /**
     * {@link #load}, verified, with its files ({@link InputFiles#ofModel}). The ONNX and OpenVINO IR importers verify
     * what they build (so it is not verified twice, which is milliseconds of a small compile), textual IR is verified
     * here; an ONNX model is parsed once for both the import and its files (at 96 layers a parse is 0.2 s).
     */
    public static Loaded loadVerified(String input, ImportOptions importOptions, long maxBytes) {
        InputKind kind = InputKind.of(input);
        if (kind == InputKind.ONNX) {
            Path path = checkedFile(input, maxBytes);
            OnnxImporter.Imported imported = OnnxImporter.importWithModel(path, importOptions);
            return new Loaded(imported.module(), InputFiles.ofOnnx(path, imported.model()));
        }
        Operation module = load(input, importOptions, maxBytes);
        if (kind != InputKind.OPENVINO_IR) Verifier.verifyOrThrow(module);
        return new Loaded(module, InputFiles.ofModel(input));
    }

    /** The text of a textual-IR input ({@code -} for standard input), as {@link #load} would parse it. */
    public static String text(String input, long maxBytes) {
        if (input.equals("-")) return readStdin(maxBytes);
        requireRegularFile(Path.of(input), "", maxBytes, "--max-input-bytes");
        return readText(Path.of(input));
    }

    /**
     * Fails with one line unless {@code file} is a regular file (following links) of at most {@code maxBytes}
     * bytes. Checked before opening it: opening a FIFO blocks until someone writes to it, and a device such as
     * /dev/zero never ends.
     *
     * @param what   how the file was given, for the message (e.g. {@code "--input x: "}); may be empty
     * @param option the option that raises the limit
     */
    public static void requireRegularFile(Path file, String what, long maxBytes, String option) {
        String problem = RegularFiles.problem(file, maxBytes, " (raise it with " + option + ")");
        if (problem != null) throw new UserError(what + Names.path(file) + ": " + Names.text(problem));
    }

    /** The name diagnostics give {@code input}. */
    public static String sourceName(String input) {
        return input.equals("-") ? "<stdin>" : input;
    }

    private static String readText(Path path) {
        try {
            return RegularFiles.readUtf8(path);
        } catch (NoSuchFileException e) {
            throw new UserError(Names.path(path) + ": no such file");
        } catch (MalformedText e) {
            throw new UserError(Names.path(path) + ": not UTF-8 text: " + e.where());
        } catch (IOException e) {
            throw new UserError(Names.path(path) + ": cannot read: " + Names.text(e.getMessage()));
        }
    }

    private static String readStdin(long maxBytes) {
        try (InputStream in = System.in) {
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) throw new UserError("<stdin>: more than the limit of " + maxBytes + " bytes (raise it with --max-input-bytes)");
            return MalformedText.decode(bytes, StandardCharsets.UTF_8);
        } catch (MalformedText e) {
            throw new UserError("<stdin>: not UTF-8 text: " + e.where());
        } catch (IOException e) {
            throw new UserError("<stdin>: cannot read: " + e.getMessage());
        }
    }
}
