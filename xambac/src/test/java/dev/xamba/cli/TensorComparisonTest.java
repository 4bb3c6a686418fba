package dev.xamba.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import org.junit.jupiter.api.Test;

/** {@link TensorComparison#maxAbsError}: what verify calls right and wrong. */
class TensorComparisonTest {
    private static Tensor f32(double... v) {
        return Tensor.ofDoubles(TensorType.of(ElementType.F32, v.length), v);
    }

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void anInfinityWhereTheReferenceHasTheSameIsRight() {
        // An overflow the model reproduces faithfully: inf - inf is NaN, which used to count as infinitely wrong.
        assertThat(TensorComparison.maxAbsError("y", f32(1, INF, -INF), f32(1.5, INF, -INF))).isEqualTo(0.5);
    }

    @Test
    void aNanWhereTheReferenceHasANanIsRight() {
        // log(-1) in the model and in PyTorch alike; numpy's assert_allclose calls it equal too (equal_nan=True).
        assertThat(TensorComparison.maxAbsError("y", f32(Double.NaN, 2), f32(Double.NaN, 2.25))).isEqualTo(0.25);
    }

    @Test
    void aNanAgainstANumberOrTheOtherInfinityIsInfinitelyWrong() {
        assertThat(TensorComparison.maxAbsError("y", f32(1, INF), f32(1, -INF))).isEqualTo(INF);
        assertThat(TensorComparison.maxAbsError("y", f32(Double.NaN), f32(0))).isEqualTo(INF);
        assertThat(TensorComparison.maxAbsError("y", f32(0), f32(Double.NaN))).isEqualTo(INF);
        assertThat(TensorComparison.maxAbsError("y", f32(INF), f32(3))).isEqualTo(INF);
    }

    @Test
    void integersAreComparedExactly() {
        TensorType one = TensorType.of(ElementType.I64, 1);
        Tensor big = Tensor.ofLongs(one, new long[] {1L << 60});
        assertThat(TensorComparison.maxAbsError("y", big, Tensor.ofLongs(one, new long[] {(1L << 60) + 1}))).isEqualTo(1.0);
        assertThat(TensorComparison.maxAbsError("y", big, big)).isZero();
        // The widest difference, 2^64 - 1, does not wrap to a small or negative one.
        assertThat(TensorComparison.maxAbsError("y", Tensor.ofLongs(one, new long[] {Long.MIN_VALUE}), Tensor.ofLongs(one, new long[] {Long.MAX_VALUE})))
                .isEqualTo(0x1p64);
    }
}
