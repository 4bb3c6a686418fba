package dev.xamba.ir.io;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes NumPy {@code .npy} arrays (format versions 1, 2 and 3; little-endian f64 f32 f16 i64 i32 i16
 * i8 u8 and bool; C order). Hostile or damaged files give an {@link IOException} whose one-line message names
 * the source and what is wrong; nothing is allocated beyond what the file really holds.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Longest header accepted; NumPy's own headers are well under 1 KiB. */
    static final int MAX_HEADER_BYTES = 65536;
    /** Alignment of the data NumPy writes (header padded with spaces). */
    private static final int ALIGN = 64;

    private Npy() {}

    /** Largest array data read by default: 1 GiB (callers may allow more or less). */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    /** Reads the array in {@code file}. */
    public static Tensor read(Path file) throws IOException {
        return read(file, DEFAULT_MAX_BYTES);
    }

    /** Reads the array in {@code file}, refusing one whose data has more than {@code maxBytes} bytes. */
    public static Tensor read(Path file, long maxBytes) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString(), maxBytes);
        }
    }

    /** Reads one array from {@code in}; {@code source} names it in messages (e.g. {@code "io.npz: array 'x'"}). */
    public static Tensor read(InputStream in, String source) throws IOException {
        return read(in, source, DEFAULT_MAX_BYTES);
    }

    /** As {@link #read(InputStream, String)}, refusing an array whose data has more than {@code maxBytes} bytes. */
    public static Tensor read(InputStream in, String source, long maxBytes) throws IOException {
        try {
            return readUnchecked(in, maxBytes);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage());
        }
    }

    private static Tensor readUnchecked(InputStream in, long maxBytes) throws IOException {
        byte[] prefix = in.readNBytes(8);
        if (prefix.length < 8) throw new IllegalArgumentException("not a .npy file: only " + prefix.length + " bytes");
        for (int i = 0; i < MAGIC.length; i++) {
            if (prefix[i] != MAGIC[i]) throw new IllegalArgumentException("not a .npy file: bad magic (expected \\x93NUMPY)");
        }
        int major = prefix[6] & 0xff;
        if (major < 1 || major > 3) throw new IllegalArgumentException("unsupported .npy format version " + major + "." + (prefix[7] & 0xff));
        byte[] lengthBytes = in.readNBytes(major == 1 ? 2 : 4);
        if (lengthBytes.length < (major == 1 ? 2 : 4)) throw new IllegalArgumentException("truncated header length");
        long headerLength = 0;
        for (int i = lengthBytes.length - 1; i >= 0; i--) headerLength = (headerLength << 8) | (lengthBytes[i] & 0xff);
        if (headerLength > MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("header of " + headerLength + " bytes is too long (limit " + MAX_HEADER_BYTES + ")");
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw new IllegalArgumentException("truncated header: " + headerBytes.length + " of " + headerLength + " bytes");
        }
        String text = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeader header = NpyHeader.parse(text);
        TensorType type = TensorType.of(header.elementType(), header.shape());
        long count = type.numElements();
        long bytes = count > Integer.MAX_VALUE ? Long.MAX_VALUE : count * header.elementType().byteWidth();
        long limit = Math.min(maxBytes, Integer.MAX_VALUE - 8);
        if (bytes > limit) {
            throw new IllegalArgumentException("array " + type + " is too large (" + (count == Long.MAX_VALUE ? "more than 2^63" : count)
                    + " elements; the limit is " + limit + " bytes)");
        }
        // readNBytes allocates as data arrives, so a lying shape cannot make us allocate more than the file holds.
        byte[] data = in.readNBytes((int) bytes);
        if (data.length < bytes) {
            throw new IllegalArgumentException("truncated data: " + type + " needs " + bytes + " bytes, found " + data.length);
        }
        return Tensor.fromBytes(type, ByteBuffer.wrap(data));
    }

    /** Writes {@code t} to {@code file} as NumPy does ({@code np.save}). */
    public static void write(Path file, Tensor t) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(out, t);
        }
    }

    public static void write(OutputStream out, Tensor t) throws IOException {
        out.write(toBytes(t));
    }

    /** The complete .npy file for {@code t}: version 1.0 (2.0 if the header needs it), data 64-byte aligned. */
    public static byte[] toBytes(Tensor t) throws IOException {
        if (NpyHeader.descr(t.elementType()) == null) throw new IOException("cannot write " + t.type() + ": .npy has no " + t.elementType() + " type");
        String dict = new NpyHeader(t.elementType(), t.type().shape()).format();
        int lengthBytes = 2;
        int padded = paddedHeaderLength(dict, lengthBytes);
        if (padded > 65535) padded = paddedHeaderLength(dict, lengthBytes = 4); // version 2.0: a 4-byte length
        int prefix = MAGIC.length + 2 + lengthBytes;
        String header = dict + " ".repeat(padded - dict.length() - 1) + "\n";
        ByteArrayOutputStream b = new ByteArrayOutputStream(prefix + padded + t.size() * t.elementType().byteWidth());
        b.write(MAGIC);
        b.write(lengthBytes == 2 ? 1 : 2);
        b.write(0);
        for (int i = 0; i < lengthBytes; i++) b.write((padded >>> (8 * i)) & 0xff);
        b.write(header.getBytes(StandardCharsets.ISO_8859_1));
        b.write(t.toBytes());
        return b.toByteArray();
    }

    /** Header length including spaces and the final newline, so that the data starts 64-byte aligned. */
    private static int paddedHeaderLength(String dict, int lengthBytes) {
        int prefix = MAGIC.length + 2 + lengthBytes;
        return ((prefix + dict.length() + 1 + ALIGN - 1) / ALIGN) * ALIGN - prefix;
    }
}
