package dev.xamba.ir.attr;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the bytes of a resource blob are also stored on disk: {@code length} bytes of {@code file} from
 * {@code offset}. A blob that knows its region can be hashed and copied through the file (the kernel's page cache)
 * instead of through its memory mapping, whose touched pages would all count towards the compiler's resident memory.
 */
public record FileRegion(Path file, long offset, long length) {
    public FileRegion {
        Objects.requireNonNull(file);
        if (offset < 0 || length < 0) throw new IllegalArgumentException("negative region " + offset + "+" + length);
    }

    /** The first {@code bytes} bytes of this region. */
    public FileRegion prefix(long bytes) {
        if (bytes < 0 || bytes > length) throw new IllegalArgumentException(bytes + " bytes of a " + length + "-byte region");
        return new FileRegion(file, offset, bytes);
    }
}
