package dev.xamba.opt.legalize;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.testing.FunctionBuilder;
import java.util.Map;

/**
 * Builds a small {@code onnx}-dialect function {@code @main} for lowering tests; every op gets the location
 * {@code "<OpType>_<n>"} (e.g. {@code "Add_0"}) so that tests can follow provenance.
 */
final class OnnxGraph {
    private final FunctionBuilder f;
    private int next;

    private OnnxGraph(FunctionBuilder f) {
        this.f = f;
    }

    static OnnxGraph of(TensorType... inputs) {
        return new OnnxGraph(FunctionBuilder.main(inputs));
    }

    Value arg(int i) { return f.arg(i); }

    Value constant(Tensor value) {
        return op("onnx.Constant", Map.of("value", new DenseElementsAttr(value)));
    }

    /** A 1-D i64 constant. */
    Value ints(long... values) {
        return constant(Tensor.ofLongs(TensorType.of(ElementType.I64, values.length), values));
    }

    /** A 0-D i64 constant. */
    Value scalarInt(long value) {
        return constant(Tensor.ofLongs(TensorType.scalar(ElementType.I64), new long[] {value}));
    }

    /** A 0-D f32 constant. */
    Value scalarFloat(double value) {
        return constant(Tensor.ofDoubles(TensorType.scalar(ElementType.F32), new double[] {value}));
    }

    Value floats(long[] shape, double... values) {
        return constant(Tensor.ofDoubles(TensorType.of(ElementType.F32, shape), values));
    }

    Value op(String name, Value... operands) {
        return op(name, Map.of(), operands);
    }

    Value op(String name, Map<String, Attribute> attrs, Value... operands) {
        return create(name, attrs, operands).result();
    }

    Operation create(String name, Map<String, Attribute> attrs, Value... operands) {
        return f.create(name, attrs, name.substring(name.indexOf('.') + 1) + "_" + next++, operands);
    }

    ModuleOp returning(Value... results) {
        return f.returning(results);
    }

    // ---- attributes

    static IntegerAttr i64(long v) { return IntegerAttr.i64(v); }

    static ArrayAttr list(long... v) { return ArrayAttr.ofLongs(v); }

    static FloatAttr f32(double v) { return new FloatAttr(v, ElementType.F32); }

    static StringAttr str(String v) { return new StringAttr(v); }

    // ---- types

    static TensorType t(ElementType et, long... shape) { return TensorType.of(et, shape); }

    static TensorType f32t(long... shape) { return TensorType.of(ElementType.F32, shape); }

    static TensorType i64t(long... shape) { return TensorType.of(ElementType.I64, shape); }

    static TensorType boolt(long... shape) { return TensorType.of(ElementType.I1, shape); }
}
