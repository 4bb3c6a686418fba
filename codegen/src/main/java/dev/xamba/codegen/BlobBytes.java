package dev.xamba.codegen;

import dev.xamba.ir.attr.FileRegion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.StandardOpenOption;

/**
 * A constant's bytes for the {@code .bin}: a buffer (often a view of the memory-mapped model) and, when the bytes
 * were read from a file, the {@link FileRegion} that holds them. Bulk passes over the bytes (hashing, copying,
 * f16 compression) go through the file when they can: the kernel then reads its page cache, while every page read
 * through the mapping stays in the compiler's resident memory until the mapping goes (about the whole model, for a
 * model of many equal-sized layers).
 */
record BlobBytes(ByteBuffer view, FileRegion region) {
    BlobBytes {
        view = view.slice().asReadOnlyBuffer();
        if (region != null && region.length() != view.remaining()) {
            throw new IllegalArgumentException("a " + view.remaining() + "-byte blob with a " + region.length() + "-byte file region");
        }
    }

    static BlobBytes of(ByteBuffer view) { return new BlobBytes(view, null); }

    long size() { return view.remaining(); }

    /** Receives the bytes chunk by chunk. */
    interface ChunkSink {
        void accept(ByteBuffer chunk) throws IOException;
    }

    /**
     * Passes the bytes to {@code sink} in chunks of {@code buffer}'s capacity (the last one shorter); each chunk is
     * {@code buffer} itself, flipped, or a slice of the view when there is no file to read from.
     */
    void forEachChunk(ByteBuffer buffer, ChunkSink sink) throws IOException {
        int step = buffer.capacity();
        if (region == null) {
            ByteBuffer v = view.duplicate();
            for (int at = 0; at < v.limit(); at += step) {
                sink.accept(v.duplicate().position(at).limit(Math.min(v.limit(), at + step)).slice().order(buffer.order()));
            }
            return;
        }
        try (FileChannel in = openRegionFile()) {
            for (long at = 0; at < region.length(); at += step) {
                buffer.clear().limit((int) Math.min(step, region.length() - at));
                while (buffer.hasRemaining()) {
                    if (in.read(buffer, region.offset() + at + buffer.position()) < 0) throw changed();
                }
                sink.accept(buffer.flip());
            }
        }
    }

    /**
     * Appends to {@code dst}, for each of {@code starts}, the bytes from there on, at most {@code window} of them and
     * never past the end (from the file when there is one, opened once).
     */
    void readWindows(long[] starts, int window, ByteBuffer dst) throws IOException {
        FileChannel in = region == null ? null : openRegionFile();
        try {
            for (long start : starts) {
                int n = (int) Math.min(window, size() - start);
                if (start < 0 || n < 0) throw new IllegalArgumentException("window at " + start + " of " + size() + " bytes");
                if (in == null) {
                    dst.put(view.duplicate().position((int) start).limit((int) start + n));
                    continue;
                }
                ByteBuffer into = dst.duplicate().limit(dst.position() + n);
                long at = region.offset() + start;
                while (into.hasRemaining()) {
                    int got = in.read(into, at);
                    if (got < 0) throw changed();
                    at += got;
                }
                dst.position(into.position());
            }
        } finally {
            if (in != null) in.close();
        }
    }

    /** Writes all the bytes to {@code out}; from a file region the kernel copies them ({@link FileChannel#transferTo}). */
    void copyTo(WritableByteChannel out) throws IOException {
        if (region == null) {
            ByteBuffer b = view.duplicate();
            while (b.hasRemaining()) out.write(b);
            return;
        }
        try (FileChannel in = openRegionFile()) {
            long done = 0;
            while (done < region.length()) {
                long n = in.transferTo(region.offset() + done, region.length() - done, out);
                if (n <= 0) throw changed(); // only a region past the file's end copies nothing
                done += n;
            }
        }
    }

    /**
     * The region's file, opened for reading, if it is still the version the bytes were read from: a file replaced by
     * another of the same size would otherwise give other bytes without any error.
     */
    private FileChannel openRegionFile() throws IOException {
        FileChannel in = FileChannel.open(region.file(), StandardOpenOption.READ);
        try {
            requireUnchanged();
            return in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /** Fails if the region's file is no longer the version the bytes were read from (nothing to check without one). */
    void requireUnchanged() throws IOException {
        if (region != null && region.version() != null && !region.version().isCurrent(region.file())) throw changed();
    }

    private IOException changed() {
        return new IOException("'" + region.file() + "' changed while compiling: it no longer holds the weights read from it");
    }
}
