package dev.xamba.frontend.text;

import static dev.xamba.frontend.text.ParserTestSupport.errorOf;
import static dev.xamba.frontend.text.ParserTestSupport.parse;
import static dev.xamba.frontend.text.ParserTestSupport.print;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.ops.builtin.ModuleOp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {-# dialect_resources #-} section binds the blobs of dense_resource attributes. */
class ResourceSectionTest {

    private static final String WEIGHTS = """
            module {
              func.func @w() -> tensor<2xf32> {
                %0 = "ov.Constant"() {value = dense_resource<w0> : tensor<2xf32>} : () -> tensor<2xf32>
                %1 = "ov.Constant"() {value = dense_resource<"odd name"> : tensor<3xi8>} : () -> tensor<3xi8>
                %2 = "ov.Constant"() {value = dense_resource<w-0> : tensor<i1>} : () -> tensor<i1>
                %3 = "ov.Constant"() {value = dense_resource<w0> : tensor<2xf32>} : () -> tensor<2xf32>
                func.return %0 : tensor<2xf32>
              }
            }
            {-#
              dialect_resources: {
                builtin: {
                  w0: "0x040000000000803F00000040",
                  "odd name": "0x04000000FF0203",
                  w-0: "0x0400000001"
                }
              }
            #-}
            """;

    /** A function's resource attributes, in op order. */
    private static List<DenseResourceAttr> resourcesOf(Operation module) {
        return new ModuleOp(module).functions().get(0).body().operations().stream()
                .filter(op -> op.attr("value") instanceof DenseResourceAttr)
                .map(op -> (DenseResourceAttr) op.attr("value")).toList();
    }

    @Test
    void blobsRoundTripAndDecodeToTheirValues() {
        assertThat(print(WEIGHTS)).isEqualTo(WEIGHTS);
        List<DenseResourceAttr> rs = resourcesOf(parse(WEIGHTS));
        assertThat(rs.get(0).value().toDoubles()).containsExactly(1.0, 2.0);
        assertThat(rs.get(1).value().toLongs()).containsExactly(-1, 2, 3);
        assertThat(rs.get(2).value().toLongs()).containsExactly(1);
        assertThat(rs.get(3).handle()).as("one handle per name").isSameAs(rs.get(0).handle());
    }

    /** Blobs referred to from a function's attributes or from inside an array were left out of the printed section. */
    @Test
    void blobsOfFunctionAttributesAndOfArraysArePrinted() {
        String text = """
                module {
                  func.func @f(%arg0: tensor<2xf32>) -> tensor<2xf32> attributes {xamba.w = dense_resource<w1> : tensor<2xf32>} {
                    %0 = "test.op"(%arg0) {npu.ws = [1, [dense_resource<w0> : tensor<2xf32>]]} : (tensor<2xf32>) -> tensor<2xf32>
                    func.return %0 : tensor<2xf32>
                  }
                }
                {-#
                  dialect_resources: {
                    builtin: {
                      w1: "0x040000000000803F00000040",
                      w0: "0x040000000000803F00000041"
                    }
                  }
                #-}
                """;
        assertThat(print(text)).isEqualTo(text);
    }

    @Test
    void aBlobNobodyUsesIsDropped() {
        String text = """
                module {
                }
                {-#
                  dialect_resources: {
                    builtin: {
                      unused: "0x0400000001"
                    }
                  }
                #-}
                """;
        assertThat(print(text)).isEqualTo("module {\n}\n");
    }

    private static final String USE = """
            module {
              func.func @f() {
                "x.y"() {v = dense_resource<w> : tensor<2xf32>} : () -> ()
              }
            }
            """;

    @Test
    void aResourceWithoutBlobIsAnErrorAtItsUse() {
        assertThat(errorOf(USE)).isEqualTo("t.xir:3:33: error: dense_resource 'w' has no blob in the dialect_resources section");
    }

    @Test
    void badBlobsAreErrorsAtTheBlob() {
        assertThat(errorOf(USE + "{-# dialect_resources: { builtin: { w: \"0x0400000000008\" } } #-}"))
                .isEqualTo("t.xir:6:40: error: resource blob has an odd number of hex digits (13)");
        assertThat(errorOf(USE + "{-# dialect_resources: { builtin: { w: \"040000000000803F00000040\" } } #-}"))
                .isEqualTo("t.xir:6:40: error: resource blob must start with \"0x\"");
        assertThat(errorOf(USE + "{-# dialect_resources: { builtin: { w: \"0x040000000000803Z00000040\" } } #-}"))
                .isEqualTo("t.xir:6:58: error: invalid hex digit 'Z' in resource blob");
        assertThat(errorOf(USE + "{-# dialect_resources: { builtin: { w: \"0x0400\" } } #-}"))
                .isEqualTo("t.xir:6:40: error: resource blob must start with its 4-byte alignment, e.g. \"0x04000000\"");
    }

    @Test
    void aBlobOfTheWrongSizeIsAnErrorAtTheUse() {
        assertThat(errorOf(USE + "{-# dialect_resources: { builtin: { w: \"0x04000000000080\" } } #-}"))
                .isEqualTo("t.xir:3:33: error: dense_resource 'w' : tensor<2xf32> needs 8 bytes but its blob has 3");
    }

    @Test
    void sectionStructureIsChecked() {
        assertThat(errorOf(USE + "{-# dialect_resources: { blah: { w: \"0x0400000000000000\" } } #-}"))
                .isEqualTo("t.xir:6:26: error: unknown resource dialect 'blah'; blobs belong to 'builtin'");
        assertThat(errorOf(USE + "{-# dialect_resources: { builtin: { w: \"0x04000000\", w: \"0x04000000\" } } #-}"))
                .isEqualTo("t.xir:6:54: error: resource 'w' is given twice\nt.xir:6:37: note: first given here");
        assertThat(errorOf(USE + "{-# dialect_resources: { builtin: { w: 12 } } #-}"))
                .isEqualTo("t.xir:6:40: error: expected a string but found '12'");
    }
}
