package dev.xamba.frontend.onnx.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.xamba.frontend.onnx.proto.GraphProto;
import dev.xamba.frontend.onnx.proto.ModelProto;
import dev.xamba.frontend.onnx.proto.TensorProto;
import dev.xamba.ir.attr.FileRegion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitializerRegionsTest {
    @TempDir Path dir;

    private static TensorProto raw(String name, int bytes, int seed) {
        byte[] data = new byte[bytes];
        for (int i = 0; i < bytes; i++) data[i] = (byte) (i * 31 + seed);
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.UINT8.getNumber()).addDims(bytes)
                .setRawData(ByteString.copyFrom(data)).build();
    }

    private static byte[] bytesAt(Path file, FileRegion r) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return Arrays.copyOfRange(all, (int) r.offset(), (int) (r.offset() + r.length()));
    }

    private ModelFile.Parsed load(byte[] bytes) throws IOException {
        Path file = dir.resolve("m.onnx");
        Files.write(file, bytes);
        return ModelFile.load(new SourceFile(file));
    }

    @Test
    void everyInitializersRawDataIsFoundWhereTheFileHoldsIt() throws IOException {
        ModelProto model = ModelProto.newBuilder().setIrVersion(8).setGraph(GraphProto.newBuilder().setName("g")
                .addInitializer(raw("a", 300, 1)).addInitializer(raw("b", 5000, 2))
                .addInitializer(TensorProto.newBuilder().setName("typed").setDataType(1).addFloatData(1f))).build();
        ModelFile.Parsed parsed = load(model.toByteArray());
        var initializers = parsed.proto().getGraph().getInitializerList();
        for (int i = 0; i < 2; i++) {
            FileRegion r = parsed.regions().of(initializers.get(i));
            assertThat(r).isNotNull();
            assertThat(r.file()).isEqualTo(dir.resolve("m.onnx").toAbsolutePath());
            assertThat(r.version()).as("the version mapped, which the writer checks").isEqualTo(dev.xamba.ir.attr.FileVersion.of(r.file()));
            assertThat(bytesAt(r.file(), r)).isEqualTo(initializers.get(i).getRawData().toByteArray());
        }
        assertThat(parsed.regions().of(initializers.get(2))).as("no raw_data, no region").isNull();
    }

    @Test
    void graphFieldsSplitInTwoMergeAsProtobufDoesAndTheLastRawDataWins() throws IOException {
        // protobuf merges a repeated singular message field: initializers of both halves concatenate
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelProto.newBuilder().setGraph(GraphProto.newBuilder().addInitializer(raw("a", 64, 3))).build().writeTo(bytes);
        TensorProto twice = raw("b", 48, 4).toBuilder().build();
        byte[] second = ModelProto.newBuilder().setGraph(GraphProto.newBuilder().addInitializer(twice)).build().toByteArray();
        bytes.write(second);
        // ...and a tensor whose raw_data field is written twice keeps the last (written by hand: builders cannot)
        byte[] lastRaw = TensorProto.newBuilder().setRawData(ByteString.copyFrom(new byte[] {9, 8, 7})).build().toByteArray();
        byte[] third = concat(new byte[] {(7 << 3) | 2}, lengthPrefixed(concat(new byte[] {(5 << 3) | 2},
                lengthPrefixed(concat(twice.toByteArray(), lastRaw)))));
        bytes.write(third);

        ModelFile.Parsed parsed = load(bytes.toByteArray());
        var initializers = parsed.proto().getGraph().getInitializerList();
        assertThat(initializers).hasSize(3);
        assertThat(initializers.get(2).getRawData().toByteArray()).containsExactly(9, 8, 7);
        for (TensorProto t : initializers) {
            FileRegion r = parsed.regions().of(t);
            assertThat(r).isNotNull();
            assertThat(bytesAt(r.file(), r)).isEqualTo(t.getRawData().toByteArray());
        }
    }

    @Test
    void aModelWithoutInitializersHasNoRegions() throws IOException {
        ModelFile.Parsed parsed = load(ModelProto.newBuilder().setGraph(GraphProto.newBuilder().setName("g")).build().toByteArray());
        assertThat(parsed.regions().of(TensorProto.getDefaultInstance())).isNull();
    }

    private static byte[] lengthPrefixed(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = b.length;
        while (n >= 0x80) {
            out.write((n & 0x7f) | 0x80);
            n >>>= 7;
        }
        out.write(n);
        out.writeBytes(b);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
