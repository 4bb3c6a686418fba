package dev.xamba.ir.attr;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the bytes of a resource blob are also stored on disk: {@code length} bytes of {@code file} from
 * {@code offset}, in the {@code version} of the file they were read from (null: not known, not checked). A blob that
 * knows its region can be hashed and copied through the file (the kernel's page cache) instead of through its memory
 * mapping, whose touched pages would all count towards the compiler's resident memory; whoever reads the file again
 * checks first that it is still that version.
 */
public record FileRegion(Path file, long offset, long length, FileVersion version) {
    public FileRegion {
        Objects.requireNonNull(file);
        if (offset < 0 || length < 0) throw new IllegalArgumentException("negative region " + offset + "+" + length);
    }

    /** A region of a file whose version is not known (not checked when read again). */
    public FileRegion(Path file, long offset, long length) {
        this(file, offset, length, null);
    }

    /** The first {@code bytes} bytes of this region. */
    public FileRegion prefix(long bytes) {
        if (bytes < 0 || bytes > length) throw new IllegalArgumentException(bytes + " bytes of a " + length + "-byte region");
        return new FileRegion(file, offset, bytes, version);
    }
}
