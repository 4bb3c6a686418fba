package dev.xamba.codegen;

import dev.xamba.ir.io.OvIrFiles;
import dev.xamba.ir.io.TempFiles;
import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * Writes an {@code ov}-dialect module as an OpenVINO IR v11 model: the {@code .xml} graph and the {@code .bin}
 * weights. The module's {@code func.func @main} becomes the model: its arguments the Parameters (in order, named by
 * their name hints), its ops the layers (named by their locations), its returned values the Results. Output is
 * byte-identical for identical input.
 *
 * <pre>{@code
 * OvIrWriter.write(module, Path.of("model.xml"), WriterOptions.DEFAULT);   // model.xml + model.bin
 * RenderedIr ir = OvIrWriter.render(module, WriterOptions.FP16_WEIGHTS);  // in memory
 * }</pre>
 *
 * <p><b>Discardable attributes</b> ({@code npu.unit = "SHAVE"}, {@code xamba.max_error = 0.01 : f64}: any attribute
 * with a dialect prefix, see {@link Operation#isDiscardable}) are ignored: a layer's {@code <data>} holds only the
 * attributes its op declares, and the output is byte-identical to that of the same module without them. They are
 * not written as layer {@code rt_info} because OpenVINO's IR reader keeps only the runtime attributes it has
 * registered (such as {@code fused_names}) and silently drops any other, so the runtime would never see them
 * (checked on OpenVINO 2026.4; {@code DiscardableAttributesTest} runs an annotated model on the CPU plugin).
 *
 * <p>Problems with the module (ops that are not {@code ov} ops, a failing verification, unwritable attributes) are
 * {@link dev.xamba.ir.diag.DiagnosticException}s listing every offending op at its location; nothing is written
 * then.
 */
public final class OvIrWriter {
    private OvIrWriter() {}

    /** The model as {@code .xml} and {@code .bin} bytes in memory (the weights must fit in 2 GB). */
    public static RenderedIr render(Operation module, WriterOptions options) {
        GraphBuilder.Built built = build(module, options, Set.of());
        for (int pass = 1; ; pass++) {
            if (built.weights().size() > IrTooLargeForMemoryException.MAX_BYTES) throw new IrTooLargeForMemoryException(built.weights().size());
            ByteArrayOutputStream bin = new ByteArrayOutputStream((int) built.weights().size());
            Set<WeightsTable.Slot> keepF32;
            try {
                keepF32 = built.weights().writeTo(Channels.newChannel(bin), WriteProgress.NONE);
            } catch (IOException e) {
                throw new IllegalStateException("writing to memory failed", e);
            }
            if (keepF32.isEmpty()) return new RenderedIr(XmlWriter.write(built.graph()), bin.toByteArray());
            built = rebuildKeepingF32(module, options, built, keepF32, pass);
        }
    }

    /**
     * The name of the OpenVINO layer each op of {@code module}'s main function becomes when written with {@code options}
     * (an identity map): its location's name, made unique in the order the writer meets them (a constant folded from a
     * node may take the node's name first, the node's own layer then gets {@code _1}). The runtime's per-layer
     * counters are keyed by these names.
     */
    public static Map<Operation, String> layerNames(Operation module, WriterOptions options) {
        return Collections.unmodifiableMap(build(module, options, Set.of()).layerNames());
    }

    /**
     * Writes {@code xml} and the {@code .bin} next to it ({@link #binPathFor}). Both are first written to temporary
     * files in the same folder and then renamed, the {@code .bin} first, as one step that SIGINT/SIGTERM cannot split
     * ({@link TempFiles#place}); if anything fails, neither target is created (or left half-written) and the
     * temporary files are removed. (A failed {@code .xml} rename deletes the new {@code .bin}: an old {@code .xml}
     * is then left without weights rather than paired with the wrong ones.)
     *
     * @throws IOException when writing or renaming fails
     */
    public static void write(Operation module, Path xml, WriterOptions options) throws IOException {
        write(module, xml, options, WriteProgress.NONE);
    }

    /** {@link #write(Operation, Path, WriterOptions)}, telling {@code progress} how much of the {@code .bin} is written. */
    public static void write(Operation module, Path xml, WriterOptions options, WriteProgress progress) throws IOException {
        GraphBuilder.Built built = build(module, options, Set.of());
        Path target = xml.toAbsolutePath();
        Path bin = binPathFor(target);
        Path dir = target.getParent();
        String stem = "." + target.getFileName() + ".";
        Path tmpBin = null;
        Path tmpXml = null;
        requireReplaceable(bin);
        requireReplaceable(target);
        try {
            // WRITE only: the temporary files were just created, empty, by us. Truncating one anyway (the default
            // of Files.write, or TRUNCATE_EXISTING) marks it on ext4 for "auto_da_alloc", so that closing it makes
            // this process start the writeback of every page written: 1.4 GB at 96 layers, paid inside the compile.
            for (int pass = 1; ; pass++) {
                tmpBin = TempFiles.createBeside(dir, stem, ".bin.tmp");
                Set<WeightsTable.Slot> keepF32;
                try (FileChannel ch = FileChannel.open(tmpBin, StandardOpenOption.WRITE)) {
                    keepF32 = built.weights().writeTo(ch, progress);
                }
                if (keepF32.isEmpty()) break;
                // A new temporary file rather than truncating this one (see above).
                TempFiles.discard(tmpBin);
                tmpBin = null;
                built = rebuildKeepingF32(module, options, built, keepF32, pass);
            }
            tmpXml = TempFiles.createBeside(dir, stem, ".xml.tmp");
            try (OutputStream out = Files.newOutputStream(tmpXml, StandardOpenOption.WRITE)) {
                XmlWriter.write(built.graph(), out);
            }
            TempFiles.place(new TempFiles.Placement(tmpBin, bin), new TempFiles.Placement(tmpXml, target));
        } catch (Throwable e) {
            // Errors too (an OutOfMemoryError, or the InternalError a read of a mapped file that shrank throws): a
            // library caller's process goes on, and the exit-time clean-up would leave the files until it ends.
            discardQuietly(tmpBin, e);
            discardQuietly(tmpXml, e);
            throw e;
        }
    }

    /** The weights file OpenVINO looks for next to {@code xml}: the same name with {@code .bin} for {@code .xml}. */
    public static Path binPathFor(Path xml) {
        return OvIrFiles.binPathFor(xml);
    }

    private static GraphBuilder.Built build(Operation module, WriterOptions options, Set<Operation> keepF32) {
        FuncOp main = ModuleCheck.mainOf(module);
        String name = new ModuleOp(module).name().orElse(main.name());
        return GraphBuilder.build(main, name, options, keepF32);
    }

    /**
     * The layout again, with the constants of {@code keepF32}'s slots stored in f32:
     * with {@code --compress-fp16}, a constant whose values mostly lie outside f16's range stays f32, as OpenVINO's
     * converter keeps it (clamping it would change the model's results). Such a share is only known once the values
     * are read, while converting them, so a model with such a constant is laid out and written twice, every other
     * model once. The second layout compresses every other constant as the first did, so its write finds none to
     * keep: a third pass would be a bug.
     */
    private static GraphBuilder.Built rebuildKeepingF32(Operation module, WriterOptions options, GraphBuilder.Built built,
            Set<WeightsTable.Slot> keepF32, int pass) {
        if (pass > 1) throw new IllegalStateException("a constant kept in f32 was compressed again: " + keepF32);
        return build(module, options, built.constantsIn(keepF32));
    }

    private static void discardQuietly(Path p, Throwable cause) {
        try {
            TempFiles.discard(p);
        } catch (IOException suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    /**
     * The rename would replace whatever is at {@code target}: a symbolic link (not its target), a device or a FIFO
     * (as root). Only a regular file, or nothing, may be replaced.
     */
    static void requireReplaceable(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("'" + target + "' exists and is not a regular file (a link, folder, device or FIFO); refusing to replace it");
        }
    }
}
