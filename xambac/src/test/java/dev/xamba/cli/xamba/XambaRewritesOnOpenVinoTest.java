package dev.xamba.cli.xamba;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.cli.runtime.OpenVinoEngine;
import dev.xamba.codegen.OvIrWriter;
import dev.xamba.codegen.WriterOptions;
import dev.xamba.frontend.text.TextIrParser;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.cost.RewriteDecision;
import dev.xamba.opt.pass.PassContext;
import dev.xamba.opt.pass.PassManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every XAMBA rewrite keeps the numerics on the real OpenVINO CPU runtime: each case runs as OpenVINO IR before
 * and after the forced rewrite, on the same seeded random inputs, and the outputs agree within 1e-5 relative.
 */
class XambaRewritesOnOpenVinoTest {
    private static OpenVinoEngine engine;

    @BeforeAll static void runtime() {
        engine = new OpenVinoEngine("CPU", true);
    }

    @AfterAll static void close() {
        if (engine != null) engine.close();
    }

    /** {@code @main(%a, %b)} computing (shapes are spelled without their element type, f32) {@code ReduceSum(Multiply(a, b), axes)}. */
    private static String contraction(String a, String b, String product, String axes, boolean keep, String out) {
        int n = axes.split(",").length;
        return """
            module {
              func.func @main(%a: tensor<A>, %b: tensor<B>) -> tensor<O> {
                %p = "ov.Multiply"(%a, %b) : (tensor<A>, tensor<B>) -> tensor<P>
                %axes = "ov.Constant"() {value = dense<[X]> : tensor<Nxi64>} : () -> tensor<Nxi64>
                %s = "ov.ReduceSum"(%p, %axes) {keep_dims = K} : (tensor<P>, tensor<Nxi64>) -> tensor<O>
                func.return %s : tensor<O>
              }
            }
            """.replace("<A>", "<" + a + "xf32>").replace("<B>", "<" + b + "xf32>").replace("<P>", "<" + product + "xf32>")
                .replace("<O>", "<" + out + "xf32>").replace("[X]", "[" + axes + "]").replace("<N", "<" + n).replace("K", Boolean.toString(keep));
    }

    private static String unary(String op, String attrs, String operand, String x, String extra) {
        return """
            module {
              func.func @main(%x: tensor<X>) -> tensor<X> {
                EXTRA
                %y = "OP"(%x OPERAND) ATTRS : (tensor<X> TYPES) -> tensor<X>
                func.return %y : tensor<X>
              }
            }
            """.replace(" OPERAND", operand.isEmpty() ? "" : ", " + operand).replace("OP", op).replace("ATTRS", attrs)
                .replace("EXTRA", extra)
                .replace(" TYPES", operand.isEmpty() ? "" : ", tensor<i64>").replace("<X>", "<" + x + "xf32>");
    }

    @ParameterizedTest(name = "contract {0}·{1} over [{3}]")
    @CsvSource(delimiter = ';', value = {
            "1x1x16x1x4x8; 1x1x1x16x4x8; 1x1x16x16x4x8; -1; false; 1x1x16x16x4",
            "1x1x16x16x4x1; 1x1x1x16x4x6; 1x1x16x16x4x6; 3; false; 1x1x16x4x6",
            "1x1x16x4x1x8; 1x1x16x4x6x1; 1x1x16x4x6x8; 2; false; 1x1x4x6x8",
            "3x1x5; 1x4x5; 3x4x5; -1,0; true; 1x4x1",
            "5; 4x5; 4x5; 1; false; 4"})
    void contractionRecoveryMatchesOnOpenVino(String a, String b, String p, String axes, boolean keep, String out) {
        assertSameOnOpenVino(contraction(a, b, p, axes, keep, out), "xamba-contract{force}");
    }

    @ParameterizedTest(name = "cumba axis {0} exclusive {1} reverse {2}")
    @CsvSource({"-1,false,false", "1,true,false", "0,false,true", "2,true,true"})
    void cumbaMatchesOnOpenVino(int axis, boolean exclusive, boolean reverse) {
        String axisConst = "%axis = \"ov.Constant\"() {value = dense<" + axis + "> : tensor<i64>} : () -> tensor<i64>";
        assertSameOnOpenVino(unary("ov.CumSum", "{exclusive = " + exclusive + ", reverse = " + reverse + "}", "%axis",
                "3x16x5", axisConst), "xamba-cumba{force}");
    }

    @ParameterizedTest(name = "reduba {0} over [{1}] keep_dims {2}")
    @CsvSource(delimiter = ';', value = {"ov.ReduceSum; 2; false; 3x4", "ov.ReduceMean; 1; true; 3x1x5",
            "ov.ReduceSum; 0,2; false; 4", "ov.ReduceMean; -1; true; 3x4x1"})
    void redubaMatchesOnOpenVino(String op, String axes, boolean keep, String out) {
        int n = axes.split(",").length;
        String text = """
            module {
              func.func @main(%x: tensor<3x4x5xf32>) -> tensor<O> {
                %axes = "ov.Constant"() {value = dense<[X]> : tensor<Nxi64>} : () -> tensor<Nxi64>
                %y = "OP"(%x, %axes) {keep_dims = K} : (tensor<3x4x5xf32>, tensor<Nxi64>) -> tensor<O>
                func.return %y : tensor<O>
              }
            }
            """.replace("OP", op).replace("<O>", "<" + out + "xf32>").replace("[X]", "[" + axes + "]")
                .replace("<N", "<" + n).replace("K", Boolean.toString(keep));
        assertSameOnOpenVino(text, "xamba-reduba{force}");
    }

    @ParameterizedTest(name = "actiba {0}")
    @CsvSource({"ov.SoftPlus", "ov.Swish"})
    void actibaStaysWithinItsRecordedBoundOnOpenVino(String op) {
        assertSameOnOpenVino(unary(op, "", "", "4x64", ""), "xamba-actiba{force max-error=0.01}", 0.01 + 1e-5);
    }

    private static void assertSameOnOpenVino(String text, String pipeline) {
        assertSameOnOpenVino(text, pipeline, 1e-5);
    }

    /** Runs before and after {@code pipeline}; every output element within {@code tol} × max(1, |expected|). */
    private static void assertSameOnOpenVino(String text, String pipeline, double tol) {
        Operation module = TextIrParser.parse(text, "case.xir");
        FuncOp main = new ModuleOp(module).function("main").orElseThrow();
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < main.body().arguments().size(); i++) {
            Value arg = main.body().argument(i);
            inputs.put(main.argName(i), gaussian(arg.tensorType(), random));
        }
        Map<String, Tensor> before = engine.run(OvIrWriter.render(module, WriterOptions.DEFAULT), "case.xir", inputs);
        PassContext ctx = PassManager.parse(pipeline, PassManager.Options.defaults().withVerifyEach(true)).run(module);
        assertThat(ctx.decisions()).as(AsmPrinter.print(module)).singleElement()
                .satisfies(d -> assertThat(d.applied()).as(d.reason()).isTrue());
        Map<String, Tensor> after = engine.run(OvIrWriter.render(module, WriterOptions.DEFAULT), "case.xir (rewritten)", inputs);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String name : before.keySet()) {
            Tensor e = before.get(name);
            Tensor a = after.get(name);
            assertThat(a.type()).isEqualTo(e.type());
            for (int i = 0; i < e.size(); i++) {
                assertThat(Math.abs(a.getDouble(i) - e.getDouble(i)))
                        .as("element %d of %s", i, name).isLessThanOrEqualTo(tol * Math.max(1, Math.abs(e.getDouble(i))));
            }
        }
    }

    private static Tensor gaussian(TensorType t, Random random) {
        double[] v = new double[Math.toIntExact(t.numElements())];
        for (int i = 0; i < v.length; i++) v[i] = 3 * random.nextGaussian();
        return Tensor.ofDoubles(t, v);
    }
}
