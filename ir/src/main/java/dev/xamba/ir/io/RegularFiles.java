package dev.xamba.ir.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check a file xamba reads by name passes before it is opened: it exists, it is a regular file (reading a FIFO
 * or a device could block forever or never end) and it is not larger than a limit. Problems come back as the end
 * of a one-line diagnostic ("no such file", "is a folder, expected a file", ...) for the caller to prefix with the
 * file's name as its users spell it and to raise as its own kind of error.
 */
public final class RegularFiles {
    private RegularFiles() {}

    /**
     * What keeps {@code file} from being read whole, or null when nothing does.
     *
     * @param overLimitNote appended to the message of a file over {@code maxBytes}, e.g. how to raise the limit
     */
    public static String problem(Path file, long maxBytes, String overLimitNote) {
        if (!Files.exists(file)) {
            return Files.isSymbolicLink(file) ? "is a symbolic link to nothing (a missing file, or a loop of links)" : "no such file";
        }
        if (Files.isDirectory(file)) return "is a folder, expected a file";
        if (!Files.isRegularFile(file)) return "is not a regular file (a FIFO, device or socket); xambac reads only regular files";
        try {
            long size = Files.size(file);
            return size > maxBytes ? "has " + size + " bytes, more than the limit of " + maxBytes + overLimitNote : null;
        } catch (IOException e) {
            return "cannot read: " + e.getMessage();
        }
    }

    /**
     * The text of {@code file}, which must be UTF-8 (a wrong byte is an error, not a replacement character). Check it
     * with {@link #problem} first.
     *
     * @throws MalformedText when it is not UTF-8 (a {@link CharacterCodingException}), saying where
     */
    public static String readUtf8(Path file) throws IOException {
        return MalformedText.decode(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
