package dev.xamba.ir.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Temporary files beside an output, written and then renamed into place, and deleted if the process ends first
 * (an error, SIGINT, SIGTERM). Creation and the exit-time clean-up take one lock, so no file can be created after
 * the clean-up ran or between creating it and remembering it (with {@code File.deleteOnExit} both can happen).
 */
public final class TempFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object LOCK = new Object();
    private static final List<Path> CREATED = new ArrayList<>();
    private static boolean cleanedUp;

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
        synchronized (LOCK) {
            if (cleanedUp) throw new IOException("the process is exiting; not creating a temporary file in " + dir);
            for (int attempt = 0; ; attempt++) {
                Path tmp = dir.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
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
