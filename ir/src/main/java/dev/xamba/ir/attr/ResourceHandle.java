package dev.xamba.ir.attr;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A named blob of bytes that {@code dense_resource<name>} attributes point at (weights). The bytes may be a
 * read-only view of a memory-mapped file, so they are never copied into the IR. The blob can be bound after
 * the handle is created, because textual IR lists resources after the module that uses them.
 */
public final class ResourceHandle {
    private final String name;
    private ByteBuffer blob;

    public ResourceHandle(String name) { this.name = Objects.requireNonNull(name); }

    public ResourceHandle(String name, ByteBuffer blob) {
        this(name);
        bind(blob);
    }

    public String name() { return name; }

    public boolean isBound() { return blob != null; }

    /** A read-only duplicate of the bytes, positioned at 0. */
    public ByteBuffer blob() {
        if (blob == null) throw new IllegalStateException("resource '" + name + "' has no data");
        return blob.duplicate();
    }

    public void bind(ByteBuffer bytes) {
        if (blob != null) throw new IllegalStateException("resource '" + name + "' bound twice");
        this.blob = bytes.slice().asReadOnlyBuffer();
    }

    @Override public String toString() { return name; }
}
