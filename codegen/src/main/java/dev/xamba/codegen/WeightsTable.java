package dev.xamba.codegen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of the {@code .bin}: constant blobs laid out back to back without padding, as OpenVINO's own
 * serializer does. Identical blobs are stored once and share an offset; the layout follows the order of first use,
 * so output is deterministic.
 *
 * <p>Weights are never copied here: a blob is a view of its source (usually the memory-mapped model) and an
 * {@link Encoding}; f16 compression happens chunk by chunk while writing. Finding duplicates must not cost a pass
 * over every byte: a blob whose stored size is new needs none, and only blobs of equal size and encoding are hashed
 * (once, by 8-byte words) and then compared in full.
 */
final class WeightsTable {
    /** Where a blob lives in the file. */
    record Slot(long offset, long size) {}

    /** How a blob's source bytes become {@code .bin} bytes. */
    enum Encoding {
        /** As they are. */
        RAW,
        /** f32 little-endian to f16 little-endian, saturating to ±65504 ({@link ConstantBlobs#toF16}). */
        F32_TO_F16
    }

    private record Blob(ByteBuffer source, Encoding encoding, Slot slot) {}

    /** Blobs of one size and encoding: the first unhashed until a second one arrives, then all by hash. */
    private static final class SameSize {
        Blob first;
        Map<Long, List<Blob>> byHash;
    }

    private record SizeKey(long size, Encoding encoding) {}

    private final Map<SizeKey, SameSize> bySize = new HashMap<>();
    private final List<Blob> blobs = new ArrayList<>();
    private long size;

    /** Stores {@code bytes} (position to limit; never changed afterwards by the caller) unless already stored. */
    Slot add(ByteBuffer bytes) {
        return add(bytes, Encoding.RAW);
    }

    /** Stores {@code source} as {@code encoding} turns it into file bytes, unless an identical blob is stored. */
    Slot add(ByteBuffer source, Encoding encoding) {
        ByteBuffer view = source.slice().asReadOnlyBuffer();
        long stored = encoding == Encoding.RAW ? view.remaining() : view.remaining() / 4 * 2;
        SameSize same = bySize.computeIfAbsent(new SizeKey(stored, encoding), k -> new SameSize());
        if (same.first == null) {
            same.first = place(view, encoding, stored);
            return same.first.slot();
        }
        if (same.byHash == null) {
            same.byHash = new HashMap<>();
            same.byHash.computeIfAbsent(hash(same.first.source()), h -> new ArrayList<>(1)).add(same.first);
        }
        List<Blob> candidates = same.byHash.computeIfAbsent(hash(view), h -> new ArrayList<>(1));
        for (Blob b : candidates) if (b.source().mismatch(view) < 0) return b.slot();
        Blob blob = place(view, encoding, stored);
        candidates.add(blob);
        return blob.slot();
    }

    private Blob place(ByteBuffer view, Encoding encoding, long stored) {
        Blob blob = new Blob(view, encoding, new Slot(size, stored));
        blobs.add(blob);
        size += stored;
        return blob;
    }

    /** The total size of the {@code .bin} in bytes. */
    long size() {
        return size;
    }

    /** Writes every stored blob in layout order; compressed blobs go through one reused chunk buffer. */
    void writeTo(WritableByteChannel out, WriteProgress progress) throws IOException {
        ByteBuffer chunk = null;
        long written = 0;
        for (Blob blob : blobs) {
            progress.written(written, size);
            written += blob.slot().size();
            if (blob.encoding() == Encoding.RAW) {
                writeFully(out, blob.source().duplicate());
                continue;
            }
            if (chunk == null) chunk = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer in = blob.source().duplicate().order(ByteOrder.LITTLE_ENDIAN);
            while (in.remaining() >= 4) {
                chunk.clear();
                ConstantBlobs.toF16(in, chunk);
                writeFully(out, chunk.flip());
            }
        }
        progress.written(written, size);
    }

    private static final int CHUNK_BYTES = 1 << 20;

    private static void writeFully(WritableByteChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) out.write(b);
    }

    private static final int HASH_WORDS = 1024;

    /**
     * A 64-bit hash of the bytes from position to limit, by 8-byte words (the tail byte by byte). The words are
     * bulk-copied into a small array first: a bulk get is one memory copy, while a {@code getLong} per word on a
     * mapped buffer is several calls and index checks each until the JIT's last tier compiles the loop.
     */
    static long hash(ByteBuffer bytes) {
        ByteBuffer b = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int n = b.remaining();
        long h0 = 0x9E3779B97F4A7C15L ^ n;
        long h1 = 0xC2B2AE3D27D4EB4FL;
        java.nio.LongBuffer words = b.asLongBuffer();
        long[] chunk = new long[HASH_WORDS];
        while (words.remaining() >= 2) {
            int count = Math.min(chunk.length, words.remaining() & ~1);
            words.get(chunk, 0, count);
            for (int i = 0; i < count; i += 2) {
                h0 = (h0 ^ chunk[i]) * 0x9E3779B97F4A7C15L;
                h1 = (h1 ^ chunk[i + 1]) * 0xC2B2AE3D27D4EB4FL;
                h0 ^= h0 >>> 29;
                h1 ^= h1 >>> 31;
            }
        }
        for (int i = b.position() + (n - n % 16); i < b.limit(); i++) h0 = (h0 ^ b.get(i)) * 0x100000001B3L;
        long h = h0 ^ Long.rotateLeft(h1, 31);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        return h ^ (h >>> 33);
    }
}
