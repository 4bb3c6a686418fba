package dev.xamba.ir.attr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * One version of a file, as it was when its bytes were mapped: which file (its key: device and inode on Linux), its
 * size and its modification time. Bytes later read again through the path are those bytes only while the path still
 * names this version: a file replaced by another of the same size (an export script writing a new model and renaming
 * it over the old one) or rewritten in place would otherwise give other weights without any error.
 */
public record FileVersion(Object fileKey, long size, FileTime modified) {
    // equals/hashCode written out: the generated ones bootstrap java.lang.runtime.ObjectMethods, start-up time every
    // compile pays (lit's packaging/startup_work.test)
    @Override public boolean equals(Object o) {
        return o instanceof FileVersion v && Objects.equals(v.fileKey, fileKey) && v.size == size && Objects.equals(v.modified, modified);
    }

    @Override public int hashCode() { return (Objects.hashCode(fileKey) * 31 + Long.hashCode(size)) * 31 + Objects.hashCode(modified); }

    /** The version {@code file} is now. */
    public static FileVersion of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileVersion(a.fileKey(), a.size(), a.lastModifiedTime());
    }

    /** Whether {@code file} is still this version (false if it no longer exists). */
    public boolean isCurrent(Path file) throws IOException {
        try {
            return equals(of(file));
        } catch (NoSuchFileException gone) {
            return false;
        }
    }
}
