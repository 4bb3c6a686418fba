package dev.xamba.frontend.text;

import static dev.xamba.frontend.text.ParserTestSupport.errorOf;
import static dev.xamba.frontend.text.ParserTestSupport.inFunction;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Errors found while building the IR from well-formed text: names, counts, types, literal values. */
class SemanticErrorTest {

    @Test
    void undefinedValueIsAnErrorAtItsUse() {
        assertThat(errorOf(inFunction("    %0 = \"x.y\"(%x) : (tensor<f32>) -> tensor<f32>\n    func.return %nope : tensor<f32>\n")))
                .isEqualTo("t.xir:4:17: error: use of undefined value '%nope'");
    }

    @Test
    void redefinitionHasANoteAtTheFirstDefinition() {
        assertThat(errorOf(inFunction("    %x = \"x.y\"() : () -> tensor<f32>\n")))
                .isEqualTo("t.xir:3:5: error: redefinition of value '%x'\nt.xir:2:16: note: previously defined here");
    }

    @Test
    void namesAreScopedPerFunction() {
        String text = """
                func.func @a(%v: tensor<f32>) {
                  func.return
                }
                func.func @b() {
                  func.return %v : tensor<f32>
                }
                """;
        assertThat(errorOf(text)).isEqualTo("t.xir:5:15: error: use of undefined value '%v'");
    }

    @Test
    void operandTypesMustMatchTheirValues() {
        assertThat(errorOf(inFunction("    func.return %x : tensor<i32>\n")))
                .isEqualTo("t.xir:3:17: error: '%x' has type tensor<f32> but is used here as tensor<i32>\n"
                        + "t.xir:2:16: note: '%x' defined here");
        // A forward reference is checked once its definition is known.
        assertThat(errorOf(inFunction("    func.return %y : tensor<i32>\n    %y = \"x.y\"() : () -> tensor<f32>\n")))
                .isEqualTo("t.xir:3:17: error: '%y' has type tensor<f32> but is used here as tensor<i32>\n"
                        + "t.xir:4:5: note: '%y' defined here");
    }

    @Test
    void resultIndexMustBeInRange() {
        assertThat(errorOf(inFunction("    %0:2 = \"x.y\"() : () -> (tensor<f32>, tensor<f32>)\n    func.return %0#2 : tensor<f32>\n")))
                .isEqualTo("t.xir:4:19: error: result #2 is out of range: '%0' has 2 results");
        assertThat(errorOf(inFunction("    func.return %x#1 : tensor<f32>\n")))
                .isEqualTo("t.xir:3:19: error: result #1 is out of range: '%x' is a function argument, a single value");
    }

    @Test
    void countsMustMatchTheSignature() {
        assertThat(errorOf(inFunction("    %0 = \"x.y\"(%x) : () -> tensor<f32>\n")))
                .isEqualTo("t.xir:3:22: error: 'x.y' has 1 operand but its type list has 0");
        assertThat(errorOf(inFunction("    %0 = \"x.y\"() : () -> (tensor<f32>, tensor<f32>)\n")))
                .isEqualTo("t.xir:3:23: error: 'x.y' defines 1 result but its type lists 2");
        assertThat(errorOf(inFunction("    \"x.y\"() : () -> tensor<f32>\n")))
                .isEqualTo("t.xir:3:18: error: 'x.y' defines 0 results but its type lists 1");
        assertThat(errorOf(inFunction("    func.return %x, %x : tensor<f32>\n")))
                .isEqualTo("t.xir:3:24: error: 'func.return' has 2 operands but its type list has 1");
        assertThat(errorOf(inFunction("    %0:0 = \"x.y\"() : () -> ()\n")))
                .isEqualTo("t.xir:3:8: error: expected a result count of at least 1 but found '0'");
    }

    @Test
    void attributeValuesMustFitTheirTypes() {
        assertThat(errorOf(inFunction("    \"x.y\"() {a = 300 : i8} : () -> ()\n")))
                .isEqualTo("t.xir:3:18: error: integer 300 does not fit in i8");
        assertThat(errorOf(inFunction("    \"x.y\"() {a = 1.5 : i32} : () -> ()\n")))
                .isEqualTo("t.xir:3:18: error: expected an integer for i32 but found '1.5'");
        assertThat(errorOf(inFunction("    \"x.y\"() {a = 1 : i1} : () -> ()\n")))
                .isEqualTo("t.xir:3:22: error: a boolean attribute is written 'true' or 'false', not as i1");
        assertThat(errorOf(inFunction("    \"x.y\"() {a = 0x1FF800000 : f32} : () -> ()\n")))
                .isEqualTo("t.xir:3:18: error: hexadecimal literal 0x1FF800000 has more than the 32 bits of f32");
        assertThat(errorOf(inFunction("    \"x.y\"() {a = 1, a = 2} : () -> ()\n")))
                .isEqualTo("t.xir:3:21: error: attribute 'a' is given twice\nt.xir:3:14: note: first given here");
    }

    @Test
    void denseLiteralsMustMatchTheirType() {
        assertThat(errorOf(inFunction("    \"x.y\"() {v = dense<[1, 2]> : tensor<3xi32>} : () -> ()\n")))
                .isEqualTo("t.xir:3:24: error: dimension 0 of tensor<3xi32> has 3 elements but this list has 2");
        assertThat(errorOf(inFunction("    \"x.y\"() {v = dense<[[1], [2]]> : tensor<2xi32>} : () -> ()\n")))
                .isEqualTo("t.xir:3:25: error: dense literal is nested deeper than the rank 1 of tensor<2xi32>");
        assertThat(errorOf(inFunction("    \"x.y\"() {v = dense<[1, 2]> : tensor<2x1xi32>} : () -> ()\n")))
                .isEqualTo("t.xir:3:25: error: expected a list '[' for dimension 1 of tensor<2x1xi32> but found '1'");
        assertThat(errorOf(inFunction("    \"x.y\"() {v = dense<[true, 2]> : tensor<2xf32>} : () -> ()\n")))
                .isEqualTo("t.xir:3:25: error: expected a number for f32 but found 'true'");
        assertThat(errorOf(inFunction("    \"x.y\"() {v = dense<1> : tensor<?xf32>} : () -> ()\n")))
                .isEqualTo("t.xir:3:29: error: dense attribute needs a static shape, got tensor<?xf32>");
        assertThat(errorOf(inFunction("    \"x.y\"() {v = dense<[0x02, 1]> : tensor<2xi1>} : () -> ()\n")))
                .isEqualTo("t.xir:3:25: error: i1 literal 0x02 is neither 0 nor 1");
        assertThat(errorOf(inFunction("    \"x.y\"() {v = dense<[1.0, 70000.0]> : tensor<2xf16>} : () -> ()\n")))
                .isEqualTo("t.xir:3:30: error: float literal 70000.0 is out of range for f16");
        assertThat(errorOf(inFunction("    \"x.y\"() {v = dense<1e400> : tensor<f64>} : () -> ()\n")))
                .isEqualTo("t.xir:3:24: error: float literal 1e400 is out of range for f64");
        // A float attribute without a type is an f64: the same range (it became infinity without a word).
        assertThat(errorOf(inFunction("    \"x.y\"() {v = 1e400} : () -> ()\n")))
                .isEqualTo("t.xir:3:18: error: float literal 1e400 is out of range for f64");
    }

    /** Dims are ASCII digits: other scripts' digits ('٤', Arabic-Indic four) were read as numbers. */
    @Test
    void dimensionsAreAsciiDigits() {
        assertThat(errorOf(inFunction("    %0 = \"x.y\"() : () -> tensor<\u0664xf32>\n")))
                .isEqualTo("t.xir:3:33: error: expected a dimension or an element type in tensor<\u0664xf32> but found '\u0664'");
    }

    @Test
    void aDenseResourceNeedsAStaticShape() {
        String text = """
                module {
                  func.func @main() -> tensor<?xf32> {
                    %c = "ov.Constant"() {value = dense_resource<w> : tensor<?xf32>} : () -> tensor<?xf32>
                    func.return %c : tensor<?xf32>
                  }
                }
                {-# dialect_resources: { builtin: { w: "0x04000000" } } #-}
                """;
        assertThat(errorOf(text)).isEqualTo("t.xir:3:50: error: dense_resource needs a static shape, got tensor<?xf32>");
        String booleans = text.replace("?xf32", "2xi1").replace("0x04000000", "0x040000000102");
        assertThat(errorOf(booleans))
                .isEqualTo("t.xir:3:50: error: dense_resource 'w' : tensor<2xi1> has byte 0x02 at offset 1; i1 elements are 0 or 1");
    }

    @Test
    void structuralOpsCannotBeWrittenGenerically() {
        assertThat(errorOf(inFunction("    \"func.func\"() : () -> ()\n")))
                .isEqualTo("t.xir:3:5: error: 'func.func' has a body and must be written in its own syntax, not as a generic op");
    }
}
