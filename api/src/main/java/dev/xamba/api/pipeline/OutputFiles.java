package dev.xamba.api.pipeline;

import dev.xamba.ir.io.TempFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes output files atomically: to a temporary file in the target folder, then renamed over the target, so
 * that a failure never leaves a partial file behind (and SIGINT/SIGTERM none either: temporary files are deleted
 * at exit). Only a regular file, or nothing, is ever replaced: never a symbolic link, a folder, a device or a
 * FIFO, and never a file the command reads ({@link #refuseUnsafe}).
 */
public final class OutputFiles {
    private OutputFiles() {}

    /**
     * Creates {@code target}'s folder if needed (like ovc's output path). Call {@link #refuseUnsafe} first: it
     * refuses a {@code target} that is a folder.
     */
    public static void prepareFolder(Path target) {
        Path dir = target.toAbsolutePath().normalize().getParent();
        if (dir == null) throw new UserError(Names.path(target) + ": has no folder");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(Names.path(target) + ": cannot create its folder: " + e.getMessage());
        }
    }

    /**
     * Fails with one line if writing {@code target} would replace anything but a regular file, or a file in
     * {@code reads} (by identity, not by name), or could not make its folder because a file stands in the way, or
     * has a name longer than file systems take, or lies in a folder where no file can be created.
     * Leaves nothing behind (its probe file is deleted at once), so commands call it before their long work as
     * well as before writing.
     */
    public static void refuseUnsafe(Path target, InputFiles reads) {
        requireDotDotAsWritten(target);
        Path absolute = target.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        int nameBytes = name == null ? 0 : TempFiles.utf8Bytes(name.toString());
        if (nameBytes > TempFiles.MAX_NAME_BYTES) {
            // Found before the work, not by the rename at its end.
            throw new UserError(Names.path(target) + ": its name is " + nameBytes + " bytes long; file systems take at most "
                    + TempFiles.MAX_NAME_BYTES);
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Path existing = absolute.getParent();
            while (existing != null && !Files.exists(existing)) existing = existing.getParent();
            if (existing != null && !Files.isDirectory(existing)) {
                throw new UserError(Names.path(target) + ": cannot create its folder: " + Names.path(existing) + " is a file");
            }
            if (existing != null) requireWritable(target, existing);
            return;
        }
        String what = Files.isSymbolicLink(target) ? "a symbolic link"
                : Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) ? "a folder"
                : !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) ? "not a regular file (a device, FIFO or socket)" : null;
        if (what != null) {
            throw new UserError(Names.path(target) + ": is " + what + "; xambac only replaces regular files (choose another output)");
        }
        for (InputFiles.Read r : reads.files()) {
            try {
                if (Files.isSameFile(target, r.path())) {
                    throw new UserError(Names.path(target) + ": is " + r.role() + " (" + Names.path(r.path()) + "); refusing to overwrite it");
                }
            } catch (IOException e) {
                // one of them vanished: then they are not the same file
            }
        }
        requireWritable(target, absolute.getParent());
    }

    /**
     * Fails if a file cannot be created in {@code folder} (read-only, a read-only mount, no space for a name):
     * found by creating and deleting a probe file there, as permission bits do not tell (root ignores them) and a
     * command must not find it out only after minutes of work.
     */
    private static void requireWritable(Path target, Path folder) {
        try {
            TempFiles.discard(TempFiles.createBeside(folder, "." + target.toAbsolutePath().normalize().getFileName() + ".", ".probe"));
        } catch (IOException e) {
            // A FileSystemException's message is the probe's own path; its reason is what the user needs.
            String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            throw new UserError(Names.path(target) + ": cannot create a file in " + Names.path(folder) + " (" + why + ")");
        }
    }

    /**
     * Refuses a {@code ..} that the file system would not resolve as the text reads: after a folder that does not
     * exist ({@code nosuch/../m.onnx}, whose folder creation then made it the input {@code m.onnx}, replaced while
     * the checks had looked at a file that did not exist) or a symbolic link ({@code link/../x}, the link target's
     * parent). Outputs are written at the textually normalized path, so the two must agree.
     */
    private static void requireDotDotAsWritten(Path target) {
        Path absolute = target.toAbsolutePath();
        int last = -1;
        for (int i = 0; i < absolute.getNameCount(); i++) if (absolute.getName(i).toString().equals("..")) last = i;
        if (last < 0) return;
        Path throughDotDot = absolute.getRoot().resolve(absolute.subpath(0, last + 1));
        try {
            if (throughDotDot.toRealPath().equals(throughDotDot.normalize().toRealPath())) return;
        } catch (IOException missing) {
            // a folder before the '..' does not exist: the file system cannot go back out of it
        }
        throw new UserError(Names.path(target) + ": its '..' goes back out of a folder that does not exist or is a symbolic"
                + " link; give the output's folder without it");
    }

    /** Writes {@code text} to {@code target}, or to standard output when {@code target} is null. */
    public static void writeTextOrStdout(Path target, String text) {
        writeTextOrStdout(target, text, new InputFiles());
    }

    public static void writeTextOrStdout(Path target, String text, InputFiles reads) {
        if (target != null) {
            writeString(target, text, reads);
            return;
        }
        java.io.PrintStream out = new java.io.PrintStream(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
        out.print(text);
        out.flush();
    }

    public static void writeString(Path target, String content, InputFiles reads) {
        writeBytes(target, content.getBytes(StandardCharsets.UTF_8), reads);
    }

    public static void writeBytes(Path target, byte[] content) {
        writeBytes(target, content, new InputFiles());
    }

    public static void writeBytes(Path target, byte[] content, InputFiles reads) {
        writeAll(Map.of(target, content), reads);
    }

    /**
     * Writes several files as one output: each to a temporary file first, then all renamed into place together
     * ({@link TempFiles#place}), so a failure on any of them (a full disk on the third of five) leaves none new
     * and no temporary file behind. Targets are placed in the map's order.
     */
    public static void writeAll(Map<Path, byte[]> contents, InputFiles reads) {
        for (Path target : contents.keySet()) refuseUnsafe(target, reads);
        for (Path target : contents.keySet()) prepareFolder(target);
        List<TempFiles.Placement> placements = new ArrayList<>();
        Path writing = null;
        try {
            for (Map.Entry<Path, byte[]> e : contents.entrySet()) {
                writing = e.getKey();
                Path abs = writing.toAbsolutePath().normalize();
                Path tmp = TempFiles.createBeside(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
                placements.add(new TempFiles.Placement(tmp, abs));
                Files.write(tmp, e.getValue(), StandardOpenOption.WRITE); // not truncated: see OvIrWriter.write
            }
            writing = null;
            TempFiles.place(placements.toArray(TempFiles.Placement[]::new));
            placements.clear();
        } catch (IOException e) {
            if (writing == null && contents.size() == 1) writing = contents.keySet().iterator().next();
            String what = writing != null ? Names.path(writing) : "the outputs (" + contents.size() + " files)";
            throw new UserError(what + ": cannot write: " + e.getMessage());
        } finally {
            for (TempFiles.Placement p : placements) {
                try {
                    TempFiles.discard(p.temporary());
                } catch (IOException ignored) {
                    // best effort: the temporary name starts with a dot and ends in .tmp
                }
            }
        }
    }
}
