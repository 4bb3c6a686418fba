package dev.xamba.ir.ov;

import static dev.xamba.ir.ov.OvFixture.attrs;
import static dev.xamba.ir.ov.OvFixture.none;
import static dev.xamba.ir.ov.OvFixture.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.eval.Tensor;
import org.junit.jupiter.api.Test;

/** Slicing, gathering, padding, one-hot and convolution ov ops against hand-computed values. */
class OvIndexingTest {
    private final OvFixture fx = new OvFixture();

    private static double[] iota(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return v;
    }

    private static long[] m(long... bits) {
        return bits;
    }

    @Test
    void stridedSliceBasics() {
        var x = fx.f32(shape(3, 4), iota(12));
        // x[1:, ::2] with the begin of dim 1 masked.
        Tensor a = fx.eval1("ov.StridedSlice", attrs("begin_mask", m(0, 1), "end_mask", m(1, 1)),
                x, fx.ints(1, 3), fx.ints(0, 0), fx.ints(1, 2));
        assertThat(a.type().shape()).containsExactly(2, 2);
        assertThat(a.toDoubles()).containsExactly(4, 6, 8, 10);
        // x[::-1, -1] : reversed rows, last column, dim 1 shrunk.
        Tensor b = fx.eval1("ov.StridedSlice", attrs("begin_mask", m(1, 0), "end_mask", m(1, 0), "shrink_axis_mask", m(0, 1)),
                x, fx.ints(0, -1), fx.ints(0, 0), fx.ints(-1, 1));
        assertThat(b.type().shape()).containsExactly(3);
        assertThat(b.toDoubles()).containsExactly(11, 7, 3);
        // x[np.newaxis, 1] -> [1, 4]
        Tensor c = fx.eval1("ov.StridedSlice", attrs("begin_mask", m(0, 0), "end_mask", m(0, 0), "new_axis_mask", m(1, 0),
                "shrink_axis_mask", m(0, 1)), x, fx.ints(0, 1), fx.ints(0, 2), fx.ints(1, 1));
        assertThat(c.type().shape()).containsExactly(1, 4);
        assertThat(c.toDoubles()).containsExactly(4, 5, 6, 7);
        // x[..., 1:3]: the ellipsis stands for dim 0.
        Tensor d = fx.eval1("ov.StridedSlice", attrs("begin_mask", m(0, 0), "end_mask", m(0, 0), "ellipsis_mask", m(1, 0)),
                x, fx.ints(0, 1), fx.ints(0, 3), fx.ints(1, 1));
        assertThat(d.type().shape()).containsExactly(3, 2);
        assertThat(d.toDoubles()).containsExactly(1, 2, 5, 6, 9, 10);
        // Clamping: x[-100:100] and no stride input.
        assertThat(fx.eval1("ov.StridedSlice", attrs("begin_mask", m(0), "end_mask", m(0)), x, fx.ints(-100), fx.ints(100))
                .type().shape()).containsExactly(3, 4);
        assertThat(fx.error("ov.StridedSlice", attrs("begin_mask", m(0, 0), "end_mask", m(0, 0), "ellipsis_mask", m(1, 1)),
                x, fx.ints(0, 0), fx.ints(1, 1), fx.ints(1, 1))).contains("ellipsis_mask has more than one bit set");
        assertThat(fx.error("ov.StridedSlice", attrs("begin_mask", m(0), "end_mask", m(0), "shrink_axis_mask", m(1)),
                x, fx.ints(3), fx.ints(4))).contains("shrink index 3 is out of range for dim 0 of size 3");
    }

    @Test
    void slice8ClampsLikeOnnx() {
        var x = fx.f32(shape(5), iota(5));
        assertThat(fx.eval1("ov.Slice", none(), x, fx.ints(1), fx.ints(Long.MAX_VALUE), fx.ints(2)).toDoubles()).containsExactly(1, 3);
        assertThat(fx.eval1("ov.Slice", none(), x, fx.ints(-1), fx.ints(Long.MIN_VALUE), fx.ints(-2)).toDoubles())
                .containsExactly(4, 2, 0);
        assertThat(fx.eval1("ov.Slice", none(), x, fx.ints(3), fx.ints(1), fx.ints(1)).type().shape()).containsExactly(0);
        assertThat(fx.eval1("ov.Slice", none(), x, fx.ints(4), fx.ints(0), fx.ints(Long.MIN_VALUE)).toDoubles()).containsExactly(4);
        var y = fx.f32(shape(2, 3), iota(6));
        Tensor cols = fx.eval1("ov.Slice", none(), y, fx.ints(2), fx.ints(0), fx.ints(-1), fx.ints(-1));
        assertThat(cols.toDoubles()).containsExactly(2, 1, 5, 4);
        assertThat(fx.error("ov.Slice", none(), x, fx.ints(0), fx.ints(1), fx.ints(0))).contains("step must not be 0");
    }

    @Test
    void gatherWithNegativeAndOutOfRangeIndices() {
        var x = fx.f32(shape(3, 2), iota(6));
        Tensor rows = fx.eval1("ov.Gather", none(), x, fx.ints(2, -3, 3), fx.scalar(0));
        assertThat(rows.type().shape()).containsExactly(3, 2);
        assertThat(rows.toDoubles()).containsExactly(4, 5, 0, 1, 0, 0); // index 3 is out of range: zeros
        Tensor col = fx.eval1("ov.Gather", none(), x, fx.scalar(-1), fx.scalar(1));
        assertThat(col.type().shape()).containsExactly(3);
        assertThat(col.toDoubles()).containsExactly(1, 3, 5);
    }

    @Test
    void gatherWithBatchDims() {
        // data [2, 3], indices [2, 2], batch_dims 1, axis 1: out[b, i] = data[b, idx[b, i]].
        var x = fx.f32(shape(2, 3), iota(6));
        Tensor r = fx.eval1("ov.Gather", attrs("batch_dims", 1), x, fx.i64(shape(2, 2), 2, 0, 1, 1), fx.scalar(1));
        assertThat(r.type().shape()).containsExactly(2, 2);
        assertThat(r.toDoubles()).containsExactly(2, 0, 4, 4);
        assertThat(fx.error("ov.Gather", attrs("batch_dims", 2), x, fx.i64(shape(2, 2), 0, 0, 0, 0), fx.scalar(1)))
                .contains("batch_dims 2 must be in [0, min(axis, indices rank)] = [0, 1]");
    }

    @Test
    void padModes() {
        var x = fx.f32(shape(3), 1, 2, 3);
        var two = fx.ints(2);
        assertThat(fx.eval1("ov.Pad", none(), x, two, two).toDoubles()).containsExactly(0, 0, 1, 2, 3, 0, 0);
        assertThat(fx.eval1("ov.Pad", none(), x, two, two, fx.scalarF(9)).toDoubles()).containsExactly(9, 9, 1, 2, 3, 9, 9);
        assertThat(fx.eval1("ov.Pad", attrs("pad_mode", "edge"), x, two, two).toDoubles()).containsExactly(1, 1, 1, 2, 3, 3, 3);
        assertThat(fx.eval1("ov.Pad", attrs("pad_mode", "reflect"), x, two, two).toDoubles()).containsExactly(3, 2, 1, 2, 3, 2, 1);
        assertThat(fx.eval1("ov.Pad", attrs("pad_mode", "symmetric"), x, two, two).toDoubles()).containsExactly(2, 1, 1, 2, 3, 3, 2);
        assertThat(fx.eval1("ov.Pad", attrs("pad_mode", "edge"), x, fx.ints(-1), two).toDoubles()).containsExactly(2, 3, 3, 3);
        assertThat(fx.error("ov.Pad", attrs("pad_mode", "reflect"), x, fx.ints(3), fx.ints(0)))
                .contains("pad_mode \"reflect\" allows pads up to 2 on dim 0 of size 3, got 3 and 0");
        assertThat(fx.error("ov.Pad", attrs("pad_mode", "edge"), x, two, two, fx.scalarF(0)))
                .contains("pad_value (operand #3) is only for pad_mode \"constant\"");
    }

    @Test
    void oneHotOffForNegativeAndLargeIndices() {
        Tensor r = fx.eval1("ov.OneHot", none(), fx.ints(0, 2, -1, 3), fx.scalar(3), fx.scalarF(5), fx.scalarF(-1));
        assertThat(r.type().shape()).containsExactly(4, 3);
        assertThat(r.toDoubles()).containsExactly(5, -1, -1, -1, -1, 5, -1, -1, -1, -1, -1, -1);
        Tensor first = fx.eval1("ov.OneHot", attrs("axis", 0), fx.ints(1, 0), fx.scalar(2), fx.scalar(1), fx.scalar(0));
        assertThat(first.type().shape()).containsExactly(2, 2);
        assertThat(first.toLongs()).containsExactly(0, 1, 1, 0);
    }

    @Test
    void convolution1dWithPadsStridesAndDilations() {
        // x = [0..5], w = [1, 10]: y[i] = x[i*s - pb] + 10 * x[i*s - pb + d].
        var x = fx.f32(shape(1, 1, 6), iota(6));
        var w = fx.f32(shape(1, 1, 2), 1, 10);
        Tensor y = fx.eval1("ov.Convolution", attrs("strides", m(2), "pads_begin", m(1), "pads_end", m(0), "dilations", m(2)), x, w);
        assertThat(y.type().shape()).containsExactly(1, 1, 3);
        assertThat(y.toDoubles()).containsExactly(10, 31, 53);
        Tensor same = fx.eval1("ov.Convolution", attrs("strides", m(1), "pads_begin", m(0), "pads_end", m(0), "dilations", m(1),
                "auto_pad", "same_upper"), x, w);
        assertThat(same.toDoubles()).containsExactly(10, 21, 32, 43, 54, 5);
        Tensor lower = fx.eval1("ov.Convolution", attrs("strides", m(1), "pads_begin", m(0), "pads_end", m(0), "dilations", m(1),
                "auto_pad", "same_lower"), x, w);
        assertThat(lower.toDoubles()).containsExactly(0, 10, 21, 32, 43, 54);
    }

    @Test
    void depthwiseGroupConvolutionLikeMamba() {
        // 2 channels, kernel 2, pads 1/1: each channel is convolved with its own filter.
        var x = fx.f32(shape(1, 2, 3), 1, 2, 3, 10, 20, 30);
        var w = fx.f32(shape(2, 1, 1, 2), 1, 1, 0, 1);
        Tensor y = fx.eval1("ov.GroupConvolution", attrs("strides", m(1), "pads_begin", m(1), "pads_end", m(1), "dilations", m(1)), x, w);
        assertThat(y.type().shape()).containsExactly(1, 2, 4);
        assertThat(y.toDoubles()).containsExactly(1, 3, 5, 3, 10, 20, 30, 0);
        assertThat(fx.error("ov.GroupConvolution", attrs("strides", m(1), "pads_begin", m(0), "pads_end", m(0), "dilations", m(1)),
                x, fx.f32(shape(3, 1, 1, 2), iota(6)))).contains("data has 2 channels but the weights expect 3");
        assertThat(fx.error("ov.Convolution", attrs("strides", m(1, 1), "pads_begin", m(0), "pads_end", m(0), "dilations", m(1)),
                x, fx.f32(shape(1, 2, 2), iota(4)))).contains("'strides' needs 1 entries, got 2");
    }
}
