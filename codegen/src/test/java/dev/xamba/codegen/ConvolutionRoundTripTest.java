package dev.xamba.codegen;

import static dev.xamba.codegen.TestGraph.attrs;
import static dev.xamba.codegen.TestGraph.f32;
import static dev.xamba.codegen.TestGraph.ints;

import dev.xamba.codegen.RoundTrip.Tolerance;
import dev.xamba.ir.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Convolution and GroupConvolution on OpenVINO's CPU against the Java reference. */
class ConvolutionRoundTripTest {
    @Test
    void mambaDepthwiseCausalConv1d() {
        // Mamba's conv1d: D channels, kernel 4, padding 3 on both sides (the tail is sliced off later).
        TestGraph g = TestGraph.withInputs(f32(1, 8, 16), f32(8, 1, 1, 4));
        Value conv = g.op("ov.GroupConvolution", attrs("strides", ints(1), "pads_begin", ints(3), "pads_end", ints(3),
                "dilations", ints(1)), g.arg(0), g.arg(1));
        RoundTrip.check(g.ret(conv), Tolerance.F32);
    }

    @Test
    void conv2dWithStridesDilationsAndPads() {
        TestGraph g = TestGraph.withInputs(f32(2, 3, 9, 8), f32(4, 3, 3, 2));
        Value conv = g.op("ov.Convolution", attrs("strides", ints(2, 1), "pads_begin", ints(1, 0), "pads_end", ints(2, 1),
                "dilations", ints(1, 2)), g.arg(0), g.arg(1));
        RoundTrip.check(g.ret(conv), Tolerance.F32);
    }

    @Test
    void groupedConv1dWithSeveralChannelsPerGroup() {
        TestGraph g = TestGraph.withInputs(f32(1, 6, 10), f32(3, 2, 2, 3));
        Value conv = g.op("ov.GroupConvolution", attrs("strides", ints(2), "pads_begin", ints(0), "pads_end", ints(1),
                "dilations", ints(2)), g.arg(0), g.arg(1));
        RoundTrip.check(g.ret(conv), Tolerance.F32);
    }

    @ParameterizedTest
    @ValueSource(strings = {"same_upper", "same_lower", "valid"})
    void autoPad(String mode) {
        TestGraph g = TestGraph.withInputs(f32(1, 2, 7, 6), f32(3, 2, 4, 3));
        Value conv = g.op("ov.Convolution", attrs("strides", ints(2, 2), "pads_begin", ints(0, 0), "pads_end", ints(0, 0),
                "dilations", ints(1, 1), "auto_pad", mode), g.arg(0), g.arg(1));
        RoundTrip.check(g.ret(conv), Tolerance.F32);
    }
}
