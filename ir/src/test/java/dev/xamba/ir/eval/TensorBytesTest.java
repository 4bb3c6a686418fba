package dev.xamba.ir.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The raw little-endian bytes of each element type, written and read back (the bulk paths and the general one). */
class TensorBytesTest {
    private static Tensor roundTrip(Tensor t) {
        byte[] bytes = t.toBytes();
        assertThat(bytes).hasSize(t.size() * t.elementType().byteWidth());
        ByteBuffer at3 = ByteBuffer.allocate(bytes.length + 3).position(3);
        at3.put(bytes).position(3); // reading starts at the buffer's position and leaves it there
        Tensor back = Tensor.fromBytes(t.type(), at3);
        assertThat(at3.position()).isEqualTo(3);
        return back;
    }

    @Test
    void integersAndBooleansSurviveTheirBytes() {
        long[] values = {0, 1, -1, 127, -128, 255, 1L << 40, Long.MIN_VALUE};
        for (ElementType et : new ElementType[] {ElementType.I64, ElementType.I32, ElementType.I16, ElementType.I8, ElementType.U8}) {
            Tensor t = Tensor.ofLongs(TensorType.of(et, values.length), values.clone());
            assertThat(roundTrip(t)).as(et.toString()).isEqualTo(t);
        }
        Tensor bools = Tensor.ofLongs(TensorType.of(ElementType.I1, 4), new long[] {0, 1, 7, -3});
        assertThat(bools.toLongs()).containsExactly(0, 1, 1, 1);
        assertThat(bools.toBytes()).containsExactly(0, 1, 1, 1);
        assertThat(roundTrip(bools)).isEqualTo(bools);
        // any non-zero byte reads as true, u8 is unsigned, i8 signed
        ByteBuffer raw = ByteBuffer.wrap(new byte[] {0, 2, (byte) 0xff});
        assertThat(Tensor.fromBytes(TensorType.of(ElementType.I1, 3), raw).toLongs()).containsExactly(0, 1, 1);
        assertThat(Tensor.fromBytes(TensorType.of(ElementType.U8, 3), raw).toLongs()).containsExactly(0, 2, 255);
        assertThat(Tensor.fromBytes(TensorType.of(ElementType.I8, 3), raw).toLongs()).containsExactly(0, 2, -1);
    }

    @Test
    void i64BytesAreLittleEndian() {
        Tensor t = Tensor.ofLongs(TensorType.of(ElementType.I64, 2), new long[] {1, -2});
        ByteBuffer b = ByteBuffer.wrap(t.toBytes()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getLong(0)).isEqualTo(1);
        assertThat(b.getLong(8)).isEqualTo(-2);
        assertThat(b.get(0)).isEqualTo((byte) 1);
    }

    @Test
    void floatsSurviveTheirBytes() {
        for (ElementType et : new ElementType[] {ElementType.F64, ElementType.F32, ElementType.F16, ElementType.BF16}) {
            Tensor t = Tensor.ofDoubles(TensorType.of(et, 3), new double[] {1.5, -2, 0.25});
            assertThat(roundTrip(t)).as(et.toString()).isEqualTo(t);
        }
    }

    @Test
    void theSharedEncodingIsTheBytesReadOnlyAndEachCallersOwnView() {
        for (ElementType et : new ElementType[] {ElementType.F32, ElementType.F16, ElementType.I64, ElementType.I1}) {
            Tensor t = et.isFloat() ? Tensor.ofDoubles(TensorType.of(et, 3), new double[] {1.5, -2, 0.25})
                    : Tensor.ofLongs(TensorType.of(et, 3), new long[] {1, 0, 1});
            ByteBuffer first = t.encoded();
            assertThat(first.isReadOnly()).as(et.toString()).isTrue();
            byte[] seen = new byte[first.remaining()];
            first.get(seen); // moves this view only
            assertThat(seen).as(et.toString()).containsExactly(t.toBytes());
            ByteBuffer second = t.encoded();
            assertThat(second.position()).as(et.toString()).isZero();
            assertThat(second).as(et.toString()).isEqualTo(ByteBuffer.wrap(t.toBytes()));
        }
    }

    @Test
    void keepingColumnsCopiesEachRowsRangeOfEveryMatrix() {
        Tensor x = Tensor.ofLongs(TensorType.of(ElementType.I64, 2, 2, 3), new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertThat(x.keepingColumns(new int[] {1, -5}, new int[] {3, 1}).toLongs())
                .containsExactly(0, 2, 3, 4, 0, 0, 0, 8, 9, 10, 0, 0);
        Tensor f = Tensor.ofFloats(TensorType.of(ElementType.F32, 1, 3), new float[] {1, 2, 3});
        assertThat(f.keepingColumns(new int[] {2}, new int[] {1}).toDoubles()).containsExactly(0, 0, 0);
    }
}
