package dev.xamba.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardCopyOption;

/**
 * Writes output files atomically: to a temporary file in the target folder, then renamed over the target, so
 * that a failure never leaves a partial file behind.
 */
final class OutputFiles {
    private OutputFiles() {}

    /** Creates {@code target}'s folder if needed (like ovc's output path); fails if {@code target} is a folder. */
    static void prepareFolder(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) throw new UserError(target + ": is a folder, expected a file name");
        if (dir == null) throw new UserError(target + ": has no folder");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(target + ": cannot create its folder: " + e.getMessage());
        }
    }

    /** Writes {@code text} to {@code target}, or to standard output when {@code target} is null. */
    static void writeTextOrStdout(Path target, String text) {
        if (target != null) {
            writeString(target, text);
            return;
        }
        java.io.PrintStream out = new java.io.PrintStream(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
        out.print(text);
        out.flush();
    }

    static void writeString(Path target, String content) {
        writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
    }

    static void writeBytes(Path target, byte[] content) {
        prepareFolder(target);
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            tmp = newTempFile(dir, "." + abs.getFileName(), ".tmp");
            Files.write(tmp, content);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UserError(target + ": cannot write: " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary name starts with a dot and ends in .tmp
                }
            }
        }
    }

    /** Temp files are private (0600) by default; outputs get the usual rw-r--r-- (less the umask) instead. */
    private static Path newTempFile(Path dir, String prefix, String suffix) throws IOException {
        try {
            return Files.createTempFile(dir, prefix, suffix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(dir, prefix, suffix);
        }
    }
}
