package dev.xamba.ir.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzFileTest {
    @TempDir Path dir;

    private static final long[] INPUT_IDS = {172, 47, 117, 192, 323, 251, 195, 359, 9, 211, 277, 242, 292, 87, 70, 472};

    @Test
    void readsTheSharedModelsReferenceOutputs() throws IOException {
        for (String model : new String[] {"mamba2_tiny_l2_t16", "mamba2_tiny_l1_t16_dynamo", "mamba_tiny_l2_t16"}) {
            Map<String, Tensor> io = NpzFile.read(TestData.file(model + ".io.npz"));
            assertThat(io.keySet()).containsExactly("input_ids", "last_hidden_state");
            assertThat(io.get("input_ids").type()).isEqualTo(TensorType.of(ElementType.I64, 1, 16));
            assertThat(io.get("input_ids").toLongs()).containsExactly(INPUT_IDS);
            assertThat(io.get("last_hidden_state").type()).isEqualTo(TensorType.of(ElementType.F32, 1, 16, 64));
        }
        Tensor out = NpzFile.read(TestData.file("mamba2_tiny_l2_t16.io.npz")).get("last_hidden_state");
        assertThat(out.getDouble(0)).isEqualTo(-0.28645843f);
        assertThat(out.getDouble(1)).isEqualTo(-0.59586513f);
        double sum = 0;
        for (double v : out.toDoubles()) sum += v;
        assertThat(sum).isCloseTo(64.01223933929577, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void writesEntriesByteForByteAsNumpyDoes() throws IOException {
        Path file = TestData.file("mamba_tiny_l2_t16.io.npz");
        Map<String, Tensor> io = NpzFile.read(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String name : io.keySet()) {
                try (InputStream in = zip.getInputStream(zip.getEntry(name + ".npy"))) {
                    assertThat(Npy.toBytes(io.get(name))).as(name).isEqualTo(in.readAllBytes());
                }
            }
        }
    }

    @Test
    void roundTripsStoredAndDeflated() throws IOException {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("b", Tensor.ofDoubles(TensorType.of(ElementType.F32, 2), new double[] {1, Double.NEGATIVE_INFINITY}));
        arrays.put("a", Tensor.ofLongs(TensorType.of(ElementType.I1, 3), new long[] {1, 0, 1}));
        for (boolean compress : new boolean[] {false, true}) {
            Path f = dir.resolve("out" + compress + ".npz");
            NpzFile.write(f, arrays, compress);
            Map<String, Tensor> back = NpzFile.read(f);
            assertThat(back.keySet()).containsExactly("b", "a");
            assertThat(back).isEqualTo(arrays);
            try (ZipFile zip = new ZipFile(f.toFile())) {
                assertThat(zip.getEntry("b.npy").getMethod()).isEqualTo(compress ? ZipEntry.DEFLATED : ZipEntry.STORED);
            }
        }
    }

    @Test
    void rejectsFilesThatAreNotArchives() throws IOException {
        Path f = dir.resolve("junk.npz");
        Files.writeString(f, "definitely not a zip");
        assertThatThrownBy(() -> NpzFile.read(f)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(f + ": not a valid .npz (zip) archive");
    }

    @Test
    void namesTheFileAndArrayOfADamagedEntry() throws IOException {
        Path f = dir.resolve("bad.npz");
        byte[] truncated = NpyTest.npy(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (1, 16), }", new byte[40]);
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("input_ids.npy"));
            zip.write(truncated);
            zip.closeEntry();
        }
        assertThatThrownBy(() -> NpzFile.read(f)).isInstanceOf(IOException.class)
                .hasMessage(f + ": array 'input_ids': truncated data: tensor<1x16xi64> needs 128 bytes, found 40");
    }
}
