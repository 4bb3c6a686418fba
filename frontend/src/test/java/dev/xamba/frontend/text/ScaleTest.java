package dev.xamba.frontend.text;

import static dev.xamba.frontend.text.ParserTestSupport.parse;
import static dev.xamba.frontend.text.ParserTestSupport.print;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.verify.Verifier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Large inputs parse quickly, without deep recursion. */
class ScaleTest {

    private static String chain(int ops) {
        StringBuilder sb = new StringBuilder("module {\n  func.func @big(%arg0: tensor<1x16xf32>) -> tensor<1x16xf32> {\n");
        String prev = "%arg0";
        for (int i = 0; i < ops; i++) {
            sb.append("    %").append(i).append(" = \"ov.ReLU\"(").append(prev)
                    .append(") : (tensor<1x16xf32>) -> tensor<1x16xf32> loc(\"relu").append(i).append("\")\n");
            prev = "%" + i;
        }
        return sb.append("    func.return ").append(prev).append(" : tensor<1x16xf32>\n  }\n}\n").toString();
    }

    /** A long chain parses without deep recursion; its speed is measured by bench's ParseBenchmark, not here. */
    @Test
    void fiveThousandOpChainParsesVerifiesAndRoundTrips() {
        String text = chain(5000);
        Operation module = parse(text);
        assertThat(new ModuleOp(module).functions().get(0).body().operations()).hasSize(5001);
        assertThat(Verifier.verify(module)).isEmpty();
        assertThat(print(text)).isEqualTo(text);
    }

    @Test
    void rankEightDenseListRoundTrips() {
        StringBuilder list = new StringBuilder();
        int[] next = {0};
        appendNested(list, 8, next);
        String text = "module {\n  func.func @c() {\n    %0 = \"ov.Constant\"() {value = dense<" + list
                + "> : tensor<2x2x2x2x2x2x2x2xi32>} : () -> tensor<2x2x2x2x2x2x2x2xi32>\n    func.return\n  }\n}\n";
        assertThat(print(text)).isEqualTo(text);
        Operation c = new ModuleOp(parse(text)).functions().get(0).body().operations().first();
        assertThat(((DenseElementsAttr) c.attr("value")).value().toLongs()).containsExactly(IntStream.range(0, 256).asLongStream().toArray());
    }

    private static void appendNested(StringBuilder sb, int depth, int[] next) {
        if (depth == 0) {
            sb.append(next[0]++);
            return;
        }
        sb.append('[');
        for (int i = 0; i < 2; i++) {
            if (i > 0) sb.append(", ");
            appendNested(sb, depth - 1, next);
        }
        sb.append(']');
    }

    @Test
    void longFlatListsAreLoopsNotRecursion() {
        String values = IntStream.range(0, 100_000).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String text = "module {\n  func.func @c() {\n    \"x.y\"() {a = [" + values + "]} : () -> ()\n    func.return\n  }\n}\n";
        assertThat(print(text)).isEqualTo(text);
    }
}
