package dev.xamba.opt.legalize;

import dev.xamba.opt.pattern.RewritePattern;
import java.util.List;

/**
 * The lowerings of {@code onnx} ops to {@code ov} ops, one named instance per ONNX op or op family. Each keeps the
 * numerics (see its Javadoc for the restrictions); {@code onnx.Floor} and {@code onnx.Ceil} have none, as the ov
 * dialect has no Floor or Ceiling op.
 */
public final class OnnxToOvPatterns {
    private OnnxToOvPatterns() {}

    // ---- constants and plumbing
    public static final RewritePattern CONSTANT = new ConstantLowering();
    public static final RewritePattern IDENTITY = new IdentityLowering();
    public static final RewritePattern CAST = new CastLowering();

    // ---- elementwise, one to one
    public static final RewritePattern NEG = new DirectLowering("onnx.Neg", "ov.Negative");
    public static final RewritePattern ABS = new DirectLowering("onnx.Abs", "ov.Abs");
    public static final RewritePattern RELU = new DirectLowering("onnx.Relu", "ov.ReLU");
    public static final RewritePattern NOT = new DirectLowering("onnx.Not", "ov.LogicalNot");
    public static final RewritePattern SQRT = new DirectLowering("onnx.Sqrt", "ov.Sqrt");
    public static final RewritePattern EXP = new DirectLowering("onnx.Exp", "ov.Exp");
    public static final RewritePattern LOG = new DirectLowering("onnx.Log", "ov.Log");
    public static final RewritePattern TANH = new DirectLowering("onnx.Tanh", "ov.Tanh");
    public static final RewritePattern SIGMOID = new DirectLowering("onnx.Sigmoid", "ov.Sigmoid");
    public static final RewritePattern SOFTPLUS = new DirectLowering("onnx.Softplus", "ov.SoftPlus");
    public static final RewritePattern ADD = new DirectLowering("onnx.Add", "ov.Add");
    public static final RewritePattern SUB = new DirectLowering("onnx.Sub", "ov.Subtract");
    public static final RewritePattern MUL = new DirectLowering("onnx.Mul", "ov.Multiply");
    public static final RewritePattern EQUAL = new DirectLowering("onnx.Equal", "ov.Equal");
    public static final RewritePattern GREATER = new DirectLowering("onnx.Greater", "ov.Greater");
    public static final RewritePattern GREATER_OR_EQUAL = new DirectLowering("onnx.GreaterOrEqual", "ov.GreaterEqual");
    public static final RewritePattern LESS = new DirectLowering("onnx.Less", "ov.Less");
    public static final RewritePattern LESS_OR_EQUAL = new DirectLowering("onnx.LessOrEqual", "ov.LessEqual");
    public static final RewritePattern AND = new DirectLowering("onnx.And", "ov.LogicalAnd");
    public static final RewritePattern OR = new DirectLowering("onnx.Or", "ov.LogicalOr");
    public static final RewritePattern XOR = new DirectLowering("onnx.Xor", "ov.LogicalXor");
    public static final RewritePattern WHERE = new DirectLowering("onnx.Where", "ov.Select");
    public static final RewritePattern MATMUL = new DirectLowering("onnx.MatMul", "ov.MatMul");
    public static final RewritePattern TILE = new DirectLowering("onnx.Tile", "ov.Tile");

    // ---- elementwise with a twist
    public static final RewritePattern SWISH = new SwishFusion();
    public static final RewritePattern DIV = new DivLowering();
    public static final RewritePattern RECIPROCAL = new ReciprocalLowering();
    public static final RewritePattern POW = new PowLowering();
    public static final RewritePattern MOD = new ModLowering();
    public static final RewritePattern MAX = new VariadicMinMaxLowering("onnx.Max", "ov.Maximum");
    public static final RewritePattern MIN = new VariadicMinMaxLowering("onnx.Min", "ov.Minimum");
    public static final RewritePattern CLIP = new ClipLowering();
    public static final RewritePattern TRILU = new TriluLowering();

    // ---- contractions and reductions
    public static final RewritePattern GEMM = new GemmLowering();
    public static final RewritePattern CONV = new ConvLowering();
    public static final RewritePattern CUMSUM = new CumSumLowering();
    public static final RewritePattern REDUCE_SUM = new ReduceLowering("onnx.ReduceSum", "ov.ReduceSum");
    public static final RewritePattern REDUCE_MEAN = new ReduceLowering("onnx.ReduceMean", "ov.ReduceMean");
    public static final RewritePattern REDUCE_MAX = new ReduceLowering("onnx.ReduceMax", "ov.ReduceMax");
    public static final RewritePattern REDUCE_MIN = new ReduceLowering("onnx.ReduceMin", "ov.ReduceMin");

    // ---- shapes and data movement
    public static final RewritePattern RESHAPE = new ReshapeLowering();
    public static final RewritePattern FLATTEN = new FlattenLowering();
    public static final RewritePattern SQUEEZE = new SqueezeLowering();
    public static final RewritePattern UNSQUEEZE = new UnsqueezeLowering();
    public static final RewritePattern TRANSPOSE = new TransposeLowering();
    public static final RewritePattern CONCAT = new ConcatLowering();
    public static final RewritePattern SPLIT = new SplitLowering();
    public static final RewritePattern SLICE = new SliceLowering();
    public static final RewritePattern GATHER = new GatherLowering();
    public static final RewritePattern EXPAND = new ExpandLowering();
    public static final RewritePattern PAD = new PadLowering();
    public static final RewritePattern SHAPE = new ShapeLowering();
    public static final RewritePattern CONSTANT_OF_SHAPE = new ConstantOfShapeLowering();
    public static final RewritePattern RANGE = new RangeLowering();
    public static final RewritePattern ONE_HOT = new OneHotLowering();

    /** Every lowering. */
    public static List<RewritePattern> all() {
        return List.of(CONSTANT, IDENTITY, CAST,
                NEG, ABS, RELU, NOT, SQRT, EXP, LOG, TANH, SIGMOID, SOFTPLUS,
                ADD, SUB, MUL, EQUAL, GREATER, GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL, AND, OR, XOR, WHERE, MATMUL, TILE,
                SWISH, DIV, RECIPROCAL, POW, MOD, MAX, MIN, CLIP, TRILU,
                GEMM, CONV, CUMSUM, REDUCE_SUM, REDUCE_MEAN, REDUCE_MAX, REDUCE_MIN,
                RESHAPE, FLATTEN, SQUEEZE, UNSQUEEZE, TRANSPOSE, CONCAT, SPLIT, SLICE, GATHER, EXPAND, PAD, SHAPE,
                CONSTANT_OF_SHAPE, RANGE, ONE_HOT);
    }
}
