package dev.xamba.ir.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir Path dir;

    /** A .npy file with the given version and header text (unpadded) followed by {@code data}. */
    static byte[] npy(int major, String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(12 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) b.putShort((short) h.length);
        else b.putInt(h.length);
        b.put(h).put(data);
        return Arrays.copyOf(b.array(), b.position());
    }

    private static Tensor read(byte[] bytes) throws IOException {
        return Npy.read(new ByteArrayInputStream(bytes), "x.npy");
    }

    private static void assertRejected(byte[] bytes, String message) {
        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class).hasMessage("x.npy: " + message);
    }

    @Test
    void roundTripsEveryElementType() throws IOException {
        for (ElementType et : ElementType.values()) {
            if (et == ElementType.BF16) continue;
            TensorType t = TensorType.of(et, 2, 3);
            Tensor x = et.isFloat() ? Tensor.ofDoubles(t, new double[] {0, -1.5, 2, 0.25, 1e3, -0.0})
                    : Tensor.ofLongs(t, new long[] {0, 1, 1, 0, 1, 1});
            Path f = dir.resolve(et + ".npy");
            Npy.write(f, x);
            assertThat(Npy.read(f)).as(et.toString()).isEqualTo(x);
            assertThat((Files.size(f) - 6L * et.byteWidth()) % 64).as("data is 64-byte aligned").isZero();
        }
    }

    @Test
    void roundTripsScalarsAndEmptyArrays() throws IOException {
        Tensor scalar = Tensor.ofLongs(TensorType.scalar(ElementType.I64), new long[] {-42});
        assertThat(read(Npy.toBytes(scalar))).isEqualTo(scalar);
        Tensor empty = Tensor.ofDoubles(TensorType.of(ElementType.F32, 0, 3), new double[0]);
        assertThat(read(Npy.toBytes(empty))).isEqualTo(empty);
        Tensor vector = Tensor.ofLongs(TensorType.of(ElementType.I32, 3), new long[] {1, -2, 3});
        assertThat(read(Npy.toBytes(vector))).isEqualTo(vector);
    }

    @Test
    void writesTheHeaderNumpyWrites() throws IOException {
        byte[] bytes = Npy.toBytes(Tensor.ofLongs(TensorType.of(ElementType.I64, 1, 16), new long[16]));
        String header = new String(bytes, 10, 118, StandardCharsets.ISO_8859_1);
        assertThat(header).startsWith("{'descr': '<i8', 'fortran_order': False, 'shape': (1, 16), }").endsWith(" \n");
        assertThat(bytes[6]).isEqualTo((byte) 1);
        assertThat(bytes).hasSize(128 + 16 * 8);
    }

    @Test
    void readsVersion2And3HeadersAndOddSpellings() throws IOException {
        byte[] data = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2f).array();
        Tensor v2 = read(npy(2, "{\"descr\":\"<f4\",\"fortran_order\":False,\"shape\":(2L,)}\n", data));
        assertThat(v2.toDoubles()).containsExactly(1.5, -2);
        Tensor v3 = read(npy(3, "{'shape': (2,), 'fortran_order': False, 'descr': '<f4'}", data));
        assertThat(v3.type()).isEqualTo(TensorType.of(ElementType.F32, 2));
        Tensor bytesLittle = read(npy(1, "{'descr': '<u1', 'fortran_order': False, 'shape': (2,), }", new byte[] {(byte) 200, 7}));
        assertThat(bytesLittle.toLongs()).containsExactly(200, 7);
    }

    @Test
    void booleansReadAsZeroOrOne() throws IOException {
        Tensor b = read(npy(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", new byte[] {0, 1, 2}));
        assertThat(b.elementType()).isEqualTo(ElementType.I1);
        assertThat(b.toLongs()).containsExactly(0, 1, 1);
    }

    @Test
    void rejectsHostileFilesWithOneLineMessages() {
        String f4 = "{'descr': '<f4', 'fortran_order': False, 'shape': %s, }";
        assertRejected("hello world".getBytes(StandardCharsets.US_ASCII), "not a .npy file: bad magic (expected \\x93NUMPY)");
        assertRejected(new byte[] {(byte) 0x93, 'N', 'U'}, "not a .npy file: only 3 bytes");
        assertRejected(npy(9, f4.formatted("(1,)"), new byte[4]), "unsupported .npy format version 9.0");
        assertRejected(npy(1, f4.formatted("(2, 3)"), new byte[20]), "truncated data: tensor<2x3xf32> needs 24 bytes, found 20");
        assertRejected(npy(1, f4.formatted("(100000, 100000)"), new byte[8]),
                "array tensor<100000x100000xf32> is too large (10000000000 elements; the limit is 1073741824 bytes)");
        assertRejected(npy(1, f4.formatted("(4294967296, 4294967296, 4294967296)"), new byte[8]),
                "array tensor<4294967296x4294967296x4294967296xf32> is too large (more than 2^63 elements; the limit is 1073741824 bytes)");
        assertRejected(npy(1, f4.formatted("(99999999999999999999,)"), new byte[8]),
                "malformed header: shape entry 99999999999999999999 is too large at column 52");
        assertRejected(npy(1, f4.formatted("(-1,)"), new byte[8]), "malformed header: expected a non-negative integer in the shape at column 52");
        assertRejected(npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", new byte[4]),
                "Fortran-order (column-major) arrays are not supported; save with C order");
        assertRejected(npy(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]),
                "big-endian dtype '>f4' is not supported");
        assertRejected(npy(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", new byte[8]),
                "unsupported dtype '<c8' (supported: <f4, <f8, <f2, <i8, <i4, <i2, |i1, |u1, |b1)");
        assertRejected(npy(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", new byte[4]),
                "malformed header: unsupported value at column 11");
        assertRejected(npy(1, "{'descr': '<f4', 'shape': (1,), }", new byte[4]), "header has no 'fortran_order' entry");
        assertRejected(npy(1, "{'descr': '<f4'", new byte[0]), "malformed header: expected ',' or '}' at column 16");
    }

    @Test
    void rejectsAbsurdHeaderLengths() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f});
        assertRejected(b.toByteArray(), "header of 2147483647 bytes is too long (limit 65536)");
        byte[] shortHeader = Arrays.copyOf(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[0]), 20);
        assertRejected(shortHeader, "truncated header: 10 of 57 bytes");
    }

    @Test
    void refusesToWriteBfloat16() {
        Tensor bf = Tensor.ofDoubles(TensorType.of(ElementType.BF16, 1), new double[] {1});
        assertThatThrownBy(() -> Npy.toBytes(bf)).isInstanceOf(IOException.class).hasMessageContaining(".npy has no bf16 type");
    }
}
