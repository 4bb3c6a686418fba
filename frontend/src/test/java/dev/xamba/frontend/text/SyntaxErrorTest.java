package dev.xamba.frontend.text;

import static dev.xamba.frontend.text.ParserTestSupport.errorOf;
import static dev.xamba.frontend.text.ParserTestSupport.inFunction;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The first syntax error stops parsing with one diagnostic that says what was expected and what was found. */
class SyntaxErrorTest {

    @Test
    void missingTokenNamesWhatWasExpected() {
        assertThat(errorOf(inFunction("    %0 = \"x.y\"(%x : (tensor<f32>) -> tensor<f32>\n")))
                .isEqualTo("t.xir:3:19: error: expected ',' or ')' but found ':'");
        assertThat(errorOf(inFunction("    %0 = \"x.y\"(%x {a = 1} : (tensor<f32>) -> tensor<f32>\n")))
                .isEqualTo("t.xir:3:19: error: expected ',' or ')' but found '{'");
        assertThat(errorOf("module { func.func @f() {\n  func.return\n}\n"))
                .isEqualTo("t.xir:4:1: error: expected 'func.func' or '}' but found end of input");
    }

    @Test
    void wrongKindOfTokenIsDescribedInWords() {
        assertThat(errorOf("module { func.func @f(%a: f32) { } }"))
                .isEqualTo("t.xir:1:27: error: expected a type such as tensor<4xf32> but found 'f32'");
        assertThat(errorOf(inFunction("    foo\n")))
                .isEqualTo("t.xir:3:5: error: expected an operation or '}' but found 'foo'");
        assertThat(errorOf(inFunction("    \"x.y\"() {a = } : () -> ()\n")))
                .isEqualTo("t.xir:3:18: error: expected an attribute value but found '}'");
        assertThat(errorOf(inFunction("    \"x.y\"() {a = 3, } : () -> ()\n")))
                .isEqualTo("t.xir:3:21: error: expected an attribute name but found '}'");
        assertThat(errorOf(inFunction("    \"x.y\"() {a = 3 : } : () -> ()\n")))
                .isEqualTo("t.xir:3:22: error: expected an element type such as f32 but found '}'");
        assertThat(errorOf(inFunction("    \"x.y\"() : () -> () loc(3)\n")))
                .isEqualTo("t.xir:3:28: error: expected a location such as \"name\" or \"file\":1:2 but found '3'");
        assertThat(errorOf("module {\n}\ntrailing"))
                .isEqualTo("t.xir:3:1: error: expected '{-#' or end of input but found 'trailing'");
    }

    @Test
    void badTokensHaveTheirOwnMessages() {
        assertThat(errorOf(inFunction("    \"x.y() : () -> ()\n")))
                .isEqualTo("t.xir:3:5: error: unterminated string");
        assertThat(errorOf("module @\"unterminated {\n}\n")).isEqualTo("t.xir:1:8: error: unterminated string");
        assertThat(errorOf("module { func.func @f(%a: tensor<4xf32) { } }"))
                .isEqualTo("t.xir:1:27: error: unterminated tensor type: expected '>'");
        assertThat(errorOf(inFunction("    \"x.y\"() : () -> () $\n")))
                .isEqualTo("t.xir:3:24: error: unexpected character '$'");
        assertThat(errorOf(inFunction("    \"x.y\"() {a = \"b\\q\"} : () -> ()\n")))
                .isEqualTo("t.xir:3:20: error: invalid escape '\\q' in string; expected \\\", \\\\, \\n, \\t or \\ and two hex digits");
    }

    @Test
    void badTypesPointIntoTheTypeToken() {
        assertThat(errorOf("module { func.func @f(%a: tensor<4xf33>) { } }"))
                .isEqualTo("t.xir:1:36: error: unknown element type 'f33'");
        assertThat(errorOf("module { func.func @f(%a: tensor<4f32>) { } }"))
                .isEqualTo("t.xir:1:35: error: expected 'x' after dimension '4' in tensor<4f32>");
        assertThat(errorOf("module { func.func @f(%a: tensor<*xf32>) { } }"))
                .isEqualTo("t.xir:1:34: error: expected a dimension or an element type in tensor<*xf32> but found '*'");
        assertThat(errorOf("module { func.func @f(%a: tensor<>) { } }"))
                .isEqualTo("t.xir:1:34: error: expected an element type such as f32 in tensor<>");
        assertThat(errorOf(inFunction("    \"x.y\"() {a = 3 : f33} : () -> ()\n")))
                .isEqualTo("t.xir:3:22: error: unknown element type 'f33'");
    }

    @Test
    void excessiveNestingIsAnErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000);
        assertThat(errorOf(inFunction("    \"x.y\"() {a = " + deep + "} : () -> ()\n")))
                .isEqualTo("t.xir:3:82: error: brackets nested more than 64 deep");
    }
}
