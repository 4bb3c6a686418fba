package dev.xamba.ir.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import org.junit.jupiter.api.Test;

class ElementCountsTest {

    @Test
    void productsThatFitAreExact() {
        assertThat(ElementCounts.multiply(1L << 31, 1L << 31, () -> "x")).isEqualTo(1L << 62);
        assertThat(ElementCounts.multiply(-3, 1L << 61, () -> "x")).isEqualTo(-3L << 61);
        assertThat(ElementCounts.product(new long[] {2, 3, 0, 1L << 62}, () -> "x")).isZero();
    }

    @Test
    void anOverflowSaysWhatOverflowedWithoutAJavaExceptionName() {
        assertThatThrownBy(() -> ElementCounts.product(new long[] {1L << 32, 1L << 32}, () -> "element count of 'x'"))
                .isInstanceOf(OpError.class)
                .hasMessage("element count of 'x' overflows 64 bits");
        assertThatThrownBy(() -> ElementCounts.multiply(Long.MIN_VALUE, -1, () -> "n")).isInstanceOf(OpError.class);
    }

    @Test
    void theEvaluatorRefusesTensorsLargerThanOneJavaArray() {
        assertThat(ElementCounts.forEvaluator(TensorType.of(ElementType.F32, 2, 3))).isEqualTo(6);
        assertThatThrownBy(() -> ElementCounts.forEvaluator(TensorType.of(ElementType.F32, 1L << 20, 1L << 20)))
                .isInstanceOf(OpError.class)
                .hasMessage("tensor<1048576x1048576xf32> has 1099511627776 elements, more than the reference evaluator"
                        + " holds in one tensor (2147483647)");
        assertThatThrownBy(() -> ElementCounts.forEvaluator(TensorType.of(ElementType.F32, 1L << 40, 1L << 40)))
                .hasMessageContaining("has 2^63 or more elements");
    }

    @Test
    void aRankFromAnOperandLengthIsBounded() {
        assertThat(ElementCounts.rank(ElementCounts.MAX_RANK, () -> "repeats")).isEqualTo(65536);
        assertThatThrownBy(() -> ElementCounts.rank(2_000_000_000L, () -> "repeats (operand #1)"))
                .isInstanceOf(OpError.class)
                .hasMessage("repeats (operand #1) has 2000000000 entries, more than the 65536 dims a result may have");
    }
}
