package dev.xamba.ir.attr;

import dev.xamba.ir.eval.Tensor;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * A named blob of bytes that {@code dense_resource<name>} attributes point at (weights). The bytes may be a
 * read-only view of a memory-mapped file, so they are never copied into the IR. The blob can be bound after
 * the handle is created, because textual IR lists resources after the module that uses them. A blob read from a
 * file may carry the {@link FileRegion} it came from, so that the writer can copy it without touching the mapping.
 * A blob computed by folding ({@link #ofValue}) keeps its tensor and makes its bytes only when they are asked for:
 * a folded intermediate that the next fold consumes is then never encoded and decoded again, and handles over
 * one tensor share its one encoding ({@link Tensor#encoded}).
 */
public final class ResourceHandle {
    private final String name;
    private volatile ByteBuffer blob; // bytes read or bound (null for a folded blob: its tensor's encoding)
    private FileRegion region;
    private Tensor computed;

    public ResourceHandle(String name) { this.name = Objects.requireNonNull(name); }

    public ResourceHandle(String name, ByteBuffer blob) {
        this(name, blob, null);
    }

    /** A handle over {@code blob}, whose bytes are also stored at {@code region} (null when they are not). */
    public ResourceHandle(String name, ByteBuffer blob, FileRegion region) {
        this(name);
        bind(blob);
        if (region != null && region.length() != this.blob.remaining()) {
            throw new IllegalArgumentException("resource '" + name + "' has " + this.blob.remaining() + " bytes but its file region "
                    + region.length());
        }
        this.region = region;
    }

    /** A handle over the little-endian bytes of {@code value}, made when first asked for. */
    public static ResourceHandle ofValue(String name, Tensor value) {
        ResourceHandle h = new ResourceHandle(name);
        h.computed = Objects.requireNonNull(value);
        return h;
    }

    public String name() { return name; }

    public boolean isBound() { return blob != null || computed != null; }

    /** A read-only duplicate of the bytes, positioned at 0. */
    public ByteBuffer blob() {
        ByteBuffer bytes = blob;
        if (bytes != null) return bytes.duplicate();
        if (computed != null) return computed.encoded(); // encoded once by the tensor, for every handle over it
        throw new IllegalStateException("resource '" + name + "' has no data");
    }

    /** The tensor a folded blob was computed from ({@link #ofValue}); empty for bytes read or bound. */
    public Optional<Tensor> computedValue() { return Optional.ofNullable(computed); }

    /** The file region holding the same bytes as {@link #blob()}, if the blob was read from one. */
    public Optional<FileRegion> region() { return Optional.ofNullable(region); }

    public void bind(ByteBuffer bytes) {
        if (isBound()) throw new IllegalStateException("resource '" + name + "' bound twice");
        this.blob = bytes.slice().asReadOnlyBuffer();
    }

    @Override public String toString() { return name; }
}
