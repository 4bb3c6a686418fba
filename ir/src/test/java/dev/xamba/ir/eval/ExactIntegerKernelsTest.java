package dev.xamba.ir.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.OpBuilder;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OperationContext;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Integer reductions and matrix products are exact in both dialects: they share one kernel that accumulates in
 * long, so 2^53 + 1 (which a double cannot hold) survives.
 */
class ExactIntegerKernelsTest {
    private static final long TWO_TO_53 = 1L << 53;

    /** Evaluates {@code dialect.name(operands...)}, each operand a {@code dialect.Constant}. */
    private static Tensor eval(String dialect, String name, Map<String, Attribute> attrs, Tensor... operands) {
        FuncOp f = FuncOp.create("t", new FunctionType(List.of(), List.of()), Location.UNKNOWN);
        OpBuilder b = OpBuilder.atEnd(f.body());
        Value[] values = Arrays.stream(operands).map(t -> b.create(dialect + ".Constant", List.of(),
                Map.<String, Attribute>of("value", new DenseElementsAttr(t)), Location.UNKNOWN).result()).toArray(Value[]::new);
        Operation op = b.create(dialect + "." + name, List.of(values), attrs, Location.name("test"));
        OpDefinition def = op.definition().orElseThrow();
        return def.evaluate(OperationContext.of(op, def)).get(0);
    }

    private static Tensor i64(long[] shape, long... values) {
        return Tensor.ofLongs(TensorType.of(ElementType.I64, shape), values);
    }

    @ParameterizedTest
    @ValueSource(strings = {"onnx", "ov"})
    void reduceSumOfTwoToThe53AndOneIsExact(String dialect) {
        Tensor sum = eval(dialect, "ReduceSum", Map.of(), i64(new long[] {2}, TWO_TO_53, 1), i64(new long[] {1}, 0));
        assertThat(sum.toLongs()).containsExactly(TWO_TO_53 + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"onnx", "ov"})
    void reduceProductAndMeanOfLargeIntegersAreExact(String dialect) {
        Tensor mean = eval(dialect, "ReduceMean", Map.of(), i64(new long[] {2}, TWO_TO_53 + 1, TWO_TO_53 + 3), i64(new long[] {1}, 0));
        assertThat(mean.toLongs()).containsExactly(TWO_TO_53 + 2);
        if (dialect.equals("ov")) {
            Tensor prod = eval(dialect, "ReduceProd", Map.of(), i64(new long[] {2}, TWO_TO_53 + 1, 3), i64(new long[] {1}, 0));
            assertThat(prod.toLongs()).containsExactly(3 * TWO_TO_53 + 3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"onnx", "ov"})
    void integerMatMulIsExact(String dialect) {
        // [2^53, 1] · [[1], [1]] = 2^53 + 1
        Tensor product = eval(dialect, "MatMul", Map.of(), i64(new long[] {1, 2}, TWO_TO_53, 1), i64(new long[] {2, 1}, 1, 1));
        assertThat(product.toLongs()).containsExactly(TWO_TO_53 + 1);
    }
}
