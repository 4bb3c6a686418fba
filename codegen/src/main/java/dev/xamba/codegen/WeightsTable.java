package dev.xamba.codegen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of the {@code .bin}: constant blobs laid out back to back without padding, as OpenVINO's own
 * serializer does. Identical blobs (equal bytes) are stored once and share an offset; the lookup hashes the bytes
 * and compares them in full, and the layout follows the order of first use, so output is deterministic.
 */
final class WeightsTable {
    /** Where a blob lives in the file. */
    record Slot(long offset, long size) {}

    private final Map<ByteBuffer, Slot> slots = new HashMap<>();
    private final List<ByteBuffer> blobs = new ArrayList<>();
    private long size;

    /** Stores {@code bytes} (position to limit; never changed afterwards by the caller) unless already stored. */
    Slot add(ByteBuffer bytes) {
        ByteBuffer key = bytes.slice().asReadOnlyBuffer();
        Slot existing = slots.get(key);
        if (existing != null) return existing;
        Slot slot = new Slot(size, key.remaining());
        slots.put(key, slot);
        blobs.add(key);
        size += key.remaining();
        return slot;
    }

    /** The total size of the {@code .bin} in bytes. */
    long size() {
        return size;
    }

    /** Writes every stored blob in layout order. */
    void writeTo(WritableByteChannel out) throws IOException {
        for (ByteBuffer blob : blobs) {
            ByteBuffer b = blob.duplicate();
            while (b.hasRemaining()) out.write(b);
        }
    }
}
