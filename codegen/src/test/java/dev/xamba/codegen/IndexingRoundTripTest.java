package dev.xamba.codegen;

import static dev.xamba.codegen.TestGraph.attrs;
import static dev.xamba.codegen.TestGraph.f32;
import static dev.xamba.codegen.TestGraph.i64t;
import static dev.xamba.codegen.TestGraph.ints;

import dev.xamba.codegen.RoundTrip.Tolerance;
import dev.xamba.ir.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Slicing, gathering, padding and one-hot on OpenVINO's CPU against the Java reference. */
class IndexingRoundTripTest {
    @Test
    void stridedSliceMasks() {
        TestGraph g = TestGraph.withInputs(f32(4, 5, 6));
        // x[1:3, ::2] with the begin of dim 1 ignored.
        Value basic = g.op("ov.StridedSlice", attrs("begin_mask", ints(0, 1), "end_mask", ints(0, 1)),
                g.arg(0), g.i64s(1, 3), g.i64s(3, 0), g.i64s(1, 2));
        // x[:, -1:-6:-2, ::-1]: negative strides, clamped ends.
        Value backwards = g.op("ov.StridedSlice", attrs("begin_mask", ints(1, 0, 1), "end_mask", ints(1, 0, 1)),
                g.arg(0), g.i64s(0, -1, 0), g.i64s(0, -6, 0), g.i64s(1, -2, -1));
        // x[2, 1:4]: a shrunk dim, then a slice; the last dim whole.
        Value shrink = g.op("ov.StridedSlice", attrs("begin_mask", ints(0, 0), "end_mask", ints(0, 0),
                        "shrink_axis_mask", ints(1, 0)),
                g.arg(0), g.i64s(2, 1), g.i64s(3, 4), g.i64s(1, 1));
        // x[1:3, np.newaxis, -2:]: a new dim between two slices. (OpenVINO 2026.4's CPU plugin computes garbage
        // when new_axis_mask and shrink_axis_mask are both used in one StridedSlice; its constant folding and our
        // reference agree with NumPy. Each mask alone is fine.)
        Value newAxis = g.op("ov.StridedSlice", attrs("begin_mask", ints(0, 0, 0), "end_mask", ints(0, 0, 1),
                        "new_axis_mask", ints(0, 1, 0)),
                g.arg(0), g.i64s(1, 0, -2), g.i64s(3, 0, 0), g.i64s(1, 1, 1));
        // x[..., 1]: the ellipsis keeps the leading dims, the last is shrunk.
        Value ellipsis = g.op("ov.StridedSlice", attrs("begin_mask", ints(0, 0), "end_mask", ints(0, 0),
                        "shrink_axis_mask", ints(0, 1), "ellipsis_mask", ints(1, 0)),
                g.arg(0), g.i64s(0, 1), g.i64s(0, 2), g.i64s(1, 1));
        // Out-of-range begin and end clamp; no stride input means stride 1.
        Value clamped = g.op("ov.StridedSlice", attrs("begin_mask", ints(0, 0), "end_mask", ints(0, 0)),
                g.arg(0), g.i64s(-100, 2), g.i64s(100, 99));
        RoundTrip.check(g.ret(basic, backwards, shrink, newAxis, ellipsis, clamped), Tolerance.F32);
    }

    @Test
    void slice8() {
        TestGraph g = TestGraph.withInputs(f32(4, 5, 6));
        long max = Long.MAX_VALUE;
        Value forward = g.op("ov.Slice", Map.of(), g.arg(0), g.i64s(1, -4), g.i64s(max, -1), g.i64s(2, 1), g.i64s(2, 1));
        Value backward = g.op("ov.Slice", Map.of(), g.arg(0), g.i64s(-1, 4), g.i64s(Long.MIN_VALUE, 0), g.i64s(-1, -3));
        Value empty = g.op("ov.Slice", Map.of(), g.arg(0), g.i64s(3), g.i64s(1), g.i64s(1), g.i64s(-1));
        RoundTrip.check(g.ret(forward, backward, g.op("ov.Concat", attrs("axis", 2), empty, g.arg(0))), Tolerance.F32);
    }

    @Test
    void gathers() {
        TestGraph g = TestGraph.withInputs(f32(4, 5, 3), i64t(2, 3));
        Value rows = g.op("ov.Gather", Map.of(), g.arg(0), g.arg(1), g.i64(1));
        Value negative = g.op("ov.Gather", Map.of(), g.arg(0), g.i64s(-1, 0, 7, -9), g.i64(-1)); // 7, -9 are out of range: 0
        Value scalar = g.op("ov.Gather", Map.of(), g.arg(0), g.i64(2), g.i64(0));
        RoundTrip.check(g.ret(rows, negative, scalar), Tolerance.F32,
                (t, r, i) -> i == 1 ? RoundTrip.COARSE.make(t, r, i) : RoundTrip.GAUSSIAN.make(t, r, i));
    }

    @Test
    void gatherWithBatchDims() {
        TestGraph g = TestGraph.withInputs(f32(2, 3, 4, 5), i64t(2, 3, 6));
        Value b1 = g.op("ov.Gather", attrs("batch_dims", 1), g.arg(0), g.arg(1), g.i64(2));
        Value b2 = g.op("ov.Gather", attrs("batch_dims", -1), g.arg(0), g.arg(1), g.i64(3));
        RoundTrip.check(g.ret(b1, b2), Tolerance.F32,
                (t, r, i) -> i == 1 ? RoundTrip.COARSE.make(t, r, i) : RoundTrip.GAUSSIAN.make(t, r, i));
    }

    @ParameterizedTest
    @ValueSource(strings = {"constant", "edge", "reflect", "symmetric"})
    void pads(String mode) {
        TestGraph g = TestGraph.withInputs(f32(3, 4, 5));
        Value grown = g.op("ov.Pad", attrs("pad_mode", mode), g.arg(0), g.i64s(0, 2, 1), g.i64s(1, 3, 2));
        Value cropped = g.op("ov.Pad", attrs("pad_mode", mode), g.arg(0), g.i64s(-1, 0, 2), g.i64s(1, -2, -1));
        RoundTrip.check(g.ret(grown, cropped), Tolerance.F32);
    }

    @Test
    void padWithValue() {
        TestGraph g = TestGraph.withInputs(f32(2, 3), i64t(4));
        Value floats = g.op("ov.Pad", Map.of(), g.arg(0), g.i64s(1, 0), g.i64s(0, 2), g.f32(-7.5f));
        Value ints = g.op("ov.Pad", Map.of(), g.arg(1), g.i64s(3), g.i64s(1), g.i64(9));
        RoundTrip.check(g.ret(floats, ints), Tolerance.F32);
    }

    @Test
    void oneHot() {
        TestGraph g = TestGraph.withInputs(i64t(2, 3));
        Value last = g.op("ov.OneHot", Map.of(), g.arg(0), g.i64(4), g.f32(1f), g.f32(0f));
        Value first = g.op("ov.OneHot", attrs("axis", 0), g.arg(0), g.i64(3), g.i64(5), g.i64(-1));
        RoundTrip.check(g.ret(last, first), Tolerance.F32); // inputs in [-5, 5]: negatives and too large ones are off
    }
}
