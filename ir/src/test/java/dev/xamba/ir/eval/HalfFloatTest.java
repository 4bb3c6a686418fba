package dev.xamba.ir.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.type.ElementType;
import org.junit.jupiter.api.Test;

/** f64 to f16 and bf16 in one rounding: through a float, a double just beside a tie became the tie. */
class HalfFloatTest {
    private static final double TINY = 0x1p-40; // far below a float's precision near 1

    @Test
    void aDoubleJustAboveAnF16TieRoundsUp() {
        double tie = 1 + 0x1p-11; // between 1 and 1 + 2^-10: even is down
        assertThat(Tensor.round(ElementType.F16, tie + TINY)).isEqualTo(1 + 0x1p-10);
        assertThat(Tensor.round(ElementType.F16, tie)).isEqualTo(1.0);
        assertThat(Tensor.round(ElementType.F16, -(tie + TINY))).isEqualTo(-(1 + 0x1p-10));
    }

    @Test
    void aDoubleJustBelowAnF16TieRoundsDown() {
        double tie = 1 + 3 * 0x1p-11; // between 1 + 2^-10 and 1 + 2^-9: even is up
        assertThat(Tensor.round(ElementType.F16, tie - TINY)).isEqualTo(1 + 0x1p-10);
        assertThat(Tensor.round(ElementType.F16, tie)).isEqualTo(1 + 0x1p-9);
    }

    @Test
    void bf16AlikeAndEverythingElseAsBefore() {
        assertThat(Tensor.round(ElementType.BF16, 1 + 0x1p-8 + TINY)).isEqualTo(1 + 0x1p-7);
        assertThat(Tensor.round(ElementType.BF16, 1 + 0x1p-8)).isEqualTo(1.0);
        for (double v : new double[] {0.1, -2.5e-6, 65504, 65520, 1e6, Double.NaN, Double.NEGATIVE_INFINITY, 6e-8, -0.0}) {
            assertThat(HalfFloat.fromDouble(v)).as("%s", v).isEqualTo(HalfFloat.fromFloat((float) v));
        }
    }

    /** A quiet f16 NaN's payload was dropped (every NaN became 0x7E00 or 0xFE00); a signalling one comes back quiet. */
    @org.junit.jupiter.api.Test
    void anF16NaNKeepsItsPayloadThroughAFloatAndADouble() {
        for (int bits : new int[] {0x7E00, 0xFE00, 0x7E01, 0xFFFF, 0x7FAB}) {
            float f = HalfFloat.toFloat((short) bits);
            assertThat(HalfFloat.fromFloat(f) & 0xffff).as("0x%04X", bits).isEqualTo(bits);
            assertThat(HalfFloat.fromDouble(f) & 0xffff).as("0x%04X through a double", bits).isEqualTo(bits);
        }
        assertThat(HalfFloat.fromFloat(HalfFloat.toFloat((short) 0x7C01)) & 0xffff).as("signalling: quiet, payload kept").isEqualTo(0x7E01);
    }
}
