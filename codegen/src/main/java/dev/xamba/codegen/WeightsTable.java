package dev.xamba.codegen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * The contents of the {@code .bin}: constant blobs laid out back to back without padding, as OpenVINO's own
 * serializer does. Identical blobs are stored once and share an offset; the layout follows the order of first use,
 * so output is deterministic.
 *
 * <p>Weights are never copied here: a blob is a view of its source (usually the memory-mapped model), the file
 * region it came from when known ({@link BlobBytes}), and an {@link Encoding}. Hashing, copying and f16 compression
 * (chunk by chunk while writing) read through that file rather than the mapping. Finding duplicates must not cost a pass
 * over every byte: a blob whose stored size is new needs no reading at all; one whose size repeats (every layer's
 * weights do) is told apart by a sample (its first, middle and last 4 KiB); only blobs that agree on size, encoding and
 * sample are hashed in full (once, {@link Hasher}) and then compared in full. Distinct weights thus cost three small
 * reads each, and the worst case (many blobs alike in their samples) is one full hash each, as without samples.
 */
final class WeightsTable {
    /** Where a blob lives in the file. */
    record Slot(long offset, long size) {
        // equals/hashCode written out (f16 compiles key maps by slot): the generated ones cost start-up time
        @Override public boolean equals(Object o) {
            return o instanceof Slot s && s.offset == offset && s.size == size;
        }

        @Override public int hashCode() { return Long.hashCode(offset) * 31 + Long.hashCode(size); }
    }

    /** How a blob's source bytes become {@code .bin} bytes. */
    enum Encoding {
        /** As they are. */
        RAW,
        /** f32 little-endian to f16 little-endian, saturating to ±65504 ({@link ConstantBlobs#toF16}). */
        F32_TO_F16
    }

    private record Blob(BlobBytes source, Encoding encoding, Slot slot) {}

    /** Blobs of one size and encoding: the first unsampled until a second one arrives, then all by sample. */
    private static final class SameSize {
        Blob first;
        Map<Long, SameSample> bySample;
    }

    /** Blobs of one size, encoding and sample: the first unhashed until a second one arrives, then all by hash. */
    private static final class SameSample {
        Blob first;
        Map<Long, List<Blob>> byHash;
    }

    private record SizeKey(long size, Encoding encoding) {
        // equals/hashCode written out: the generated ones cost start-up time (README, "Compile speed")
        @Override public boolean equals(Object o) {
            return o instanceof SizeKey k && k.size == size && k.encoding == encoding;
        }

        @Override public int hashCode() { return Long.hashCode(size) * 31 + encoding.hashCode(); }
    }

    private final Map<SizeKey, SameSize> bySize = new HashMap<>();
    private final List<Blob> blobs = new ArrayList<>();
    private ByteBuffer chunk;
    private long size;

    /** Stores {@code bytes} (position to limit; never changed afterwards by the caller) unless already stored. */
    Slot add(ByteBuffer bytes) throws IOException {
        return add(BlobBytes.of(bytes), Encoding.RAW);
    }

    /** {@link #add(BlobBytes, Encoding)} for bytes that are in no file. */
    Slot add(ByteBuffer source, Encoding encoding) throws IOException {
        return add(BlobBytes.of(source), encoding);
    }

    /**
     * Stores {@code source} as {@code encoding} turns it into file bytes, unless an identical blob is stored. Blobs
     * with equal hashes are compared through their buffers: that reads them through the mapping, but only for true
     * duplicates (or a 64-bit hash collision).
     *
     * @throws IOException when the file the bytes are stored in cannot be read
     */
    Slot add(BlobBytes source, Encoding encoding) throws IOException {
        long stored = encoding == Encoding.RAW ? source.size() : source.size() / 4 * 2;
        SameSize size = bySize.computeIfAbsent(new SizeKey(stored, encoding), k -> new SameSize());
        if (size.first == null) {
            size.first = place(source, encoding, stored);
            return size.first.slot();
        }
        if (size.bySample == null) {
            size.bySample = new HashMap<>();
            size.bySample.computeIfAbsent(sample(size.first.source()), k -> new SameSample()).first = size.first;
        }
        SameSample same = size.bySample.computeIfAbsent(sample(source), k -> new SameSample());
        if (same.first == null) {
            same.first = place(source, encoding, stored);
            return same.first.slot();
        }
        if (same.byHash == null) {
            same.byHash = new HashMap<>();
            same.byHash.computeIfAbsent(hash(same.first.source()), h -> new ArrayList<>(1)).add(same.first);
        }
        List<Blob> candidates = same.byHash.computeIfAbsent(hash(source), h -> new ArrayList<>(1));
        for (Blob b : candidates) if (b.source().view().mismatch(source.view()) < 0) return b.slot();
        Blob blob = place(source, encoding, stored);
        candidates.add(blob);
        return blob.slot();
    }

    private Blob place(BlobBytes source, Encoding encoding, long stored) {
        Blob blob = new Blob(source, encoding, new Slot(size, stored));
        blobs.add(blob);
        size += stored;
        return blob;
    }

    /** The total size of the {@code .bin} in bytes. */
    long size() {
        return size;
    }

    /**
     * Writes every stored blob in layout order; compressed blobs go through one reused chunk buffer.
     *
     * @return the compressed blobs that OpenVINO's converter would have kept in f32, most of their values being
     *         outside f16's range ({@link ConstantBlobs#keepsF32}, counted while converting, so that deciding costs
     *         no pass of its own); empty for nearly every model. The caller then lays the model out again with
     *         those constants uncompressed and writes it again.
     */
    Set<Slot> writeTo(WritableByteChannel out, WriteProgress progress) throws IOException {
        ByteBuffer half = null;
        long written = 0;
        Set<Slot> keepF32 = new HashSet<>();
        for (Blob blob : blobs) {
            progress.written(written, size);
            written += blob.slot().size();
            if (blob.encoding() == Encoding.RAW) {
                blob.source().copyTo(out);
                continue;
            }
            if (half == null) half = ByteBuffer.allocateDirect(CHUNK_BYTES / 2).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer f16 = half;
            long[] outOfRange = {0};
            blob.source().forEachChunk(chunk(), in -> {
                f16.clear();
                outOfRange[0] += ConstantBlobs.toF16(in, f16);
                writeFully(out, f16.flip());
            });
            if (ConstantBlobs.keepsF32(outOfRange[0], blob.source().size() / 4)) keepF32.add(blob.slot());
        }
        // Each file was checked when opened; one that changed while its bytes were copied would leave a mix.
        Set<java.nio.file.Path> checked = new HashSet<>();
        for (Blob blob : blobs) {
            if (blob.source().region() != null && checked.add(blob.source().region().file())) blob.source().requireUnchanged();
        }
        progress.written(written, size);
        return keepF32;
    }

    /** The buffer bulk passes read through. */
    private ByteBuffer chunk() {
        if (chunk == null) chunk = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        return chunk;
    }

    private static final int CHUNK_BYTES = 1 << 20;

    private static void writeFully(WritableByteChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) out.write(b);
    }

    private static final int SAMPLE_WINDOW = 4096;

    /** A hash of the blob's first, middle and last {@value #SAMPLE_WINDOW} bytes (all of it when that is shorter). */
    private long sample(BlobBytes source) throws IOException {
        long n = source.size();
        ByteBuffer windows = chunk().clear();
        source.readWindows(new long[] {0, Math.max(0, n / 2 - SAMPLE_WINDOW / 2), Math.max(0, n - SAMPLE_WINDOW)},
                SAMPLE_WINDOW, windows);
        Hasher h = new Hasher(n);
        h.update(windows.flip());
        return h.finish();
    }

    private long hash(BlobBytes source) throws IOException {
        Hasher h = new Hasher(source.size());
        source.forEachChunk(chunk(), h::update);
        return h.finish();
    }

    /** A 64-bit hash of the bytes from position to limit ({@link Hasher}). */
    static long hash(ByteBuffer bytes) {
        Hasher h = new Hasher(bytes.remaining());
        h.update(bytes.duplicate());
        return h.finish();
    }

    /**
     * A 64-bit hash fed in chunks: zlib's CRC-32 and Adler-32 of the bytes, mixed with their length. Both are the
     * JDK's native code, so a compile hashes at the same speed before the JIT has compiled anything as after (a
     * loop written in Java here ran interpreted for the first few thousand blobs, which made small models' compile
     * time per node twice their large ones'). Equal hashes are confirmed by comparing the bytes, so a collision
     * costs a comparison, never a wrong merge.
     */
    static final class Hasher {
        private final CRC32 crc = new CRC32();
        private final Adler32 adler = new Adler32();
        private final long length;

        Hasher(long length) { this.length = length; }

        void update(ByteBuffer chunk) {
            crc.update(chunk.duplicate());
            adler.update(chunk.duplicate());
        }

        long finish() {
            long h = (crc.getValue() << 32 | adler.getValue()) ^ length * 0x9E3779B97F4A7C15L;
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            return h ^ (h >>> 33);
        }
    }
}
