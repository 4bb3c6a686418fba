package dev.xamba.ir.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.OpBuilder;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.BuiltinDialect;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.ir.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpreterTest {
    private static final TensorType X = TensorType.of(ElementType.F32, -1, 3);

    /** {@code y = CumSum(x * 2, axis 1)}, {@code z = Shape(x)}: inputs x (dynamic batch), results y and z. */
    private static FuncOp program() {
        FuncOp f = FuncOp.create("main", new FunctionType(List.of(X), List.of()), Location.UNKNOWN);
        Value x = f.body().argument(0);
        x.setNameHint("input_ids");
        OpBuilder b = OpBuilder.atEnd(f.body());
        Value two = constant(b, Tensor.ofDoubles(TensorType.scalar(ElementType.F32), new double[] {2}));
        Value axis = constant(b, Tensor.ofLongs(TensorType.scalar(ElementType.I64), new long[] {1}));
        Value doubled = b.create("onnx.Mul", List.of(x, two), Map.of(), Location.name("mul")).result();
        Value y = b.create("onnx.CumSum", List.of(doubled, axis), Map.of("reverse", (Attribute) IntegerAttr.i64(1)),
                Location.name("cumsum")).result();
        Value z = b.create("onnx.Shape", List.of(x), Map.of(), Location.name("shape")).result();
        b.create(BuiltinDialect.RETURN, List.of(y, z), Map.of(), Location.UNKNOWN);
        List<Type> results = new ArrayList<>(List.of(y.type(), z.type()));
        f.setType(new FunctionType(List.of(X), results));
        return f;
    }

    private static Value constant(OpBuilder b, Tensor t) {
        return b.create("onnx.Constant", List.of(), Map.of("value", (Attribute) new DenseElementsAttr(t)), Location.UNKNOWN).result();
    }

    private static Tensor input(long rows, double... v) { return Tensor.ofDoubles(TensorType.of(ElementType.F32, rows, 3), v); }

    @Test
    void runsAFunctionInBlockOrder() {
        List<Tensor> out = Interpreter.run(program(), List.of(input(2, 1, 2, 3, 4, 5, 6)));
        assertThat(out).hasSize(2);
        assertThat(out.get(0).type()).isEqualTo(TensorType.of(ElementType.F32, 2, 3));
        assertThat(out.get(0).toDoubles()).containsExactly(12, 10, 6, 30, 22, 12);
        assertThat(out.get(1).toLongs()).containsExactly(2, 3);
    }

    @Test
    void matchesInputsByArgumentName() {
        List<Tensor> out = Interpreter.run(program(), Map.of("input_ids", input(1, 1, 1, 1)));
        assertThat(out.get(0).toDoubles()).containsExactly(6, 4, 2);
    }

    @Test
    void reportsEveryComputedOpToTheObserver() {
        List<String> seen = new ArrayList<>();
        Interpreter.run(program(), List.of(input(1, 0, 0, 0)), (op, results) -> seen.add(op.name()));
        assertThat(seen).containsExactly("onnx.Constant", "onnx.Constant", "onnx.Mul", "onnx.CumSum", "onnx.Shape");
    }

    @Test
    void rejectsInputsOfTheWrongTypeOrName() {
        Tensor wrong = Tensor.ofDoubles(TensorType.of(ElementType.F32, 1, 4), new double[4]);
        assertThatThrownBy(() -> Interpreter.run(program(), List.of(wrong)))
                .isInstanceOf(DiagnosticException.class)
                .hasMessageContaining("input 'input_ids' (argument #0) is tensor<1x4xf32> but the function expects tensor<?x3xf32>");
        assertThatThrownBy(() -> Interpreter.run(program(), Map.of("ids", input(1, 0, 0, 0))))
                .isInstanceOf(DiagnosticException.class).hasMessageContaining("no value given for input 'input_ids' (given: [ids])");
        assertThatThrownBy(() -> Interpreter.run(program(), List.of()))
                .isInstanceOf(DiagnosticException.class).hasMessageContaining("expects 1 input, got 0");
    }

    @Test
    void aFailingOpIsReportedAtItsLocation() {
        TensorType i = TensorType.of(ElementType.I64, 2);
        FuncOp f = FuncOp.create("div", new FunctionType(List.of(i, i), List.of(i)), Location.UNKNOWN);
        OpBuilder b = OpBuilder.atEnd(f.body());
        Operation div = b.create("onnx.Div", List.of(f.body().argument(0), f.body().argument(1)), Map.of(), Location.name("/layer/Div"));
        b.create(BuiltinDialect.RETURN, List.of(div.result()), Map.of(), Location.UNKNOWN);
        Tensor a = Tensor.ofLongs(i, new long[] {1, 2});
        Tensor zero = Tensor.ofLongs(i, new long[] {1, 0});
        assertThat(Interpreter.run(f, List.of(a, a)).get(0).toLongs()).containsExactly(1, 1);
        assertThatThrownBy(() -> Interpreter.run(f, List.of(a, zero)))
                .isInstanceOf(DiagnosticException.class)
                .hasMessage("\"/layer/Div\": error: 'onnx.Div' op integer division by zero");
    }

    @Test
    void returnsAnArgumentPassedStraightThrough() {
        FuncOp f = FuncOp.create("id", new FunctionType(List.of(X), List.of(X, X)), Location.UNKNOWN);
        OpBuilder.atEnd(f.body()).create(BuiltinDialect.RETURN, List.of(f.body().argument(0), f.body().argument(0)), Map.of(),
                Location.UNKNOWN);
        Tensor in = input(1, 1, 2, 3);
        assertThat(Interpreter.run(f, List.of(in))).containsExactly(in, in);
    }
}
