package dev.xamba.ir.onnx;

import dev.xamba.ir.OpBuilder;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Interpreter;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.BuiltinDialect;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.ir.type.Type;
import dev.xamba.ir.verify.Verifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds one-op functions of the onnx dialect and runs them, for the op tests. */
final class OnnxOps {
    private OnnxOps() {}

    static long[] shape(long... dims) { return dims; }

    static Tensor f32(long[] shape, double... v) { return Tensor.ofDoubles(TensorType.of(ElementType.F32, shape), v); }

    static Tensor f32s(double... v) { return f32(shape(v.length), v); }

    static Tensor i64(long[] shape, long... v) { return Tensor.ofLongs(TensorType.of(ElementType.I64, shape), v); }

    static Tensor i64s(long... v) { return i64(shape(v.length), v); }

    static Tensor i64(long v) { return Tensor.ofLongs(TensorType.scalar(ElementType.I64), new long[] {v}); }

    static Tensor i32(long[] shape, long... v) { return Tensor.ofLongs(TensorType.of(ElementType.I32, shape), v); }

    static Tensor bools(long[] shape, long... v) { return Tensor.ofLongs(TensorType.of(ElementType.I1, shape), v); }

    static Tensor scalar(double v) { return f32(shape(), v); }

    static TensorType type(ElementType et, long... dims) { return TensorType.of(et, dims); }

    /** Attributes from alternating names and values; long, int, double, String, long[] and Tensor are converted. */
    static Map<String, Attribute> attrs(Object... kv) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            Attribute a;
            if (v instanceof Attribute x) a = x;
            else if (v instanceof Long l) a = IntegerAttr.i64(l);
            else if (v instanceof Integer n) a = IntegerAttr.i64(n);
            else if (v instanceof Double d) a = new FloatAttr(d, ElementType.F32);
            else if (v instanceof String str) a = new StringAttr(str);
            else if (v instanceof long[] l) a = ArrayAttr.ofLongs(l);
            else if (v instanceof Tensor t) a = new DenseElementsAttr(t);
            else throw new IllegalArgumentException("attribute value " + v);
            m.put((String) kv[i], a);
        }
        return m;
    }

    /**
     * Builds {@code name(operands)} in a function: a {@link Tensor} operand becomes an {@code onnx.Constant}, a
     * {@link TensorType} operand a function argument (an unknown value). Returns the op.
     */
    static Operation build(String name, Map<String, Attribute> attrs, Object... operands) {
        List<Type> argTypes = new ArrayList<>();
        for (Object o : operands) if (o instanceof TensorType t) argTypes.add(t);
        FuncOp f = FuncOp.create("main", new FunctionType(argTypes, List.of()), Location.UNKNOWN);
        OpBuilder b = OpBuilder.atEnd(f.body());
        List<Value> values = new ArrayList<>();
        int arg = 0;
        for (Object o : operands) {
            if (o instanceof TensorType) values.add(f.body().argument(arg++));
            else values.add(b.create("onnx.Constant", List.of(), attrs("value", o), Location.UNKNOWN).result());
        }
        Operation op = b.create(name, values, attrs, Location.name("node"));
        b.create(BuiltinDialect.RETURN, op.results(), Map.of(), Location.UNKNOWN);
        List<Type> resultTypes = new ArrayList<>();
        for (Value r : op.results()) resultTypes.add(r.type());
        f.setType(new FunctionType(argTypes, resultTypes));
        Verifier.verifyOrThrow(f.op());
        return op;
    }

    /** The result types inferred for {@code name(operands)} (see {@link #build}). */
    static List<TensorType> infer(String name, Map<String, Attribute> attrs, Object... operands) {
        List<TensorType> types = new ArrayList<>();
        for (Value r : build(name, attrs, operands).results()) types.add(r.tensorType());
        return types;
    }

    /** Runs {@code name} on constant operands through the interpreter. */
    static List<Tensor> evalAll(String name, Map<String, Attribute> attrs, Tensor... operands) {
        Operation op = build(name, attrs, (Object[]) operands);
        return Interpreter.run(new FuncOp(op.parentOp()), List.of());
    }

    static Tensor eval(String name, Map<String, Attribute> attrs, Tensor... operands) {
        List<Tensor> r = evalAll(name, attrs, operands);
        if (r.size() != 1) throw new IllegalStateException(name + " gave " + r.size() + " results");
        return r.get(0);
    }

    static Tensor eval(String name, Tensor... operands) { return eval(name, Map.of(), operands); }

    static double[] doubles(Tensor t) { return t.toDoubles(); }

    static long[] longs(Tensor t) { return t.toLongs(); }
}
