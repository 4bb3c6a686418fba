package dev.xamba.cli.calibrate;

import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The micro-benchmarks of each op family, at three sizes each: the op families of the Mamba graphs (MatMul,
 * depthwise convolution, broadcast elementwise arithmetic, activations, CumSum, reductions, layout ops, Gather,
 * Pad, Broadcast). Sizes are total elements of the data input (or the contraction width for MatMul).
 */
final class Benchmarks {
    /**
     * One op at sizes: {@code input(size)} is the data input's type, {@code instance} builds the op on it. An
     * op that is not {@code typical} of its family (Broadcast, whose CPU kernel is far slower than other layout
     * ops) gets its own row only, not a say in its family's.
     */
    record Bench(String name, List<Long> sizes, LongFunction<TensorType> input, BenchModel.Instance instance, boolean typical) {
        Bench(String name, List<Long> sizes, LongFunction<TensorType> input, BenchModel.Instance instance) {
            this(name, sizes, input, instance, true);
        }
    }

    /**
     * Streaming far more than the last-level cache holds: a broadcast Multiply over 2^24 elements (64 MB in, 64 MB
     * out); its time gives the DRAM bandwidth.
     */
    static Bench stream(boolean quick) { return binary("Multiply", List.of(quick ? 1L << 16 : 1L << 24)); }

    /**
     * Streaming weights: 8 tokens through a 2048 × 8192 f32 projection (64 MB of weights, twice the cache), as
     * Mamba's projections read their weights from DRAM on every inference.
     */
    static Bench weightStream(boolean quick) {
        long n = quick ? 256 : 8192;
        return new Bench("MatMul", List.of(n), k -> f32(8, 2048), (m, x) -> m.op("ov.MatMul", x, m.floats(2048, n)));
    }

    static final List<Long> ELEMENTS = List.of(4096L, 65536L, 1L << 20);
    static final List<Long> QUICK = List.of(256L, 1024L);

    private Benchmarks() {}

    static List<Bench> all(boolean quick) {
        List<Long> n = quick ? QUICK : ELEMENTS;
        List<Bench> all = new java.util.ArrayList<>(List.of(
                // 64 tokens through a square projection with constant weights, as Mamba's in/out projections.
                new Bench("MatMul", quick ? List.of(32L, 64L) : List.of(128L, 512L, 1536L), d -> f32(64, d),
                        (m, x) -> m.op("ov.MatMul", x, m.floats(x.tensorType().dim(1), x.tensorType().dim(1)))),
                // Mamba's causal depthwise conv1d: 1536 channels, kernel 4, left padding 3.
                new Bench("GroupConvolution", quick ? List.of(4L, 8L) : List.of(8L, 64L, 256L), l -> f32(1, 1536, l),
                        (m, x) -> m.op("ov.GroupConvolution", Map.of("strides", ints(1), "pads_begin", ints(3), "pads_end", ints(0),
                                "dilations", ints(1)), x, m.floats(1536, 1, 1, 4))),
                // Mamba-2's SSD products are outer-product broadcasts: [r, 64, 1, 64] x [1, 1, 64, 64] -> [r, 64, 64, 64].
                new Bench("Multiply", quick ? List.of(4096L, 8192L) : List.of(4096L, 16384L, 65536L), k -> f32(Math.max(1, k / 4096), 64, 1, 64),
                        (m, x) -> m.op("ov.Multiply", x, m.floats(1, 1, 64, 64))),
                binary("Add", n), binary("Divide", n),
                unary("Exp", n), unary("SoftPlus", n), unary("Swish", n), unary("Sqrt", n),
                // Along a middle axis, as Mamba-2's segment sums (torch.cumsum(..., dim=-2)).
                new Bench("CumSum", n, k -> f32(Math.max(1, k / 16384), 256, 64), (m, x) -> m.op("ov.CumSum", x, m.scalarLong(1))),
                reduce("ReduceSum", n), reduce("ReduceMean", n),
                new Bench("Transpose", n, k -> f32(k / 4096, 64, 64), (m, x) -> m.op("ov.Transpose", x, m.longs(0, 2, 1))),
                new Bench("Concat", n, k -> f32(k / 64, 64), (m, x) -> m.op("ov.Concat", Map.of("axis", IntegerAttr.i64(1)), x, x)),
                new Bench("Slice", n, k -> f32(k / 64, 64), (m, x) -> m.op("ov.Slice", x, m.longs(0), m.longs(32), m.longs(1), m.longs(1))),
                new Bench("VariadicSplit", n, k -> f32(k / 64, 64), (m, x) -> m.firstResult("ov.VariadicSplit", x, m.scalarLong(1), m.longs(16, 48))),
                // Mamba's unrolled scan picks one time step out of [1, channels, steps, state]: a strided Gather.
                new Bench("Gather", n, k -> f32(1, Math.max(1, k / 128), 8, 16), (m, x) -> m.op("ov.Gather", x, m.scalarLong(3), m.scalarLong(2))),
                new Bench("Pad", n, k -> f32(k / 64, 64), (m, x) -> m.op("ov.Pad", x, m.longs(0, 3), m.longs(0, 0))),
                new Bench("Broadcast", n, k -> f32(k / 64, 1), (m, x) -> m.op("ov.Broadcast", x, m.longs(x.tensorType().dim(0), 64)), false)));
        return quick ? all.subList(0, 4) : all;
    }

    private static Bench binary(String op, List<Long> n) {
        // The broadcast pattern of Mamba's scaling multiplies: [rows, 64] with a [1, 64] constant.
        return new Bench(op, n, k -> f32(k / 64, 64), (m, x) -> m.op("ov." + op, x, m.floats(1, 64)));
    }

    private static Bench unary(String op, List<Long> n) {
        return new Bench(op, n, k -> f32(k / 64, 64), (m, x) -> m.op("ov." + op, x));
    }

    private static Bench reduce(String op, List<Long> n) {
        return new Bench(op, n, k -> f32(k / 128, 128), (m, x) -> m.op("ov." + op, x, m.longs(-1)));
    }

    private static TensorType f32(long... shape) { return TensorType.of(ElementType.F32, shape); }

    private static ArrayAttr ints(long... v) { return ArrayAttr.ofLongs(v); }

}
