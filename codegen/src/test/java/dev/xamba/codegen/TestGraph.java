package dev.xamba.codegen;

import dev.xamba.ir.OpBuilder;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.BuiltinDialect;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.ir.type.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a one-function {@code ov} module for a test: arguments, constants, ops, then the return. */
final class TestGraph {
    private final ModuleOp module;
    private final FuncOp main;
    private final OpBuilder builder;

    private TestGraph(String name, TensorType... inputs) {
        module = ModuleOp.create(name, Location.UNKNOWN);
        main = FuncOp.create("main", new FunctionType(List.of(inputs), List.of()), Location.UNKNOWN);
        module.body().append(main.op());
        builder = OpBuilder.atEnd(main.body());
        for (int i = 0; i < inputs.length; i++) main.body().argument(i).setNameHint("x" + i);
    }

    static TestGraph withInputs(TensorType... inputs) {
        return new TestGraph("test", inputs);
    }

    static TestGraph named(String name, TensorType... inputs) {
        return new TestGraph(name, inputs);
    }

    Value arg(int i) {
        return main.body().argument(i);
    }

    Value constant(Tensor t) {
        return create("ov.Constant", Map.of("value", new DenseElementsAttr(t)), Location.UNKNOWN).result();
    }

    Value i64s(long... values) {
        return constant(Tensor.ofLongs(TensorType.of(ElementType.I64, values.length), values.clone()));
    }

    Value i64(long value) {
        return constant(Tensor.ofLongs(TensorType.scalar(ElementType.I64), new long[] {value}));
    }

    Value f32(float value) {
        return constant(Tensor.ofDoubles(TensorType.scalar(ElementType.F32), new double[] {value}));
    }

    /** The first result of a new op. */
    Value op(String name, Map<String, Attribute> attrs, Value... operands) {
        return create(name, attrs, Location.UNKNOWN, operands).result(0);
    }

    Operation create(String name, Map<String, Attribute> attrs, Location loc, Value... operands) {
        return builder.create(name, List.of(operands), attrs, loc);
    }

    /** Inserts an op without looking it up (for unregistered ops); its result has the operand's type. */
    Value unchecked(String name, Location loc, Value operand) {
        Operation op = Operation.create(name, List.of(operand), List.of(operand.type()), Map.of(), 0, loc);
        builder.insert(op);
        return op.result();
    }

    /** Ends the function returning {@code results} and gives the module. */
    Operation ret(Value... results) {
        List<Type> types = new ArrayList<>();
        for (Value v : results) types.add(v.type());
        builder.insert(Operation.create(BuiltinDialect.RETURN, List.of(results), List.of(), Map.of(), 0, Location.UNKNOWN));
        main.setType(new FunctionType(main.type().inputs(), types));
        return module.op();
    }

    FuncOp main() {
        return main;
    }

    // ---- attribute and type shorthands

    static TensorType f32(long... shape) {
        return TensorType.of(ElementType.F32, shape);
    }

    static TensorType i64t(long... shape) {
        return TensorType.of(ElementType.I64, shape);
    }

    static TensorType bool(long... shape) {
        return TensorType.of(ElementType.I1, shape);
    }

    /** Attributes from alternating names and values. */
    static Map<String, Attribute> attrs(Object... kv) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], attr(kv[i + 1]));
        return m;
    }

    private static Attribute attr(Object v) {
        if (v instanceof Attribute a) return a;
        if (v instanceof Boolean b) return BoolAttr.of(b);
        if (v instanceof Integer i) return IntegerAttr.i64(i);
        if (v instanceof Long l) return IntegerAttr.i64(l);
        if (v instanceof Double d) return new FloatAttr(d, ElementType.F32);
        if (v instanceof String s) return new StringAttr(s);
        if (v instanceof long[] a) return ArrayAttr.ofLongs(a);
        throw new IllegalArgumentException("no attribute for " + v);
    }

    static long[] ints(long... v) {
        return v;
    }
}
