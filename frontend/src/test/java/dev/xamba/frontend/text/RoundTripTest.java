package dev.xamba.frontend.text;

import static dev.xamba.frontend.text.ParserTestSupport.parse;
import static dev.xamba.frontend.text.ParserTestSupport.print;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.ElementType;
import org.junit.jupiter.api.Test;

/** Printed text parses back to IR that prints the same text, byte for byte. */
class RoundTripTest {

    private static final String TINY = """
            module @tiny {
              func.func @main(%arg0: tensor<1x4x8xf32>) -> tensor<1x4x8xf32> {
                %axis = "ov.Constant"() {value = dense<1> : tensor<i64>} : () -> tensor<i64>
                %0 = "ov.CumSum"(%arg0, %axis) {exclusive = false, reverse = false} : (tensor<1x4x8xf32>, tensor<i64>) -> tensor<1x4x8xf32> loc("cs")
                func.return %0 : tensor<1x4x8xf32>
              }
            }
            """;

    private static final String ATTRIBUTES = """
            module @attrs {
              func.func @all(%x: tensor<?x4xf32>, %arg1: tensor<2x2xi1>) -> (tensor<?x4xf32>, tensor<2x2xi1>) {
                %0 = "test.attrs"(%x) {a = 3 : i64, b = -7 : i32, c = 255 : u8, d = 1.0E-5 : f32, e = -1.5 : f64, f = 0xFF800000 : f32, g = 0x7FC00000 : f32, h = 0x7C00 : f16, i = 1.5 : bf16, j = true, k = "tab\\tquote\\"back\\\\slash\\nctl\\01", l = [0, 2, 1], m = [1 : i32, [true, "s"], 2.5 : f64], n = tensor<1x?xf16>, o = (tensor<4xf32>, tensor<i64>) -> tensor<4xf32>, p = () -> (), "quoted key" = false} : (tensor<?x4xf32>) -> tensor<?x4xf32> loc("a\\"b")
                func.return %0, %arg1 : tensor<?x4xf32>, tensor<2x2xi1>
              }
            }
            """;

    private static final String DENSE_AND_MULTI_RESULT = """
            module {
              func.func @dense() -> tensor<1x2xf32> {
                %0 = "ov.Constant"() {value = dense<[[1.0, 2.0], [3.0, 0xFF800000]]> : tensor<2x2xf32>} : () -> tensor<2x2xf32>
                %1 = "ov.Constant"() {value = dense<[[true, false], [false, true]]> : tensor<2x2xi1>} : () -> tensor<2x2xi1>
                %2 = "ov.Constant"() {value = dense<[]> : tensor<0xi64>} : () -> tensor<0xi64>
                %3 = "ov.Constant"() {value = dense<-2.5> : tensor<3x3xf16>} : () -> tensor<3x3xf16>
                %4 = "ov.Constant"() {value = dense<[[], []]> : tensor<2x0xf32>} : () -> tensor<2x0xf32>
                %5 = "ov.Constant"() {value = dense<[1, -2, 3]> : tensor<3xi8>} : () -> tensor<3xi8>
                %6:2 = "test.split"(%0) : (tensor<2x2xf32>) -> (tensor<1x2xf32>, tensor<1x2xf32>) loc(fused["a", "f.xir":1:2])
                %7 = "ov.Add"(%6#0, %6#1) {auto_broadcast = "numpy"} : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x2xf32> loc("f.xir":12:5)
                "test.sink"(%7) : (tensor<1x2xf32>) -> ()
                func.return %7 : tensor<1x2xf32>
              }
              func.func @"second fn"() {
                %0 = "test.nothing"() : () -> tensor<f32>
                func.return loc("r")
              }
            }
            """;

    @Test
    void printedModulesPrintBackIdentically() {
        assertThat(print(TINY)).isEqualTo(TINY);
        assertThat(print(ATTRIBUTES)).isEqualTo(ATTRIBUTES);
        assertThat(print(DENSE_AND_MULTI_RESULT)).isEqualTo(DENSE_AND_MULTI_RESULT);
    }

    @Test
    void attributeValuesAreDecoded() {
        Operation op = new ModuleOp(parse(ATTRIBUTES)).functions().get(0).body().operations().first();
        assertThat(op.attr("a")).isEqualTo(IntegerAttr.i64(3));
        assertThat(op.attr("c")).isEqualTo(new IntegerAttr(255, ElementType.U8));
        assertThat(op.attr("f")).isEqualTo(new FloatAttr(Double.NEGATIVE_INFINITY, ElementType.F32));
        assertThat(((FloatAttr) op.attr("g")).value()).isNaN();
        assertThat(op.attr("h")).isEqualTo(new FloatAttr(Double.POSITIVE_INFINITY, ElementType.F16));
        assertThat(op.attr("k")).isEqualTo(new StringAttr("tab\tquote\"back\\slash\nctl\u0001"));
        assertThat(op.attr("l")).isEqualTo(ArrayAttr.ofLongs(0, 2, 1));
        assertThat(op.location()).isEqualTo(Location.name("a\"b"));
    }

    @Test
    void denseNegativeInfinityKeepsItsBits() {
        Operation c = new ModuleOp(parse(DENSE_AND_MULTI_RESULT)).functions().get(0).body().operations().first();
        double[] v = ((DenseElementsAttr) c.attr("value")).value().toDoubles();
        assertThat(v).containsExactly(1.0, 2.0, 3.0, Double.NEGATIVE_INFINITY);
    }

    @Test
    void multiResultUsesReferToTheRightResult() {
        var ops = new ModuleOp(parse(DENSE_AND_MULTI_RESULT)).functions().get(0).body().operations().toList();
        Operation split = ops.get(6);
        Operation add = ops.get(7);
        assertThat(add.operand(0)).isSameAs(split.result(0));
        assertThat(add.operand(1)).isSameAs(split.result(1));
        assertThat(split.location()).isEqualTo(new Location.Fused(
                java.util.List.of(Location.name("a"), Location.fileLineCol("f.xir", 1, 2))));
    }

    @Test
    void implicitModuleWrapsBareFunctions() {
        String bare = """
                // a file of functions without a module
                func.func @f(%a: tensor<f32>) -> tensor<f32> {
                  func.return %a : tensor<f32> // trailing comment
                }
                func.func @g() {
                  func.return
                }
                """;
        assertThat(print(bare)).isEqualTo("""
                module {
                  func.func @f(%a: tensor<f32>) -> tensor<f32> {
                    func.return %a : tensor<f32>
                  }
                  func.func @g() {
                    func.return
                  }
                }
                """);
        assertThat(print("// nothing but a comment\n")).isEqualTo("module {\n}\n");
    }

    @Test
    void nonCanonicalInputIsStableAfterOnePrint() {
        String messy = """
                module { func.func @f(%a: tensor<f32>) -> (tensor<f32>) {
                  %r:2 = "x.y"(%a, %b) : (tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>) // forward use of %b
                  %b = "x.z"(%r) {w = dense<[2, 2]> : tensor<2xf32>, v = 1 : f32} : (tensor<f32>) -> tensor<f32> loc(unknown)
                  %77 = "x.w"(%r#1) : (tensor<f32>) -> (tensor<f32>)
                  func.return %77 : tensor<f32> } }
                """;
        String once = print(messy);
        assertThat(once).isEqualTo("""
                module {
                  func.func @f(%a: tensor<f32>) -> tensor<f32> {
                    %r:2 = "x.y"(%a, %b) : (tensor<f32>, tensor<f32>) -> (tensor<f32>, tensor<f32>)
                    %b = "x.z"(%r#0) {v = 1.0 : f32, w = dense<2.0> : tensor<2xf32>} : (tensor<f32>) -> tensor<f32>
                    %0 = "x.w"(%r#1) : (tensor<f32>) -> tensor<f32>
                    func.return %0 : tensor<f32>
                  }
                }
                """);
        assertThat(print(once)).isEqualTo(once);
    }

    /**
     * A decimal is rounded once to its element type: through a double first, these three were rounded twice
     * (each is just above a tie of its type whose double is the tie, which rounds to even, down). An integer
     * literal of a float type may be larger than an i64.
     */
    @Test
    void decimalLiteralsAreRoundedOnceToTheirType() {
        assertThat(printedDense("1.0000000596046448", "f32")).isEqualTo("1.0000001");
        assertThat(printedDense("1.00048828125000001", "f16")).isEqualTo("1.001"); // 1 + 2^-10, as its shortest decimal
        assertThat(printedDense("1.00390625000000001", "bf16")).isEqualTo("1.01"); // 1 + 2^-7 = 1.0078125, nearer 1.01 than 1 + 2^-6
        assertThat(printedDense("-1.00048828125000001", "f16")).isEqualTo("-1.001");
        assertThat(printedDense("1.00048828125", "f16")).isEqualTo("1.0"); // the tie itself: to even
        assertThat(printedDense("1.00146484375", "f16")).isEqualTo("1.002"); // a tie whose even neighbour (1 + 2^-9) is above
        assertThat(printedDense("100000000000000000000", "f32")).isEqualTo("1.0E20");
    }

    /**
     * An f16 or bf16 value prints as the shortest decimal that reads back to it, and so prints the same after a round
     * trip as before: a value given as 0.1 printed "0.1" from the API but "0.099975586" (the float's shortest) once
     * parsed back.
     */
    @Test
    void halfValuesPrintAsTheirShortestDecimalAndStayPrintedSo() {
        for (String type : java.util.List.of("f16", "bf16")) {
            for (String literal : java.util.List.of("0.1", "1.0E-4", "-2.5", "0.333", "6.0E-8", "-0.0")) {
                String once = printedDense(literal, type);
                assertThat(printedDense(once, type)).as("%s : %s", literal, type).isEqualTo(once);
                assertThat(once.length()).as("%s : %s printed %s", literal, type, once).isLessThanOrEqualTo(8);
            }
        }
        assertThat(printedDense("0.1", "f16")).isEqualTo("0.1");
        assertThat(new dev.xamba.ir.attr.FloatAttr(0.1, dev.xamba.ir.type.ElementType.F16)).hasToString("0.1 : f16");
        assertThat(print("func.func @f() {\n  \"x.y\"() {v = 0.1 : f16} : () -> ()\n  func.return\n}\n")).contains("v = 0.1 : f16");
    }

    /** The element of {@code dense<LITERAL> : tensor<TYPE>} as the printer writes it. */
    private static String printedDense(String literal, String type) {
        String printed = print("func.func @f() {\n  \"x.y\"() {v = dense<" + literal + "> : tensor<" + type + ">} : () -> ()\n  func.return\n}\n");
        return printed.substring(printed.indexOf("dense<") + 6, printed.indexOf("> : tensor<" + type));
    }

    @Test
    void numericNamesAreNotKeptAsHints() {
        var body = new ModuleOp(parse("""
                func.func @f(%5: tensor<f32>) -> tensor<f32> {
                  %12 = "x.y"(%5) : (tensor<f32>) -> tensor<f32>
                  %keep = "x.y"(%12) : (tensor<f32>) -> tensor<f32>
                  func.return %keep : tensor<f32>
                }
                """)).functions().get(0).body();
        assertThat(body.argument(0).nameHint()).isNull();
        assertThat(body.operations().first().result(0).nameHint()).isNull();
        assertThat(body.operations().toList().get(1).result(0).nameHint()).isEqualTo("keep");
    }

    @Test
    void keywordsAreOrdinaryNamesWhereANameIsExpected() {
        String text = """
                module {
                  func.func @f() {
                    "x.y"() {dense = "d", "func.func" = 2 : i16, loc = 1 : i8, module = [true]} : () -> ()
                    func.return
                  }
                }
                """;
        assertThat(print(text)).isEqualTo(text.replace("\"func.func\"", "func.func"));
    }
}
