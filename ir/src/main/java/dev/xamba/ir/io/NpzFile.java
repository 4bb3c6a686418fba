package dev.xamba.ir.io;

import dev.xamba.ir.eval.Tensor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy {@code .npz} archives: a zip (stored or deflated) of {@code .npy} arrays, keyed by the
 * entry name without {@code .npy}, as {@code np.load} does.
 */
public final class NpzFile {
    private NpzFile() {}

    /** Every array in the archive, in archive order. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        return read(file, Npy.DEFAULT_MAX_BYTES);
    }

    /**
     * Every array in the archive, in archive order; each member's CRC-32 is checked and no array may hold more
     * than {@code maxArrayBytes} bytes of data (a small deflated member can inflate to gigabytes).
     */
    public static Map<String, Tensor> read(Path file, long maxArrayBytes) throws IOException {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IOException(file + ": not a valid .npz (zip) archive: " + e.getMessage());
        }
        try (zip) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) continue;
                String name = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                String source = file + ": array '" + name + "'";
                if (arrays.containsKey(name)) throw new IOException(source + ": appears twice in the archive");
                try (CheckedInputStream in = new CheckedInputStream(new BufferedInputStream(zip.getInputStream(e)), new CRC32())) {
                    arrays.put(name, Npy.read(in, source, maxArrayBytes));
                    if (in.read() >= 0) throw new IOException(source + ": has bytes after the array's data");
                    if (e.getCrc() != -1 && in.getChecksum().getValue() != e.getCrc()) {
                        throw new IOException(source + ": damaged: its CRC-32 is " + Long.toHexString(in.getChecksum().getValue())
                                + " but the archive says " + Long.toHexString(e.getCrc()));
                    }
                } catch (ZipException ex) {
                    throw new IOException(source + ": damaged zip entry: " + ex.getMessage());
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // ZipFile reports some malformed central directories this way.
            throw new IOException(file + ": not a valid .npz (zip) archive: " + e.getMessage());
        }
        return Collections.unmodifiableMap(arrays);
    }

    /** Writes the arrays uncompressed, as {@code np.savez} does. */
    public static void write(Path file, Map<String, Tensor> arrays) throws IOException {
        write(file, arrays, false);
    }

    /** Writes the arrays, deflated if {@code compress} (as {@code np.savez_compressed}). */
    public static void write(Path file, Map<String, Tensor> arrays, boolean compress) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (Map.Entry<String, Tensor> a : arrays.entrySet()) {
                byte[] bytes;
                try {
                    bytes = Npy.toBytes(a.getValue());
                } catch (IOException e) {
                    throw new IOException(file + ": array '" + a.getKey() + "': " + e.getMessage());
                }
                ZipEntry entry = new ZipEntry(a.getKey() + ".npy");
                if (!compress) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    entry.setCompressedSize(bytes.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
    }
}
