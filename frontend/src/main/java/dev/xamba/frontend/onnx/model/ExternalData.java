package dev.xamba.frontend.onnx.model;

import dev.xamba.frontend.onnx.proto.StringStringEntryProto;
import dev.xamba.frontend.onnx.proto.TensorProto;
import dev.xamba.ir.attr.FileRegion;
import dev.xamba.ir.attr.FileVersion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Tensors stored outside the model ({@code data_location = EXTERNAL}). A {@code location} is resolved against
 * the model's folder and must stay inside the confinement folder, also after following symbolic links;
 * {@code offset}/{@code length} are checked against the file and the tensor. Each file is mapped once and
 * tensors are read-only slices of the mapping.
 */
public final class ExternalData {
    private final SourceFile model;
    private final Path root;
    private final Map<Path, ByteBuffer> mapped = new HashMap<>();
    private final Map<Path, FileVersion> versions = new HashMap<>();
    /** Each location checked once: a model names the same data file for every tensor, and checking is syscalls. */
    private final Map<String, Path> checkedLocations = new HashMap<>();

    /** {@code root} is the folder external files must stay in; null means the model's folder. */
    public ExternalData(SourceFile model, Path root) {
        this.model = model;
        this.root = (root != null ? root : model.folder()).toAbsolutePath().normalize();
    }

    /** A tensor's bytes: a read-only slice of the mapped external file, and where in that file they are. */
    public record Slice(ByteBuffer bytes, FileRegion region) {}

    /** The {@code byteSize} bytes of the tensor. */
    public Slice slice(TensorProto t, long byteSize, String what) {
        String location = null;
        String offsetText = null;
        String lengthText = null;
        for (StringStringEntryProto e : t.getExternalDataList()) {
            switch (e.getKey()) {
                case "location" -> location = e.getValue();
                case "offset" -> offsetText = e.getValue();
                case "length" -> lengthText = e.getValue();
                default -> { } // checksum and other keys are optional hints
            }
        }
        if (location == null || location.isEmpty()) throw model.error(what + " is stored externally but names no 'location'");
        Path file = checkedLocations.get(location);
        if (file == null) {
            file = resolve(location, what);
            checkedLocations.put(location, file);
        }
        ByteBuffer whole = map(file, what);
        long size = whole.capacity();
        long offset = parseNumber(offsetText, 0, "offset", what);
        if (offset > size) {
            throw model.error(what + ": external data offset " + offset + " is past the end of '" + location + "' ("
                    + size + " bytes)");
        }
        long length = parseNumber(lengthText, size - offset, "length", what);
        if (lengthText != null && length != byteSize) {
            throw model.error(what + ": external data length " + length + " does not match the " + byteSize
                    + " bytes its type needs");
        }
        if (byteSize > size - offset) {
            throw model.error(what + ": external data [" + offset + ", " + offset + " + " + byteSize + ") runs past the end of '"
                    + location + "' (" + size + " bytes)");
        }
        ByteBuffer bytes = whole.duplicate().position((int) offset).limit((int) (offset + byteSize)).slice().asReadOnlyBuffer();
        return new Slice(bytes, new FileRegion(file, offset, byteSize, versions.get(file)));
    }

    private Path resolve(String location, String what) {
        Path rel;
        try {
            rel = Path.of(location);
        } catch (InvalidPathException e) {
            throw model.error(what + ": external data location '" + location + "' is not a valid path");
        }
        if (rel.isAbsolute() || location.startsWith("/") || location.startsWith("\\")) {
            throw model.error(what + ": external data location '" + location + "' is absolute; it must be relative to the model's folder");
        }
        Path resolved = model.folder().resolve(rel).normalize();
        if (!resolved.startsWith(root)) {
            throw model.error(what + ": external data location '" + location + "' leaves the model's folder");
        }
        if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
            throw model.error(what + ": external data file '" + location + "' does not exist");
        }
        try {
            Path real = resolved.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                throw model.error(what + ": external data location '" + location + "' leads outside the model's folder"
                        + " through a symbolic link");
            }
            if (!Files.isRegularFile(real)) throw model.error(what + ": external data '" + location + "' is not a regular file");
            return real;
        } catch (IOException e) {
            throw model.error(what + ": cannot resolve external data '" + location + "': " + e.getMessage());
        }
    }

    private ByteBuffer map(Path file, String what) {
        ByteBuffer b = mapped.get(file);
        if (b != null) return b;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw model.error(what + ": external data file '" + file.getFileName() + "' is larger than 2 GB,"
                        + " which xamba cannot map yet");
            }
            versions.put(file, FileVersion.of(file));
            b = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (IOException e) {
            throw model.error(what + ": cannot read external data '" + file.getFileName() + "': " + e.getMessage());
        }
        mapped.put(file, b);
        return b;
    }

    private long parseNumber(String text, long dflt, String key, String what) {
        if (text == null) return dflt;
        try {
            long v = Long.parseLong(text.trim());
            if (v < 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw model.error(what + ": external data " + key + " '" + text + "' is not a non-negative integer");
        }
    }
}
