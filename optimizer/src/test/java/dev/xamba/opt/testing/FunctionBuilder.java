package dev.xamba.opt.testing;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds small test modules through the IR's own API (no textual parser): a function's arguments are given up
 * front, ops are appended, and {@link #returning} closes the function with a signature taken from the values.
 */
public final class FunctionBuilder {
    private final ModuleOp module;
    private final Operation func;
    private final List<Type> inputs;
    private final OpBuilder builder;

    private FunctionBuilder(ModuleOp module, String name, List<Type> inputs) {
        this.module = module;
        this.inputs = inputs;
        // The real signature is set by returning(); results are unknown until then.
        this.func = FuncOp.create(name, new FunctionType(inputs, List.of()), Location.UNKNOWN).op();
        module.body().append(func);
        this.builder = OpBuilder.atEnd(new FuncOp(func).body());
    }

    /** A function {@code @main} in a new module {@code @test}. */
    public static FunctionBuilder main(TensorType... inputs) {
        return in(ModuleOp.create("test", Location.UNKNOWN), "main", inputs);
    }

    /** Another function in an existing module. */
    public static FunctionBuilder in(ModuleOp module, String name, TensorType... inputs) {
        return new FunctionBuilder(module, name, List.of(inputs));
    }

    public Value arg(int i) { return new FuncOp(func).body().argument(i); }

    public Value constant(String nameHint, Tensor value) {
        Value v = builder.create("ov.Constant", List.of(), Map.of("value", new DenseElementsAttr(value)), Location.UNKNOWN).result();
        v.setNameHint(nameHint);
        return v;
    }

    public Value op(String name, Value... operands) { return op(name, Map.of(), null, operands); }

    public Value op(String name, Map<String, Attribute> attrs, String loc, Value... operands) {
        return create(name, attrs, loc, operands).result();
    }

    public Operation create(String name, Map<String, Attribute> attrs, String loc, Value... operands) {
        return builder.create(name, Arrays.asList(operands), attrs, loc == null ? Location.UNKNOWN : Location.name(loc));
    }

    /** Ends the function with {@code func.return results} and returns the module. */
    public ModuleOp returning(Value... results) {
        builder.create("func.return", Arrays.asList(results), Map.of(), Location.UNKNOWN);
        List<Type> resultTypes = new ArrayList<>();
        for (Value v : results) resultTypes.add(v.type());
        new FuncOp(func).setType(new FunctionType(inputs, resultTypes));
        return module;
    }

    // ---- tensors

    public static TensorType f32(long... shape) { return TensorType.of(ElementType.F32, shape); }

    public static TensorType i64(long... shape) { return TensorType.of(ElementType.I64, shape); }

    public static Tensor floats(long[] shape, double... values) { return Tensor.ofDoubles(f32(shape), values); }

    public static Tensor longs(long[] shape, long... values) { return Tensor.ofLongs(i64(shape), values); }

    public static long[] shape(long... dims) { return dims; }

    /** Counts the ops named {@code name} in a module (nested). */
    public static long count(ModuleOp module, String name) {
        return module.functions().stream().flatMap(f -> f.body().operations().stream()).filter(o -> o.isA(name)).count();
    }
}
