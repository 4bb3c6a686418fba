package dev.xamba.frontend.onnx.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.xamba.frontend.common.ConstantAttrs;
import dev.xamba.frontend.onnx.proto.StringStringEntryProto;
import dev.xamba.frontend.onnx.proto.TensorProto;
import dev.xamba.frontend.onnx.proto.TensorProto.DataType;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.attr.FileRegion;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.eval.HalfFloat;
import dev.xamba.ir.eval.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorReaderTest {
    @TempDir Path dir;
    private SourceFile file;
    private TensorReader reader;

    @BeforeEach
    void setUp() {
        file = new SourceFile(dir.resolve("m.onnx"));
        reader = new TensorReader(file, new ExternalData(file, null), new ConstantAttrs(64), InitializerRegions.none());
    }

    private static TensorProto.Builder tensor(String name, DataType type, long... dims) {
        TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
        for (long d : dims) b.addDims(d);
        return b;
    }

    private Tensor dense(TensorProto t) {
        Attribute a = reader.read(t, "initializer '" + t.getName() + "'");
        assertThat(a).isInstanceOf(DenseElementsAttr.class);
        return ((DenseElementsAttr) a).value();
    }

    @Test
    void typedFieldsDecodeEveryElementType() {
        assertThat(dense(tensor("f", DataType.FLOAT, 2).addFloatData(1.5f).addFloatData(-2f).build()).toString())
                .isEqualTo("tensor<2xf32>[1.5, -2.0]");
        assertThat(dense(tensor("d", DataType.DOUBLE).addDoubleData(0.1).build()).toString()).isEqualTo("tensor<f64>[0.1]");
        assertThat(dense(tensor("l", DataType.INT64, 2).addInt64Data(-7).addInt64Data(1L << 40).build()).toString())
                .isEqualTo("tensor<2xi64>[-7, 1099511627776]");
        assertThat(dense(tensor("b", DataType.BOOL, 3).addInt32Data(1).addInt32Data(0).addInt32Data(1).build()).toString())
                .isEqualTo("tensor<3xi1>[1, 0, 1]");
        assertThat(dense(tensor("u", DataType.UINT8, 1).addInt32Data(200).build()).toString()).isEqualTo("tensor<1xu8>[200]");
        assertThat(dense(tensor("i8", DataType.INT8, 1).addInt32Data(-100).build()).toString()).isEqualTo("tensor<1xi8>[-100]");
        assertThat(dense(tensor("i16", DataType.INT16, 1).addInt32Data(-300).build()).toString()).isEqualTo("tensor<1xi16>[-300]");
        int half = HalfFloat.fromFloat(0.333f) & 0xffff;
        assertThat(dense(tensor("h", DataType.FLOAT16, 1).addInt32Data(half).build()).getDouble(0))
                .isEqualTo(HalfFloat.toFloat((short) half));
        assertThat(dense(tensor("bf", DataType.BFLOAT16, 1).addInt32Data(0x3fc0).build()).getDouble(0)).isEqualTo(1.5);
    }

    @Test
    void rawDataIsLittleEndianAndBoolIsOneBytePerElement() {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(7).putInt(-1);
        assertThat(dense(tensor("i", DataType.INT32, 2).setRawData(ByteString.copyFrom(b.array())).build()).toString())
                .isEqualTo("tensor<2xi32>[7, -1]");
        assertThat(dense(tensor("m", DataType.BOOL, 2, 2).setRawData(ByteString.copyFrom(new byte[] {1, 0, 0, 1})).build()).toString())
                .isEqualTo("tensor<2x2xi1>[1, 0, 0, 1]");
    }

    @Test
    void bigTensorsBecomeResourcesWithUniqueSanitizedNames() {
        TensorProto t = tensor("/w:0", DataType.FLOAT, 100).setRawData(ByteString.copyFrom(new byte[400])).build();
        DenseResourceAttr a = (DenseResourceAttr) reader.read(t, "initializer 'w'");
        DenseResourceAttr b = (DenseResourceAttr) reader.read(t, "initializer 'w'");
        assertThat(a.handle().name()).isEqualTo("w_0");
        assertThat(b.handle().name()).isEqualTo("w_0_1");
        assertThat(a.type().toString()).isEqualTo("tensor<100xf32>");
    }

    @Test
    void badSizesAndTypesAreDiagnosed() {
        assertThatThrownBy(() -> reader.read(tensor("w", DataType.FLOAT, 3).setRawData(ByteString.copyFrom(new byte[8])).build(),
                "initializer 'w'")).isInstanceOf(DiagnosticException.class)
                .hasMessage("\"" + file.path() + "\": error: initializer 'w': raw_data holds 8 bytes but tensor<3xf32> needs 12");
        assertThatThrownBy(() -> reader.read(tensor("w", DataType.INT64, 2).addInt64Data(1).build(), "initializer 'w'"))
                .hasMessageEndingWith("initializer 'w': int64_data holds 1 values but tensor<2xi64> needs 2");
        assertThatThrownBy(() -> reader.read(tensor("w", DataType.FLOAT, 2, -3).build(), "initializer 'w'"))
                .hasMessageEndingWith("initializer 'w' has negative dimension -3");
        assertThatThrownBy(() -> reader.read(tensor("w", DataType.FLOAT, 1L << 40, 1L << 40).build(), "initializer 'w'"))
                .hasMessageContaining("initializer 'w' has dimensions [1099511627776, 1099511627776] whose element count overflows");
        assertThatThrownBy(() -> reader.read(tensor("w", DataType.FLOAT, 1L << 31).build(), "initializer 'w'"))
                .hasMessageContaining("more than the 2 GB one tensor may hold");
        assertThatThrownBy(() -> reader.read(tensor("s", DataType.STRING, 1).build(), "initializer 's'"))
                .hasMessageEndingWith("initializer 's' has element type STRING, which xamba does not support");
        assertThatThrownBy(() -> reader.read(tensor("s", DataType.FLOAT, 1).setDataType(99).build(), "initializer 's'"))
                .hasMessageEndingWith("initializer 's' has element type data type 99, which xamba does not support");
    }

    private TensorProto external(String location, String offset, String length, long elements) {
        TensorProto.Builder t = tensor("w", DataType.FLOAT, elements).setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location));
        if (offset != null) t.addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue(offset));
        if (length != null) t.addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue(length));
        return t.build();
    }

    @Test
    void externalDataIsASliceOfTheMappedFile() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4096 + 400).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 100; i++) b.putFloat(4096 + i * 4, i);
        Files.write(dir.resolve("m.onnx.data"), b.array());
        DenseResourceAttr a = (DenseResourceAttr) reader.read(external("m.onnx.data", "4096", "400", 100), "initializer 'w'");
        assertThat(a.handle().blob().isDirect()).isTrue();
        assertThat(a.value().getDouble(99)).isEqualTo(99.0);
        // ...and knows where in the file it is, for the writer to copy it without reading the mapping
        Path data = dir.resolve("m.onnx.data").toRealPath();
        assertThat(a.handle().region()).contains(new FileRegion(data, 4096, 400, dev.xamba.ir.attr.FileVersion.of(data)));
        Tensor small = dense(external("m.onnx.data", "4104", null, 2));
        assertThat(small.toString()).isEqualTo("tensor<2xf32>[2.0, 3.0]");
    }

    @Test
    void externalDataMustStayInsideTheModelFolder() throws IOException {
        Path outside = Files.createTempFile("xamba-outside", ".data");
        try {
            Files.write(outside, new byte[400]);
            Files.write(dir.resolve("ok.data"), new byte[400]);
            Files.createSymbolicLink(dir.resolve("link.data"), outside);
            assertThatThrownBy(() -> reader.read(external(outside.toString(), null, null, 100), "initializer 'w'"))
                    .hasMessageContaining("initializer 'w': external data location '" + outside + "' is absolute");
            assertThatThrownBy(() -> reader.read(external("../" + outside.getFileName(), null, null, 100), "initializer 'w'"))
                    .hasMessageContaining("leaves the model's folder");
            assertThatThrownBy(() -> reader.read(external("sub/../../x.data", null, null, 100), "initializer 'w'"))
                    .hasMessageContaining("leaves the model's folder");
            assertThatThrownBy(() -> reader.read(external("link.data", null, null, 100), "initializer 'w'"))
                    .hasMessageContaining("leads outside the model's folder through a symbolic link");
            assertThatThrownBy(() -> reader.read(external("missing.data", null, null, 100), "initializer 'w'"))
                    .hasMessageContaining("external data file 'missing.data' does not exist");
            assertThatThrownBy(() -> reader.read(external("ok.data", "500", null, 1), "initializer 'w'"))
                    .hasMessageContaining("external data offset 500 is past the end of 'ok.data' (400 bytes)");
            assertThatThrownBy(() -> reader.read(external("ok.data", "100", null, 100), "initializer 'w'"))
                    .hasMessageContaining("external data [100, 100 + 400) runs past the end of 'ok.data' (400 bytes)");
            assertThatThrownBy(() -> reader.read(external("ok.data", "0", "396", 100), "initializer 'w'"))
                    .hasMessageContaining("external data length 396 does not match the 400 bytes its type needs");
            assertThatThrownBy(() -> reader.read(external("ok.data", "-4", null, 100), "initializer 'w'"))
                    .hasMessageContaining("external data offset '-4' is not a non-negative integer");
            assertThatThrownBy(() -> reader.read(external("", null, null, 100), "initializer 'w'"))
                    .hasMessageContaining("is stored externally but names no 'location'");
        } finally {
            Files.deleteIfExists(outside);
        }
    }
}
