package dev.xamba.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.attr.FileRegion;
import dev.xamba.ir.eval.HalfFloat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsTableTest {
    private static ByteBuffer floats(float... values) {
        ByteBuffer b = ByteBuffer.allocateDirect(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        return b.flip();
    }

    private static byte[] bytesOf(WeightsTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.writeTo(Channels.newChannel(out), WriteProgress.NONE);
        return out.toByteArray();
    }

    @Test
    void equalBlobsShareOneSlotAndEqualSizedDistinctOnesDoNot() throws IOException {
        WeightsTable table = new WeightsTable();
        WeightsTable.Slot a = table.add(floats(1, 2, 3, 4, 5));
        WeightsTable.Slot b = table.add(floats(1, 2, 3, 4, 6));
        WeightsTable.Slot c = table.add(floats(1, 2, 3, 4, 5));
        WeightsTable.Slot d = table.add(floats(1, 2, 3, 4, 6));
        assertThat(a).isEqualTo(new WeightsTable.Slot(0, 20)).isEqualTo(c);
        assertThat(b).isEqualTo(new WeightsTable.Slot(20, 20)).isEqualTo(d);
        assertThat(table.size()).isEqualTo(40);
    }

    @Test
    void blobsThatDifferOnlyInTheirLastByteAreKeptApart() throws IOException {
        // 17 bytes, unlike only in the last one
        ByteBuffer x = ByteBuffer.allocate(17);
        ByteBuffer y = ByteBuffer.allocate(17).put(16, (byte) 1);
        WeightsTable table = new WeightsTable();
        assertThat(table.add(x)).isNotEqualTo(table.add(y));
        assertThat(WeightsTable.hash(x)).isNotEqualTo(WeightsTable.hash(y));
    }

    @Test
    void blobsAlikeInTheirSampledWindowsButNotElsewhereAreKeptApart() throws IOException {
        // 64 KiB: the sample reads bytes [0, 4K), [30K, 34K) and [60K, 64K); these differ only at byte 10000
        int n = 64 * 1024;
        ByteBuffer a = ByteBuffer.allocate(n);
        for (int i = 0; i < n; i++) a.put(i, (byte) (i * 7));
        ByteBuffer b = ByteBuffer.allocate(n).put(a.duplicate()).flip();
        b.put(10000, (byte) (b.get(10000) + 1));
        ByteBuffer a2 = ByteBuffer.allocate(n).put(a.duplicate()).flip();
        WeightsTable table = new WeightsTable();
        WeightsTable.Slot sa = table.add(a);
        WeightsTable.Slot sb = table.add(b);
        WeightsTable.Slot sa2 = table.add(a2);
        assertThat(sb).isNotEqualTo(sa);
        assertThat(sa2).isEqualTo(sa);
        assertThat(table.size()).isEqualTo(2L * n);
        byte[] bin = bytesOf(table);
        assertThat(bin[n + 10000]).isEqualTo((byte) (a.get(10000) + 1));
    }

    @Test
    void compressedBlobsAreStreamedAsF16AndNotMergedWithRawBytesOfTheSameSize() throws IOException {
        WeightsTable table = new WeightsTable();
        table.add(floats(1.5f, -70000f), WeightsTable.Encoding.F32_TO_F16);
        ByteBuffer raw = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        raw.putShort(HalfFloat.fromFloat(1.5f)).putShort(HalfFloat.fromFloat(-65504f)).flip();
        WeightsTable.Slot rawSlot = table.add(raw);
        assertThat(rawSlot).isEqualTo(new WeightsTable.Slot(4, 4));
        byte[] bin = bytesOf(table);
        assertThat(bin).hasSize(8);
        ByteBuffer written = ByteBuffer.wrap(bin).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(HalfFloat.toFloat(written.getShort(0))).isEqualTo(1.5f);
        assertThat(HalfFloat.toFloat(written.getShort(2))).isEqualTo(-65504f); // saturated, as OpenVINO does
        assertThat(written.getInt(0)).isEqualTo(written.getInt(4));
    }

    @Test
    void compressionLargerThanOneChunkStreamsEveryValue() throws IOException {
        int n = (1 << 20) / 2 + 3; // more f16 values than one 1 MiB chunk holds
        ByteBuffer f32 = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) f32.putFloat(i % 2048);
        WeightsTable table = new WeightsTable();
        table.add(f32.flip(), WeightsTable.Encoding.F32_TO_F16);
        ByteBuffer written = ByteBuffer.wrap(bytesOf(table)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(written.capacity()).isEqualTo(n * 2);
        for (int i = 0; i < n; i++) assertThat(HalfFloat.toFloat(written.getShort(2 * i))).isEqualTo(i % 2048);
    }

    @Test
    void blobsWithAFileRegionAreHashedCopiedAndCompressedThroughTheFile(@TempDir Path dir) throws IOException {
        // The views hold zeros and the file the real values: whatever the output holds was read through the file.
        int n = (1 << 20) / 4 + 5; // more than one 1 MiB chunk
        ByteBuffer values = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) values.putFloat(i % 1000);
        Path file = dir.resolve("weights.data");
        Files.write(file, new byte[16]);
        Files.write(file, values.array(), StandardOpenOption.APPEND);
        FileRegion region = new FileRegion(file, 16, n * 4L);
        BlobBytes stored = new BlobBytes(ByteBuffer.allocate(n * 4), region);
        WeightsTable table = new WeightsTable();
        table.add(BlobBytes.of(ByteBuffer.allocate(n * 4)), WeightsTable.Encoding.RAW); // zeros, same size: hashing needed
        WeightsTable.Slot raw = table.add(stored, WeightsTable.Encoding.RAW);
        WeightsTable.Slot half = table.add(stored, WeightsTable.Encoding.F32_TO_F16);
        assertThat(raw).as("the file's values hash apart from the zeros").isEqualTo(new WeightsTable.Slot(n * 4L, n * 4L));
        ByteBuffer bin = ByteBuffer.wrap(bytesOf(table)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bin.slice((int) raw.offset(), n * 4)).isEqualTo(values.rewind());
        for (int i = 0; i < n; i += 4099) assertThat(HalfFloat.toFloat(bin.getShort((int) half.offset() + 2 * i))).isEqualTo(i % 1000);

        // a file changed under the compiler is an error, not a short or garbled .bin
        try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(100);
        }
        assertThatThrownBy(() -> bytesOf(table)).isInstanceOf(IOException.class)
                .hasMessageContaining("changed while compiling");
    }
}
