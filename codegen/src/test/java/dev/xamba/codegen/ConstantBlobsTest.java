package dev.xamba.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.eval.HalfFloat;
import org.junit.jupiter.api.Test;

class ConstantBlobsTest {
    private static short reference(float v) {
        if (!Float.isNaN(v)) v = Math.max(-ConstantBlobs.F16_MAX, Math.min(ConstantBlobs.F16_MAX, v));
        return HalfFloat.fromFloat(v);
    }

    private static short streamed(float v) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(0, v);
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        ConstantBlobs.toF16(in, out);
        assertThat(in.remaining()).isZero();
        return out.getShort(0);
    }

    @Test
    void theInlineF16ConversionAgreesWithHalfFloatOnEveryExponentAndRoundingCase() {
        // every exponent, with mantissas at and around each rounding boundary of the 13 dropped bits
        int[] mantissas = {0, 1, 0xfff, 0x1000, 0x1001, 0x1fff, 0x2000, 0x3000, 0x7fe000, 0x7fefff, 0x7ff000, 0x7fffff};
        for (int sign = 0; sign <= 1; sign++) {
            for (int exp = 0; exp <= 0xff; exp++) {
                for (int m : mantissas) {
                    float v = Float.intBitsToFloat(sign << 31 | exp << 23 | m);
                    assertThat(ConstantBlobs.saturatedF16(v)).as("bits %08x", Float.floatToRawIntBits(v)).isEqualTo(reference(v));
                    assertThat(streamed(v)).as("streamed, bits %08x", Float.floatToRawIntBits(v)).isEqualTo(reference(v));
                }
            }
        }
        assertThat(ConstantBlobs.saturatedF16(65519f)).isEqualTo(HalfFloat.fromFloat(65504f));
        assertThat(ConstantBlobs.saturatedF16(Float.NaN)).isEqualTo(HalfFloat.fromFloat(Float.NaN));
    }

    /** OpenVINO's count_out_of_f16_range, value by value, in its own float comparisons. */
    private static boolean outOfRangeAsOpenVinoCounts(float v) {
        return (Math.abs(v) < 0x1p-24f && v != 0f) || v > 65504f || v < -65504f;
    }

    @Test
    void theOutOfRangeCountAgreesWithOpenVinosOnEveryExponentAndBoundary() {
        int[] mantissas = {0, 1, 0xfff, 0x1000, 0x7fe000, 0x7fefff, 0x7ff000, 0x7fffff};
        for (int sign = 0; sign <= 1; sign++) {
            for (int exp = 0; exp <= 0xff; exp++) {
                for (int m : mantissas) {
                    float v = Float.intBitsToFloat(sign << 31 | exp << 23 | m);
                    java.nio.ByteBuffer in = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(0, v);
                    long counted = ConstantBlobs.toF16(in, java.nio.ByteBuffer.allocate(2).order(java.nio.ByteOrder.LITTLE_ENDIAN));
                    assertThat(counted).as("bits %08x", Float.floatToRawIntBits(v)).isEqualTo(outOfRangeAsOpenVinoCounts(v) ? 1 : 0);
                    assertThat(ConstantBlobs.outOfF16Range(v)).as("early, bits %08x", Float.floatToRawIntBits(v)).isEqualTo(outOfRangeAsOpenVinoCounts(v));
                }
            }
        }
    }

    @Test
    void aConstantIsKeptInF32FromThreeQuartersOutOfRange() {
        assertThat(ConstantBlobs.keepsF32(3, 4)).isTrue();
        assertThat(ConstantBlobs.keepsF32(1, 1)).isTrue();
        assertThat(ConstantBlobs.keepsF32(7, 10)).isFalse();
        assertThat(ConstantBlobs.keepsF32(0, 0)).isFalse();
        java.nio.ByteBuffer threeOfFour = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putFloat(Float.NEGATIVE_INFINITY).putFloat(1e-12f).putFloat(7e4f).putFloat(1).flip();
        assertThat(ConstantBlobs.keepsF32(threeOfFour)).isTrue();
        assertThat(ConstantBlobs.keepsF32(threeOfFour.putFloat(8, 2f))).isFalse();
    }
}
