package dev.xamba.codegen;

import static dev.xamba.codegen.TestGraph.attrs;

import dev.xamba.codegen.RoundTrip.Tolerance;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.eval.Interpreter;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pass.PassManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code onnx} ops lowered by {@code legalize-ov}, written and run on OpenVINO's CPU plugin with chosen inputs,
 * against the Java reference evaluator run on the {@code onnx} ops before lowering (ONNX's semantics). These are
 * the corners where the ov op's plugin kernel does not compute what the op's specification suggests, so a lowering
 * that is right in the reference evaluator can still be wrong on the device.
 */
class LoweringOnOpenVinoTest {

    // ---- OneHot

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"I8", "U8", "I16", "I32", "I64"})
    void oneHotLoadsAndWrapsNegativeIndicesOfEveryIntegerType(ElementType type) {
        // The CPU plugin's OneHot takes i32 indices only; a depth that the index type cannot hold (300 > 255, 40000
        // > 32767) must still wrap -1 to depth - 1.
        long depth = type == ElementType.I16 ? 40000 : 300;
        long[] indices = type == ElementType.U8 ? new long[] {0, 5, 255, 7} : new long[] {-1, 5, type == ElementType.I8 ? -128 : -30000, 7};
        TestGraph g = TestGraph.withInputs(TensorType.of(type, 4));
        Value oneHot = g.op("onnx.OneHot", attrs("axis", -1L), g.arg(0), onnxConstant(g, scalar(ElementType.I64, depth)),
                onnxConstant(g, Tensor.ofDoubles(TensorType.of(ElementType.F32, 2), new double[] {0, 1})));
        // Comparing a 4 x depth one-hot tensor element by element also checks that nothing else is set.
        lowerAndRun(g.ret(oneHot), Tolerance.F32, Tensor.ofLongs(TensorType.of(type, 4), indices));
    }

    // ---- Range

    @ParameterizedTest(name = "{0} Range({1}, {2}, {3})")
    @CsvSource({"I64, 10, 3, 1", "I64, 3, 10, -1", "I64, 5, 4, 2", "I64, 0, 7, 3", "I64, 7, -2, -3", "I64, 4, 4, 1",
        "I32, 10, 3, 1", "I32, 3, 10, -1", "I32, 0, 7, 3", "F32, 10, 3, 1", "F32, 3, 10, -1", "F32, 5, 4, 2",
        "F32, 0.5, 7, 1.5", "F32, 7, -2, -2.5"})
    void rangeWithRunTimeOperandsHasOnnxsElementCount(ElementType type, double start, double limit, double delta) {
        // The CPU plugin counts ceil(|limit - start| / |delta|): Range(10, 3, 1) gave 7 elements where ONNX has none.
        TestGraph g = TestGraph.withInputs(TensorType.scalar(type), TensorType.scalar(type), TensorType.scalar(type));
        Value range = g.op("onnx.Range", Map.of(), g.arg(0), g.arg(1), g.arg(2));
        lowerAndRun(g.ret(range), Tolerance.F32, scalar(type, start), scalar(type, limit), scalar(type, delta));
    }

    @ParameterizedTest(name = "Range({0}, {1}, {2})")
    @CsvSource({"10, 3, 1", "3, 10, -1", "0, 7, 3"})
    void rangeOfConstantsHasOnnxsElementCount(long start, long limit, long delta) {
        // legalize-ov alone (no folding afterwards): OpenVINO computes the op from the three constants.
        TestGraph g = TestGraph.withInputs(TensorType.of(ElementType.I64, 2));
        Value range = g.op("onnx.Range", Map.of(), onnxConstant(g, scalar(ElementType.I64, start)),
                onnxConstant(g, scalar(ElementType.I64, limit)), onnxConstant(g, scalar(ElementType.I64, delta)));
        Value sum = g.op("onnx.ReduceSum", attrs("keepdims", 0L), g.op("onnx.Concat", attrs("axis", 0L), g.arg(0), range));
        lowerAndRun(g.ret(range, sum), Tolerance.F32, vector(ElementType.I64, 1, 2));
    }

    // ---- Cast

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"F32", "F16"})
    void castOfNanToBoolIsTrue(ElementType type) {
        // ONNX maps every non-zero value to true, NaN included; the CPU plugin's Convert to boolean maps NaN to false.
        TestGraph g = TestGraph.withInputs(TensorType.of(type, 6));
        Value cast = g.op("onnx.Cast", attrs("to", 9L), g.arg(0)); // 9: BOOL
        lowerAndRun(g.ret(cast), Tolerance.F32, vector(type, Double.NaN, 0.0, -0.0, 1e-3, Double.NEGATIVE_INFINITY, -2.5));
    }

    // ---- Expand

    @ParameterizedTest(name = "Expand(3x1, {0})")
    @CsvSource({"'2, 3, 4'", "'1, 1, 5'", "'3, 1'", "'1'"})
    void expandOfAStaticInputToARunTimeShape(String shape) {
        // onnx.Expand infers ?x3x? for a rank-3 shape; ov.Broadcast gave ?x?x? and legalize-ov refused the model.
        double[] dims = java.util.Arrays.stream(shape.split(",")).mapToDouble(d -> Double.parseDouble(d.trim())).toArray();
        TestGraph g = TestGraph.withInputs(TensorType.of(ElementType.F32, 3, 1), TensorType.of(ElementType.I64, dims.length));
        Value expand = g.op("onnx.Expand", Map.of(), g.arg(0), g.arg(1));
        lowerAndRun(g.ret(expand), Tolerance.F32, vector(ElementType.F32, 1, 2, 3).reshape(TensorType.of(ElementType.F32, 3, 1)),
                vector(ElementType.I64, dims));
    }

    // ---- 8-bit integer arithmetic

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"I8", "U8"})
    void eightBitArithmeticWrapsAsInOnnx(ElementType type) {
        // The CPU plugin saturates i8/u8 Add, Subtract, Multiply, Negative and Abs (250 + 10 gave 255, not 4).
        boolean signed = type == ElementType.I8;
        double[] a = signed ? new double[] {120, -128, 100, -100, 127, 5} : new double[] {250, 3, 100, 200, 255, 7};
        double[] b = signed ? new double[] {10, 1, 100, -100, -1, -3} : new double[] {10, 5, 200, 3, 2, 9};
        TestGraph g = TestGraph.withInputs(TensorType.of(type, 6), TensorType.of(type, 6));
        Value add = g.op("onnx.Add", Map.of(), g.arg(0), g.arg(1));
        Value sub = g.op("onnx.Sub", Map.of(), g.arg(0), g.arg(1));
        Value mul = g.op("onnx.Mul", Map.of(), g.arg(0), g.arg(1));
        Value abs = g.op("onnx.Abs", Map.of(), g.arg(0));
        Operation module = signed ? g.ret(add, sub, mul, abs, g.op("onnx.Neg", Map.of(), g.arg(0))) : g.ret(add, sub, mul, abs);
        lowerAndRun(module, Tolerance.F32, vector(type, a), vector(type, b));
    }

    // ---- helpers

    static Value onnxConstant(TestGraph g, Tensor value) {
        return g.op("onnx.Constant", attrs("value", new DenseElementsAttr(value)));
    }

    static Tensor scalar(ElementType type, double value) {
        TensorType t = TensorType.scalar(type);
        return type.isFloat() ? Tensor.ofDoubles(t, new double[] {value}) : Tensor.ofLongs(t, new long[] {(long) value});
    }

    static Tensor vector(ElementType type, double... values) {
        TensorType t = TensorType.of(type, values.length);
        if (type.isFloat()) return Tensor.ofDoubles(t, values);
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) longs[i] = (long) values[i];
        return Tensor.ofLongs(t, longs);
    }

    /**
     * Evaluates the {@code onnx} module on {@code inputs}, lowers it with {@code legalize-ov} alone, runs the result
     * on OpenVINO's CPU plugin and compares; returns OpenVINO's outputs.
     */
    static List<Tensor> lowerAndRun(Operation module, Tolerance tol, Tensor... inputs) {
        FuncOp main = new ModuleOp(module).function("main").orElseThrow();
        List<Tensor> expected = Interpreter.run(main, List.of(inputs));
        PassManager.parse("legalize-ov", PassManager.Options.defaults().withVerifyEach(true)).run(module);
        return RoundTrip.runAndCompare(module, List.of(inputs), expected, tol, WriterOptions.DEFAULT);
    }
}
