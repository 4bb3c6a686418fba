package dev.xamba.opt.legalize;

import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.CompareOp;
import dev.xamba.ir.ops.ov.view.LogicalOp;
import dev.xamba.ir.ops.ov.view.MatMulOp;
import dev.xamba.ir.ops.ov.view.ReduceOp;
import dev.xamba.ir.ops.ov.view.SelectOp;
import dev.xamba.ir.ops.ov.view.TileOp;
import dev.xamba.ir.ops.ov.view.UnaryOp;
import dev.xamba.opt.pattern.RewritePattern;
import java.util.List;

/**
 * The lowerings of {@code onnx} ops to {@code ov} ops, one named instance per ONNX op or op family. Each keeps the
 * function as xamba's reference evaluator computes it (see its Javadoc for the restrictions, and
 * docs/OPENVINO_FINDINGS.md for where OpenVINO's CPU plugin computes the ov ops otherwise); {@code onnx.Floor} and {@code onnx.Ceil} have none, as the ov
 * dialect has no Floor or Ceiling op.
 */
public final class OnnxToOvPatterns {
    private OnnxToOvPatterns() {}

    // ---- constants and plumbing
    public static final RewritePattern CONSTANT = new ConstantLowering();
    public static final RewritePattern IDENTITY = new IdentityLowering();
    public static final RewritePattern CAST = new CastLowering();

    // ---- elementwise, one to one
    public static final RewritePattern NEG = DirectLowering.wrapping(OnnxOp.NEG, UnaryOp.NEGATIVE);
    public static final RewritePattern ABS = DirectLowering.wrapping(OnnxOp.ABS, UnaryOp.ABS);
    public static final RewritePattern RELU = new DirectLowering(OnnxOp.RELU, UnaryOp.RELU);
    public static final RewritePattern NOT = new DirectLowering(OnnxOp.NOT, LogicalOp.NOT);
    public static final RewritePattern SQRT = new DirectLowering(OnnxOp.SQRT, UnaryOp.SQRT);
    public static final RewritePattern EXP = new DirectLowering(OnnxOp.EXP, UnaryOp.EXP);
    public static final RewritePattern LOG = new DirectLowering(OnnxOp.LOG, UnaryOp.LOG);
    public static final RewritePattern TANH = new DirectLowering(OnnxOp.TANH, UnaryOp.TANH);
    public static final RewritePattern SIGMOID = new DirectLowering(OnnxOp.SIGMOID, UnaryOp.SIGMOID);
    public static final RewritePattern SOFTPLUS = new DirectLowering(OnnxOp.SOFTPLUS, UnaryOp.SOFTPLUS);
    public static final RewritePattern ADD = DirectLowering.wrapping(OnnxOp.ADD, BinaryOp.ADD);
    public static final RewritePattern SUB = DirectLowering.wrapping(OnnxOp.SUB, BinaryOp.SUBTRACT);
    public static final RewritePattern MUL = DirectLowering.wrapping(OnnxOp.MUL, BinaryOp.MULTIPLY);
    public static final RewritePattern EQUAL = new DirectLowering(OnnxOp.EQUAL, CompareOp.EQUAL);
    public static final RewritePattern GREATER = new DirectLowering(OnnxOp.GREATER, CompareOp.GREATER);
    public static final RewritePattern GREATER_OR_EQUAL = new DirectLowering(OnnxOp.GREATER_OR_EQUAL, CompareOp.GREATER_EQUAL);
    public static final RewritePattern LESS = new DirectLowering(OnnxOp.LESS, CompareOp.LESS);
    public static final RewritePattern LESS_OR_EQUAL = new DirectLowering(OnnxOp.LESS_OR_EQUAL, CompareOp.LESS_EQUAL);
    public static final RewritePattern AND = new DirectLowering(OnnxOp.AND, LogicalOp.AND);
    public static final RewritePattern OR = new DirectLowering(OnnxOp.OR, LogicalOp.OR);
    public static final RewritePattern XOR = new DirectLowering(OnnxOp.XOR, LogicalOp.XOR);
    public static final RewritePattern WHERE = new DirectLowering(OnnxOp.WHERE, SelectOp.KIND);
    public static final RewritePattern MATMUL = new DirectLowering(OnnxOp.MAT_MUL, MatMulOp.KIND);
    public static final RewritePattern TILE = new DirectLowering(OnnxOp.TILE, TileOp.KIND);

    // ---- elementwise with a twist
    public static final RewritePattern SWISH = new SwishFusion();
    public static final RewritePattern DIV = new DivLowering();
    public static final RewritePattern RECIPROCAL = new ReciprocalLowering();
    public static final RewritePattern POW = new PowLowering();
    public static final RewritePattern MOD = new ModLowering();
    public static final RewritePattern MAX = new VariadicMinMaxLowering(OnnxOp.MAX, BinaryOp.MAXIMUM);
    public static final RewritePattern MIN = new VariadicMinMaxLowering(OnnxOp.MIN, BinaryOp.MINIMUM);
    public static final RewritePattern CLIP = new ClipLowering();
    public static final RewritePattern TRILU = new TriluLowering();

    // ---- contractions and reductions
    public static final RewritePattern GEMM = new GemmLowering();
    public static final RewritePattern CONV = new ConvLowering();
    public static final RewritePattern CUMSUM = new CumSumLowering();
    public static final RewritePattern REDUCE_SUM = new ReduceLowering(OnnxOp.REDUCE_SUM, ReduceOp.SUM);
    public static final RewritePattern REDUCE_MEAN = new ReduceLowering(OnnxOp.REDUCE_MEAN, ReduceOp.MEAN);
    public static final RewritePattern REDUCE_MAX = new ReduceLowering(OnnxOp.REDUCE_MAX, ReduceOp.MAX);
    public static final RewritePattern REDUCE_MIN = new ReduceLowering(OnnxOp.REDUCE_MIN, ReduceOp.MIN);

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
