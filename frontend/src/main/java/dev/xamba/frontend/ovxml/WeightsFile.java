package dev.xamba.frontend.ovxml;

import dev.xamba.frontend.ovxml.IrNet.Layer;
import dev.xamba.ir.attr.FileRegion;
import dev.xamba.ir.attr.FileVersion;
import dev.xamba.ir.io.OvIrFiles;
import dev.xamba.ir.io.RegularFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The {@code .bin} beside the {@code .xml}, memory-mapped read-only on first use (a model without constants needs
 * none). Constants are slices of the mapping, never copies; every slice is checked against the file's size.
 */
final class WeightsFile {
    private final IrSource source;
    private final Path bin;
    private ByteBuffer mapped;
    private FileVersion version;

    WeightsFile(IrSource source) {
        this.source = source;
        this.bin = OvIrFiles.binPathFor(source.xml());
    }

    /** The {@code needed} bytes at {@code offset}, for the Const {@code layer} that declares {@code size} bytes there. */
    ByteBuffer slice(Layer layer, long offset, long size, long needed) {
        ByteBuffer whole = map(layer);
        long length = whole.capacity();
        if (offset > length || size > length - offset) {
            throw source.error(layer, "its bytes [" + offset + ", " + offset + " + " + size + ") run past the end of '"
                    + bin.getFileName() + "' (" + length + " bytes)");
        }
        return whole.duplicate().position((int) offset).limit((int) (offset + needed)).slice()
                .asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Where {@link #slice} found those bytes, for the writer to copy them through the file. */
    FileRegion region(long offset, long needed) {
        return new FileRegion(bin.toAbsolutePath(), offset, needed, version);
    }

    private ByteBuffer map(Layer layer) {
        if (mapped != null) return mapped;
        if (!Files.exists(bin)) {
            throw source.error(layer, "its weights file '" + bin.getFileName() + "' does not exist (OpenVINO IR keeps the"
                    + " constants in a .bin beside the .xml)");
        }
        String problem = RegularFiles.problem(bin, Long.MAX_VALUE, "");
        if (problem != null) throw source.error(layer, "its weights file '" + bin.getFileName() + "' " + problem);
        try (FileChannel ch = FileChannel.open(bin, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw source.error("the weights file '" + bin.getFileName() + "' has " + size + " bytes, more than the 2 GB xamba can map yet");
            }
            version = FileVersion.of(bin);
            mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return mapped;
        } catch (IOException e) {
            throw source.error("cannot read the weights file '" + bin.getFileName() + "': " + e.getMessage());
        }
    }
}
