package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import java.util.function.Function;

/** {@code ov.Convolution(x, w)} and {@code ov.GroupConvolution(x, w)} with strides, pads and dilations. */
public final class ConvolutionOp extends OpView {
    // One constructor reference for all the kinds: each lambda costs about 0.16 ms to link at start-up.
    private static final Function<Operation, ConvolutionOp> VIEW = ConvolutionOp::new;

    public static final OpViewKind<ConvolutionOp> CONVOLUTION = OpViewKind.of(VIEW, "ov.Convolution");
    public static final OpViewKind<ConvolutionOp> GROUP = OpViewKind.of(VIEW, "ov.GroupConvolution");
    public static final OpViewKind<ConvolutionOp> ANY = CONVOLUTION.or(GROUP);

    private ConvolutionOp(Operation op) { super(op); }

    public Value input() { return operand(0); }

    public Value filter() { return operand(1); }

    public boolean isGrouped() { return GROUP.matches(op()); }

    /** A grouped convolution with one input and one output channel per group (depthwise). */
    public boolean isDepthwise() {
        if (!isGrouped()) return false;
        var w = filter().tensorType();  // [groups, out/group, in/group, k...]
        return w.rank() >= 3 && w.dim(1) == 1 && w.dim(2) == 1;
    }

    public long[] strides() { return longs("strides"); }

    public long[] padsBegin() { return longs("pads_begin"); }

    public long[] padsEnd() { return longs("pads_end"); }

    public long[] dilations() { return longs("dilations"); }

    private long[] longs(String key) {
        ArrayAttr a = (ArrayAttr) attr(key);
        long[] r = new long[a.elements().size()];
        for (int i = 0; i < r.length; i++) r[i] = ((IntegerAttr) a.elements().get(i)).value();
        return r;
    }
}
