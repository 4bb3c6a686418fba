package dev.xamba.ir.eval.ov;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a slice resolves its ranges, at the edges. */
class SlicePlanTest {
    @Test
    void aNegativeStepOverAnEmptyDimSelectsNothing() {
        // Clamping into [floor, n - 1] with n = 0 gave start 0 and end -1, one element: the ov form of an ONNX Slice
        // on a [0, 3] input with step -1 was typed tensor<1x3xf32> and refused against the op's tensor<0x3xf32>.
        SlicePlan p = SlicePlan.forSlice(new long[] {0, 3}, new long[] {-1}, new long[] {Long.MIN_VALUE}, new long[] {-1}, new long[] {0});
        assertThat(p.outShape()).containsExactly(0, 3);
        assertThat(SlicePlan.resolve(0, 5, -5, -2, false, false, -1)).isEqualTo(new SlicePlan.Range(0, 0));
        // A non-empty dim is unchanged: the last element backwards to the first.
        assertThat(SlicePlan.forSlice(new long[] {4}, new long[] {-1}, new long[] {Long.MIN_VALUE}, new long[] {-1}, null).outShape())
                .containsExactly(4);
    }

    @Test
    void theMostNegativeStepSelectsTheStartAlone() {
        // -step overflowed for INT64_MIN and the count came out 0; ONNX's Slice selects the start element.
        SlicePlan p = SlicePlan.forSlice(new long[] {5}, new long[] {4}, new long[] {0}, new long[] {Long.MIN_VALUE}, null);
        assertThat(p.outShape()).containsExactly(1);
        assertThat(p.start()).containsExactly(4);
        assertThat(SlicePlan.resolve(5, -1, Long.MIN_VALUE, Long.MIN_VALUE, false, false, -1)).isEqualTo(new SlicePlan.Range(4, 1));
        assertThat(SlicePlan.resolve(5, 0, 0, Long.MIN_VALUE, false, false, 0)).isEqualTo(new SlicePlan.Range(0, 0));
    }
}
