package dev.xamba.openvino;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HalfFloatsTest {
    @Test
    void exactValuesRoundTrip() {
        for (float value : new float[] {0f, -0f, 1f, -2f, 0.5f, 65504f, 6.103515625e-05f, 5.9604645e-08f}) {
            assertThat(HalfFloats.fromF16(HalfFloats.toF16(value))).isEqualTo(value);
        }
    }

    @Test
    void knownBitPatterns() {
        assertThat(HalfFloats.toF16(1f)).isEqualTo((short) 0x3c00);
        assertThat(HalfFloats.toF16(-2f)).isEqualTo((short) 0xc000);
        assertThat(HalfFloats.toF16(65504f)).isEqualTo((short) 0x7bff);
        assertThat(HalfFloats.toF16(65520f)).isEqualTo((short) 0x7c00); // rounds up to infinity
        assertThat(HalfFloats.toF16(5.9604645e-08f)).isEqualTo((short) 0x0001); // smallest subnormal
        assertThat(HalfFloats.toF16(2.9e-08f)).isEqualTo((short) 0x0000);
        assertThat(HalfFloats.fromF16((short) 0x7e00)).isNaN();
        assertThat(HalfFloats.fromF16((short) 0xfc00)).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    @Test
    void roundsHalfToEven() {
        // 1 + 2^-11 lies halfway between 1 and 1 + 2^-10: ties to the even mantissa, 1.
        assertThat(HalfFloats.toF16(1f + 0x1p-11f)).isEqualTo((short) 0x3c00);
        // 1 + 3 * 2^-11 lies halfway between 1 + 2^-10 and 1 + 2^-9: ties to 1 + 2^-9.
        assertThat(HalfFloats.toF16(1f + 3 * 0x1p-11f)).isEqualTo((short) 0x3c02);
    }

    @Test
    void bfloat16IsTheTopHalf() {
        assertThat(HalfFloats.toBf16(1f)).isEqualTo((short) 0x3f80);
        assertThat(HalfFloats.fromBf16((short) 0x4049)).isEqualTo(3.140625f);
    }
}
