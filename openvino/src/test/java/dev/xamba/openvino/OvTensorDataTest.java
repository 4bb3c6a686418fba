package dev.xamba.openvino;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OvTensorDataTest {
    @Test
    void floatsAreLittleEndian() {
        OvTensorData data = OvTensorData.ofFloats(new long[] {2}, 1f, -2f);
        assertThat(data.toByteArray()).containsExactly(0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0);
        assertThat(data.elementCount()).isEqualTo(2);
    }

    @Test
    void scalarsHaveAnEmptyShape() {
        OvTensorData scalar = OvTensorData.ofLongs(new long[0], 42L);
        assertThat(scalar.elementCount()).isEqualTo(1);
        assertThat(scalar.toLongArray()).containsExactly(42L);
    }

    @Test
    void integerReadsWidenAndRespectSignedness() {
        assertThat(OvTensorData.ofUnsignedBytes(new long[] {2}, (byte) 255, (byte) 1).toIntArray()).containsExactly(255, 1);
        assertThat(OvTensorData.ofInts(new long[] {2}, -5, 7).toLongArray()).containsExactly(-5L, 7L);
        assertThat(OvTensorData.ofBooleans(new long[] {3}, true, false, true).toBooleanArray())
                .containsExactly(true, false, true);
    }

    @Test
    void f16IsReadAsFloats() {
        assertThat(OvTensorData.ofFloat16(new long[] {3}, 1f, -0.5f, 2048f).toFloatArray())
                .containsExactly(1f, -0.5f, 2048f);
    }

    @Test
    void sizeMismatchIsRejected() {
        assertThatThrownBy(() -> new OvTensorData(OvElementType.F32, new long[] {2, 2}, ByteBuffer.allocate(12)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 16 bytes, got 12");
    }

    @Test
    void readingTheWrongKindIsRejected() {
        assertThatThrownBy(() -> OvTensorData.ofLongs(new long[] {1}, 1L).toFloatArray())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dataIsCopiedAndReadOnly() {
        byte[] raw = {1, 2};
        OvTensorData data = OvTensorData.ofUnsignedBytes(new long[] {2}, raw);
        raw[0] = 9;
        assertThat(data.toByteArray()).containsExactly(1, 2);
        assertThat(data.data().isReadOnly()).isTrue();
    }

    @Test
    void aByteCountPastALongIsRefusedNotZero() {
        assertThatThrownBy(() -> new OvTensorData(OvElementType.F64, new long[] {1L << 61}, ByteBuffer.allocate(0)))
                .isInstanceOf(ArithmeticException.class);
    }
}
