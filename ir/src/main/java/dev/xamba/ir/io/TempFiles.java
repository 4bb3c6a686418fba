package dev.xamba.ir.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Temporary files beside an output, written and then renamed into place ({@link #place}), and deleted if the
 * process ends first (an error, SIGINT, SIGTERM). Creation, placing and the exit-time clean-up take one lock, so no
 * file can be created after the clean-up ran or between creating it and remembering it (with
 * {@code File.deleteOnExit} both can happen), and a signal arriving while files that belong together (a model's
 * {@code .xml} and {@code .bin}) are renamed waits until all of them are in place.
 *
 * <p>What the lock cannot cover: SIGKILL or a power loss between two renames of one {@link #place} call leaves the
 * first target new and the rest old (e.g. a new {@code .bin} beside the old {@code .xml}), and neither the files
 * nor the folder are synced: after a power loss a rename may be lost, or a target may be there but empty (the
 * renames can reach the disk before the data, which ext4 writes back later). Syncing both would cost every compile
 * the write-back of the whole {@code .bin} (1.4 GB at 96 layers). A process ended like that also leaves its
 * temporary files ({@code .<output name>.<random>.tmp}) behind.
 */
public final class TempFiles {
    /**
     * For tests only: the path of a file to create after the first rename of a {@link #place} of several files;
     * the rename then waits until the JVM begins to shut down (a SIGTERM, say) and a second longer, so that a
     * clean-up not held off by the lock would have run (at most 60 s in all).
     */
    public static final String PAUSE_BETWEEN_RENAMES = "xamba.test.pauseBetweenRenames";

    /** The longest file name most file systems take, in bytes (Linux's NAME_MAX). */
    public static final int MAX_NAME_BYTES = 255;

    /** Digits of the random part: an unsigned long in base 36. */
    private static final int RANDOM_CHARS = 13;

    private static final Object LOCK = new Object();
    private static final List<Path> CREATED = new ArrayList<>();
    private static boolean cleanedUp;

    /** A temporary file from {@link #createBeside} and the output it becomes. */
    public record Placement(Path temporary, Path target) {}

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteAll, "xamba-temp-files"));
    }

    private TempFiles() {}

    /**
     * Creates {@code dir/<prefix><random><suffix>}, readable like a normal output (rw-r--r-- less the umask, not
     * createTempFile's 0600). A file already renamed into place is not touched by the clean-up (its temporary
     * name no longer exists).
     */
    public static Path createBeside(Path dir, String prefix, String suffix) throws IOException {
        String fitted = fitPrefix(prefix, suffix);
        synchronized (LOCK) {
            if (cleanedUp) throw new IOException("the process is exiting; not creating a temporary file in " + dir);
            for (int attempt = 0; ; attempt++) {
                // Creation is exclusive and retried, so a name only needs to be unlikely to be taken: a guessed one
                // costs a retry, never someone else's file. (SecureRandom's seeding took ~10 ms of every compile.)
                Path tmp = dir.resolve(fitted + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + suffix);
                try {
                    create(tmp);
                    CREATED.add(tmp);
                    return tmp;
                } catch (FileAlreadyExistsException taken) {
                    if (attempt >= 16) throw taken;
                }
            }
        }
    }

    /**
     * Deletes a temporary file that will not be placed (its output failed), and forgets it: the exit-time clean-up
     * list would otherwise grow with every failed output of a long-running process. Null is ignored.
     */
    public static void discard(Path tmp) throws IOException {
        if (tmp == null) return;
        synchronized (LOCK) {
            Files.deleteIfExists(tmp);
            CREATED.remove(tmp);
        }
    }

    /**
     * {@code prefix}, cut short (by whole characters, ending in a dot) where the temporary name would pass
     * {@link #MAX_NAME_BYTES}: the prefix holds the output's own name, and an output whose name fits must not fail
     * because its temporary name, 14-22 bytes longer, does not.
     */
    static String fitPrefix(String prefix, String suffix) {
        int budget = MAX_NAME_BYTES - RANDOM_CHARS - utf8Bytes(suffix);
        if (utf8Bytes(prefix) <= budget) return prefix;
        StringBuilder kept = new StringBuilder();
        int bytes = 1; // the closing dot
        for (int i = 0; i < prefix.length(); ) {
            int cp = prefix.codePointAt(i);
            int width = utf8Bytes(new String(Character.toChars(cp)));
            if (bytes + width > budget) break;
            kept.appendCodePoint(cp);
            bytes += width;
            i += Character.charCount(cp);
        }
        return kept.append('.').toString();
    }

    /** {@code s}'s length in UTF-8, the bytes a file system counts in a name. */
    public static int utf8Bytes(String s) { return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length; }

    /**
     * Renames each temporary file over its target, in order, as one step with respect to SIGINT and SIGTERM: the
     * exit-time clean-up waits for all of them (or, if it ran first, nothing is renamed and this fails). If a
     * rename fails, the targets already placed are deleted, so that none of them pairs with an old file that was
     * not replaced; the caller deletes the temporary files left.
     */
    public static void place(Placement... placements) throws IOException {
        synchronized (LOCK) {
            if (cleanedUp) throw new IOException("the process is exiting; not renaming " + placements[0].temporary() + " into place");
            List<Path> placed = new ArrayList<>();
            try {
                for (Placement p : placements) {
                    if (!placed.isEmpty()) pauseForTests();
                    move(p.temporary(), p.target());
                    CREATED.remove(p.temporary());
                    placed.add(p.target());
                }
            } catch (IOException | RuntimeException e) {
                for (Path target : placed) {
                    try {
                        Files.deleteIfExists(target);
                    } catch (IOException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                throw e;
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** See {@link #PAUSE_BETWEEN_RENAMES}. */
    private static void pauseForTests() throws IOException {
        String marker = System.getProperty(PAUSE_BETWEEN_RENAMES);
        if (marker == null) return;
        Files.createFile(Path.of(marker));
        long deadline = System.nanoTime() + 60_000_000_000L;
        try {
            while (!shuttingDown() && System.nanoTime() < deadline) Thread.sleep(10);
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The JVM refuses new shutdown hooks once its shutdown has begun. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static void create(Path tmp) throws IOException {
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
    }

    private static void deleteAll() {
        synchronized (LOCK) {
            cleanedUp = true;
            for (Path p : CREATED) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException | RuntimeException ignored) {
                    // best effort at exit: the name starts with the output's and ends in .tmp
                }
            }
        }
    }
}
