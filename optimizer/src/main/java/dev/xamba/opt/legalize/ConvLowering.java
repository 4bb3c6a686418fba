package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.ops.OpContext;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.ConvolutionOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.rewrite.OvBuilder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code onnx.Conv(x, w[, b]) {auto_pad, dilations, group, pads, strides}}:
 * <ul>
 *   <li>{@code group = 1 → ov.Convolution(x, w)};
 *   <li>{@code group = g > 1 → ov.GroupConvolution(x, w')} with w {@code [Cout, Cin/g, k..]} re-typed at compile
 *       time to {@code [g, Cout/g, Cin/g, k..]} (the same bytes: Mamba's depthwise {@code [D, 1, K]} becomes
 *       {@code [D, 1, 1, K]});
 *   <li>a bias b {@code [Cout]} becomes {@code ov.Add(conv, b')} with b' re-typed to {@code [1, Cout, 1..]}.
 * </ul>
 * ONNX's {@code pads} (all begins, then all ends) become {@code pads_begin}/{@code pads_end}; for
 * {@code SAME_UPPER}/{@code SAME_LOWER}/{@code VALID} with static spatial dims the pads are computed here, ONNX's
 * way, and written explicitly (otherwise auto_pad carries the mode).
 *
 * <p>Restrictions: the weights have a static shape.
 */
final class ConvLowering extends OnnxLowering {
    ConvLowering() {
        super(OnnxOp.CONV);
    }

    @Override
    protected void lower(Operation op, OvBuilder ov) {
        Value x = op.operand(0);
        long[] w = Operands.staticShape(op.operand(1), "the weights");
        OpContext attrs = attributes(op);
        int spatial = Operands.type(x).rank() - 2;
        long group = attrs.intAttr("group");
        long[] strides = listOr(attrs, "strides", spatial, 1);
        long[] dilations = listOr(attrs, "dilations", spatial, 1);
        Map<String, Attribute> conv = new HashMap<>(padding(attrs, Operands.type(x), w, strides, dilations));
        conv.put("strides", ArrayAttr.ofLongs(strides));
        conv.put("dilations", ArrayAttr.ofLongs(dilations));
        Value result;
        if (group == 1) {
            result = ov.create(ConvolutionOp.CONVOLUTION, conv, x, op.operand(1));
        } else {
            long[] grouped = new long[w.length + 1];
            grouped[0] = group;
            grouped[1] = w[0] / group;
            System.arraycopy(w, 1, grouped, 2, w.length - 1);
            result = ov.create(ConvolutionOp.GROUP, conv, x, ov.reshaped(op.operand(1), grouped));
        }
        if (Operands.has(op, 2)) {
            long[] biasShape = Operands.filled(spatial + 2, 1);
            biasShape[1] = w[0];
            result = ov.create(BinaryOp.ADD, result, ov.reshaped(op.operand(2), biasShape));
        }
        ov.replace(result);
    }

    /** pads_begin, pads_end and (when not explicit) auto_pad. */
    private static Map<String, Attribute> padding(OpContext attrs, TensorType x, long[] w, long[] strides, long[] dilations) {
        int n = strides.length;
        String autoPad = attrs.stringAttr("auto_pad");
        long[] begin = new long[n];
        long[] end = new long[n];
        switch (autoPad) {
            case "NOTSET", "" -> {
                long[] pads = listOr(attrs, "pads", 2 * n, 0);
                begin = Arrays.copyOfRange(pads, 0, n);
                end = Arrays.copyOfRange(pads, n, 2 * n);
            }
            case "VALID" -> { }
            case "SAME_UPPER", "SAME_LOWER" -> {
                if (!x.hasStaticShape()) {
                    return Map.of("pads_begin", ArrayAttr.ofLongs(begin), "pads_end", ArrayAttr.ofLongs(end),
                            "auto_pad", new StringAttr(autoPad.toLowerCase(Locale.ROOT)));
                }
                for (int d = 0; d < n; d++) {
                    long size = x.dim(d + 2);
                    long extent = (w[d + 2] - 1) * dilations[d] + 1;
                    long out = (size + strides[d] - 1) / strides[d];
                    long total = Math.max(0, (out - 1) * strides[d] + extent - size);
                    begin[d] = autoPad.equals("SAME_UPPER") ? total / 2 : total - total / 2;
                    end[d] = total - begin[d];
                }
            }
            default -> throw new LegalizationFailure("unknown auto_pad \"" + autoPad + "\"");
        }
        return Map.of("pads_begin", ArrayAttr.ofLongs(begin), "pads_end", ArrayAttr.ofLongs(end));
    }

    private static long[] listOr(OpContext attrs, String name, int length, long fill) {
        return attrs.attr(name) == null ? Operands.filled(length, fill) : attrs.intArrayAttr(name);
    }
}
