package dev.xamba.ir.ov;

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
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OperationContext;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.TensorType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code ov} ops on constant operands (their types are inferred by {@link OpBuilder}) and runs their
 * reference evaluators.
 */
final class OvFixture {
    private final FuncOp f;
    private final OpBuilder b;

    OvFixture(TensorType... args) {
        f = FuncOp.create("t", new FunctionType(List.of(args), List.of()), Location.UNKNOWN);
        b = OpBuilder.atEnd(f.body());
    }

    Value arg(int i) {
        return f.body().argument(i);
    }

    Value c(Tensor t) {
        return b.create("ov.Constant", List.of(), Map.of("value", new DenseElementsAttr(t)), Location.UNKNOWN).result();
    }

    Value f32(long[] shape, double... values) {
        return c(Tensor.ofDoubles(TensorType.of(ElementType.F32, shape), values.clone()));
    }

    Value i64(long[] shape, long... values) {
        return c(Tensor.ofLongs(TensorType.of(ElementType.I64, shape), values.clone()));
    }

    Value ints(long... values) {
        return i64(new long[] {values.length}, values);
    }

    Value scalar(long v) {
        return i64(new long[0], v);
    }

    Value scalarF(double v) {
        return f32(new long[0], v);
    }

    Value bools(long[] shape, long... values) {
        return c(Tensor.ofLongs(TensorType.of(ElementType.I1, shape), values.clone()));
    }

    /** Creates the op (inferring its result types); throws a DiagnosticException when it does not fit. */
    Operation op(String name, Map<String, Attribute> attrs, Value... operands) {
        return b.create(name, List.of(operands), attrs, Location.name("test"));
    }

    /** Creates and evaluates the op. */
    List<Tensor> eval(String name, Map<String, Attribute> attrs, Value... operands) {
        Operation op = op(name, attrs, operands);
        OpDefinition def = op.definition().orElseThrow();
        return def.evaluate(OperationContext.of(op, def));
    }

    Tensor eval1(String name, Map<String, Attribute> attrs, Value... operands) {
        return eval(name, attrs, operands).get(0);
    }

    /** The message of the diagnostic that creating the op raises. */
    String error(String name, Map<String, Attribute> attrs, Value... operands) {
        try {
            op(name, attrs, operands);
        } catch (DiagnosticException e) {
            return e.getMessage();
        }
        throw new AssertionError(name + " was accepted");
    }

    static long[] shape(long... dims) {
        return dims;
    }

    static TensorType f32t(long... dims) {
        return TensorType.of(ElementType.F32, dims);
    }

    static Map<String, Attribute> attrs(Object... kv) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Attribute a ? a : v instanceof Boolean bo ? BoolAttr.of(bo)
                    : v instanceof Integer n ? IntegerAttr.i64(n) : v instanceof Long l ? IntegerAttr.i64(l)
                    : v instanceof Double d ? new FloatAttr(d, ElementType.F32) : v instanceof long[] arr ? ArrayAttr.ofLongs(arr)
                    : new StringAttr((String) v));
        }
        return m;
    }

    static Map<String, Attribute> none() {
        return Map.of();
    }
}
