package dev.xamba.frontend.text;

import static dev.xamba.frontend.text.ParserTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.BuiltinDialect;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Printer behaviour the grammar relies on, checked on IR built in code and then read back. */
class AsmPrinterContractTest {
    private static final TensorType F32 = TensorType.scalar(ElementType.F32);

    /** A module with one function {@code @f(%arg0: f32)} holding {@code op} and a return. */
    private static String printWith(Operation op) {
        ModuleOp m = ModuleOp.create(null, Location.UNKNOWN);
        FuncOp f = FuncOp.create("f", new FunctionType(List.of(F32), List.of()), Location.UNKNOWN);
        f.body().append(op);
        f.body().append(Operation.create(BuiltinDialect.RETURN, List.of(), List.of(), Map.of(), 0, Location.UNKNOWN));
        m.body().append(f.op());
        return AsmPrinter.print(m.op());
    }

    private static String opLine(String printed) { return printed.lines().toList().get(2).strip(); }

    @Test
    void resultCountsDecideTheResultSyntax() {
        Operation none = Operation.create("x.a", List.of(), List.of(), Map.of(), 0, Location.UNKNOWN);
        assertThat(opLine(printWith(none))).isEqualTo("\"x.a\"() : () -> ()");
        Operation two = Operation.create("x.b", List.of(), List.of(F32, F32), Map.of(), 0, Location.UNKNOWN);
        assertThat(opLine(printWith(two))).isEqualTo("%0:2 = \"x.b\"() : () -> (tensor<f32>, tensor<f32>)");
    }

    @Test
    void onlyI64IntegersLoseTheirTypeInsideArrays() {
        Map<String, Attribute> attrs = Map.of("a", new ArrayAttr(List.of(IntegerAttr.i64(-4), new IntegerAttr(4, ElementType.I32),
                new FloatAttr(Double.NEGATIVE_INFINITY, ElementType.F32), new FloatAttr(Double.NaN, ElementType.F64))));
        String printed = printWith(Operation.create("x.c", List.of(), List.of(), attrs, 0, Location.UNKNOWN));
        assertThat(opLine(printed)).isEqualTo("\"x.c\"() {a = [-4, 4 : i32, 0xFF800000 : f32, 0x7FF8000000000000 : f64]} : () -> ()");
        Operation back = new ModuleOp(parse(printed)).functions().get(0).body().operations().first();
        assertThat(back.attr("a")).isEqualTo(attrs.get("a"));
    }

    @Test
    void denseValuesPrintAsSplatOrNestedLists() {
        TensorType t = TensorType.of(ElementType.F16, 2, 2);
        Attribute splat = new DenseElementsAttr(Tensor.splat(t, 0.5));
        Attribute nested = new DenseElementsAttr(Tensor.ofDoubles(t, new double[] {1, 2, 3, 65504}));
        assertThat(splat).hasToString("dense<0.5> : tensor<2x2xf16>");
        // f16 values print as the shortest decimal that reads back to them: 65504 (f16's largest) as 65500.0.
        assertThat(nested).hasToString("dense<[[1.0, 2.0], [3.0, 65500.0]]> : tensor<2x2xf16>");
        String printed = printWith(Operation.create("x.d", List.of(), List.of(), Map.of("s", splat, "n", nested), 0,
                Location.UNKNOWN));
        Operation back = new ModuleOp(parse(printed)).functions().get(0).body().operations().first();
        assertThat(back.attr("s")).isEqualTo(splat);
        assertThat(back.attr("n")).isEqualTo(nested);
    }

    @Test
    void duplicateHintsAreMadeUniqueAndEveryControlCharacterIsEscaped() {
        String weird = "a\u0000b\u001f\u007f\t\n\"\\é";
        Operation first = Operation.create("x.e", List.of(), List.of(F32), Map.of("s", new StringAttr(weird)), 0,
                new Location.Fused(List.of(Location.name(weird), Location.fileLineCol("f", 1, 2))));
        first.result(0).setNameHint("v");
        ModuleOp m = ModuleOp.create("m", Location.UNKNOWN);
        FuncOp f = FuncOp.create("f", new FunctionType(List.of(), List.of()), Location.UNKNOWN);
        f.body().append(first);
        Operation second = Operation.create("x.e", List.of(first.result(0)), List.of(F32), Map.of(), 0, Location.UNKNOWN);
        second.result(0).setNameHint("v");
        f.body().append(second);
        m.body().append(f.op());
        String printed = AsmPrinter.print(m.op());
        assertThat(printed).contains("%v_1 = \"x.e\"(%v)");
        Operation back = new ModuleOp(parse(printed)).functions().get(0).body().operations().first();
        assertThat(back.attr("s")).isEqualTo(new StringAttr(weird));
        assertThat(back.location()).isEqualTo(first.location());
        assertThat(AsmPrinter.print(parse(printed))).isEqualTo(printed);
    }
}
