package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.ov.view.ConvolutionOp;
import dev.xamba.ir.type.TensorType;

/**
 * {@code ov.Convolution} and {@code ov.GroupConvolution}: output elements × (input channels per group × kernel
 * size) MACs; a DPU task, depthwise ones at the depthwise rate (ConvToNCE, DepthConvToNCE).
 */
final class ConvolutionCosting implements OpCosting {
    static final ConvolutionCosting INSTANCE = new ConvolutionCosting();

    @Override public Work work(Operation op) {
        ConvolutionOp conv = ConvolutionOp.ANY.cast(op);
        TensorType out = conv.resultType();
        long outChannels = out.rank() > 1 && out.dim(1) > 0 ? out.dim(1) : 1;
        // Filter elements per output channel = input channels per group × kernel size, for both layouts.
        long perOutput = Math.max(1, Sizes.elements(conv.filter().tensorType()) / outChannels);
        long outElements = Sizes.elements(out);
        return new Work(Sizes.kernel(op), Family.CONVOLUTION, Sizes.dataType(op), Sizes.inputElements(op), outElements,
                outElements, outElements, Sizes.times(outElements, perOutput));
    }

    @Override public Engine npuEngine(Operation op) {
        return ConvolutionOp.ANY.cast(op).isDepthwise() ? Engine.DPU_DEPTHWISE : Engine.DPU_CONVOLUTION;
    }
}
