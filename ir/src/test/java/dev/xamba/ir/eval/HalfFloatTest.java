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
}
