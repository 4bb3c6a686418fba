package dev.xamba.ir.ops.onnx.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;
import java.util.List;

/**
 * A view of an {@code onnx} op, and the one place the optimizer finds ONNX op names: {@code OnnxOp.MUL} covers
 * {@code onnx.Mul}. ONNX inputs are positional (optional trailing inputs are omitted), so the view reads them by
 * position; the attributes with their ONNX defaults come from the op's definition.
 */
public final class OnnxOp extends OpView {
    public static final OpViewKind<OnnxOp> CONSTANT = kind("onnx.Constant");
    public static final OpViewKind<OnnxOp> IDENTITY = kind("onnx.Identity");
    public static final OpViewKind<OnnxOp> CAST = kind("onnx.Cast");
    public static final OpViewKind<OnnxOp> NEG = kind("onnx.Neg");
    public static final OpViewKind<OnnxOp> ABS = kind("onnx.Abs");
    public static final OpViewKind<OnnxOp> RELU = kind("onnx.Relu");
    public static final OpViewKind<OnnxOp> NOT = kind("onnx.Not");
    public static final OpViewKind<OnnxOp> SQRT = kind("onnx.Sqrt");
    public static final OpViewKind<OnnxOp> EXP = kind("onnx.Exp");
    public static final OpViewKind<OnnxOp> LOG = kind("onnx.Log");
    public static final OpViewKind<OnnxOp> TANH = kind("onnx.Tanh");
    public static final OpViewKind<OnnxOp> SIGMOID = kind("onnx.Sigmoid");
    public static final OpViewKind<OnnxOp> SOFTPLUS = kind("onnx.Softplus");
    public static final OpViewKind<OnnxOp> RECIPROCAL = kind("onnx.Reciprocal");
    public static final OpViewKind<OnnxOp> FLOOR = kind("onnx.Floor");
    public static final OpViewKind<OnnxOp> CEIL = kind("onnx.Ceil");
    public static final OpViewKind<OnnxOp> ADD = kind("onnx.Add");
    public static final OpViewKind<OnnxOp> SUB = kind("onnx.Sub");
    public static final OpViewKind<OnnxOp> MUL = kind("onnx.Mul");
    public static final OpViewKind<OnnxOp> DIV = kind("onnx.Div");
    public static final OpViewKind<OnnxOp> POW = kind("onnx.Pow");
    public static final OpViewKind<OnnxOp> MOD = kind("onnx.Mod");
    public static final OpViewKind<OnnxOp> MAX = kind("onnx.Max");
    public static final OpViewKind<OnnxOp> MIN = kind("onnx.Min");
    public static final OpViewKind<OnnxOp> EQUAL = kind("onnx.Equal");
    public static final OpViewKind<OnnxOp> GREATER = kind("onnx.Greater");
    public static final OpViewKind<OnnxOp> GREATER_OR_EQUAL = kind("onnx.GreaterOrEqual");
    public static final OpViewKind<OnnxOp> LESS = kind("onnx.Less");
    public static final OpViewKind<OnnxOp> LESS_OR_EQUAL = kind("onnx.LessOrEqual");
    public static final OpViewKind<OnnxOp> AND = kind("onnx.And");
    public static final OpViewKind<OnnxOp> OR = kind("onnx.Or");
    public static final OpViewKind<OnnxOp> XOR = kind("onnx.Xor");
    public static final OpViewKind<OnnxOp> WHERE = kind("onnx.Where");
    public static final OpViewKind<OnnxOp> MAT_MUL = kind("onnx.MatMul");
    public static final OpViewKind<OnnxOp> GEMM = kind("onnx.Gemm");
    public static final OpViewKind<OnnxOp> CONV = kind("onnx.Conv");
    public static final OpViewKind<OnnxOp> CUM_SUM = kind("onnx.CumSum");
    public static final OpViewKind<OnnxOp> REDUCE_SUM = kind("onnx.ReduceSum");
    public static final OpViewKind<OnnxOp> REDUCE_MEAN = kind("onnx.ReduceMean");
    public static final OpViewKind<OnnxOp> REDUCE_MAX = kind("onnx.ReduceMax");
    public static final OpViewKind<OnnxOp> REDUCE_MIN = kind("onnx.ReduceMin");
    public static final OpViewKind<OnnxOp> CLIP = kind("onnx.Clip");
    public static final OpViewKind<OnnxOp> TRILU = kind("onnx.Trilu");
    public static final OpViewKind<OnnxOp> RESHAPE = kind("onnx.Reshape");
    public static final OpViewKind<OnnxOp> FLATTEN = kind("onnx.Flatten");
    public static final OpViewKind<OnnxOp> SQUEEZE = kind("onnx.Squeeze");
    public static final OpViewKind<OnnxOp> UNSQUEEZE = kind("onnx.Unsqueeze");
    public static final OpViewKind<OnnxOp> TRANSPOSE = kind("onnx.Transpose");
    public static final OpViewKind<OnnxOp> CONCAT = kind("onnx.Concat");
    public static final OpViewKind<OnnxOp> SPLIT = kind("onnx.Split");
    public static final OpViewKind<OnnxOp> SLICE = kind("onnx.Slice");
    public static final OpViewKind<OnnxOp> GATHER = kind("onnx.Gather");
    public static final OpViewKind<OnnxOp> EXPAND = kind("onnx.Expand");
    public static final OpViewKind<OnnxOp> PAD = kind("onnx.Pad");
    public static final OpViewKind<OnnxOp> TILE = kind("onnx.Tile");
    public static final OpViewKind<OnnxOp> SHAPE = kind("onnx.Shape");
    public static final OpViewKind<OnnxOp> CONSTANT_OF_SHAPE = kind("onnx.ConstantOfShape");
    public static final OpViewKind<OnnxOp> RANGE = kind("onnx.Range");
    public static final OpViewKind<OnnxOp> ONE_HOT = kind("onnx.OneHot");

    private OnnxOp(Operation op) { super(op); }

    private static OpViewKind<OnnxOp> kind(String name) { return OpViewKind.of(OnnxOp::new, name); }

    /** The ONNX op type ({@code Mul}). */
    public String opType() { return name().substring("onnx.".length()); }

    /** Input {@code i}; fails if the op has fewer inputs (use {@link #hasInput} for optional ones). */
    public Value input(int i) { return operand(i); }

    /** Whether optional input {@code i} is present. */
    public boolean hasInput(int i) { return hasOperand(i); }

    public List<Value> inputs() { return op().operandValues(); }
}
