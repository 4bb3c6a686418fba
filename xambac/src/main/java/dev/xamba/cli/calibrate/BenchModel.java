package dev.xamba.cli.calibrate;

import dev.xamba.ir.OpBuilder;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the tiny {@code ov} models the calibration times: {@code copies} independent instances of one op, each on
 * its own Parameter and returned as its own Result, so that OpenVINO can neither merge them (they share no input)
 * nor skip them. The difference between 8 copies and 1 is the op's own time, without the per-inference cost.
 */
final class BenchModel {
    private final ModuleOp module = ModuleOp.create("calibration", Location.UNKNOWN);
    private final Operation func;
    private final OpBuilder builder;
    private final List<Type> inputs = new ArrayList<>();
    private final List<Value> results = new ArrayList<>();

    private BenchModel(List<TensorType> argTypes) {
        inputs.addAll(argTypes);
        func = FuncOp.create("main", new FunctionType(inputs, List.of()), Location.UNKNOWN).op();
        module.body().append(func);
        builder = OpBuilder.atEnd(new FuncOp(func).body());
    }

    /** One instance of the op under test: given its data input, adds the op (and its constants) and returns its result. */
    interface Instance {
        Value build(BenchModel m, Value input);
    }

    /** {@code copies} instances of {@code instance}, each on its own {@code input}-typed Parameter. */
    static Operation of(TensorType input, int copies, Instance instance) {
        List<TensorType> args = new ArrayList<>();
        for (int i = 0; i < copies; i++) args.add(input);
        BenchModel m = new BenchModel(args);
        FuncOp f = new FuncOp(m.func);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            names.add("x" + i);
            m.results.add(instance.build(m, f.body().argument(i)));
        }
        f.setArgNames(names);
        return m.finish();
    }

    Value op(String name, Map<String, Attribute> attrs, Value... operands) {
        return builder.create(name, List.of(operands), attrs, Location.name("bench")).result();
    }

    Value op(String name, Value... operands) { return op(name, Map.of(), operands); }

    /** The first result of a multi-result op. */
    Value firstResult(String name, Value... operands) {
        return builder.create(name, List.of(operands), Map.of(), Location.name("bench")).result(0);
    }

    Value constant(Tensor t) {
        return builder.create("ov.Constant", List.of(), Map.of("value", new DenseElementsAttr(t)), Location.UNKNOWN).result();
    }

    Value longs(long... values) {
        return constant(Tensor.ofLongs(TensorType.of(ElementType.I64, values.length), values));
    }

    Value scalarLong(long value) { return constant(Tensor.ofLongs(TensorType.scalar(ElementType.I64), new long[] {value})); }

    /** Deterministic values in [-1, 1) (no special cases such as all zeros that a kernel might shortcut). */
    Value floats(long... shape) {
        TensorType t = TensorType.of(ElementType.F32, shape);
        double[] v = new double[(int) t.numElements()];
        long s = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < v.length; i++) {
            s ^= s << 13;
            s ^= s >>> 7;
            s ^= s << 17;
            v[i] = ((s >>> 11) * 0x1.0p-53) * 2 - 1;
        }
        return constant(Tensor.ofDoubles(t, v));
    }

    private Operation finish() {
        List<Type> resultTypes = new ArrayList<>();
        for (Value v : results) resultTypes.add(v.type());
        builder.create("func.return", results, Map.of(), Location.UNKNOWN);
        new FuncOp(func).setType(new FunctionType(inputs, resultTypes));
        return module.op();
    }
}
