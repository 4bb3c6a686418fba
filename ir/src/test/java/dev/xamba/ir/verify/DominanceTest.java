package dev.xamba.ir.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Block;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The verifier's dominance check in the {@code ir} module itself (only a lit test covered it: accepting a use
 * before its definition passed every JUnit test).
 */
class DominanceTest {
    private static final TensorType T = TensorType.of(ElementType.F32, 2);

    private static Operation op(String name, List<Value> operands) {
        return Operation.create("test." + name, operands, List.of(T), Map.of(), 0, null);
    }

    @Test
    void aUseBeforeItsDefinitionInTheSameBlockIsAnError() {
        Block b = Operation.create("test.holder", List.of(), List.of(), Map.of(), 1, null).region(0).addBlock();
        Operation def = op("def", List.of());
        Operation use = op("use", List.of(def.result(0)));
        b.append(use);
        b.append(def);

        List<Diagnostic> d = Verifier.verify(b.parentOp(), true);
        assertThat(d).anySatisfy(x -> assertThat(x.headline()).contains("operand #0 does not dominate this use"));

        use.moveAfter(def);
        assertThat(Verifier.verify(b.parentOp(), true)).noneSatisfy(x -> assertThat(x.headline()).contains("dominate"));
    }

    /** A value of another block: the message named neither it nor where it is (the note repeated the use's place). */
    @Test
    void aValueOfAnotherBlockIsNamedForWhatItIs() {
        Block other = Operation.create("test.other", List.of(), List.of(), Map.of(), 1, null).region(0).addBlock();
        Value arg = other.addArgument(T);
        Operation def = op("def", List.of());
        other.append(def);
        Block b = Operation.create("test.holder", List.of(), List.of(), Map.of(), 1, null).region(0).addBlock();
        b.append(op("useArg", List.of(arg)));
        b.append(op("useDef", List.of(def.result(0))));

        List<Diagnostic> d = Verifier.verify(b.parentOp(), true);

        assertThat(d).extracting(Diagnostic::headline).contains("<unknown>: error: 'test.useArg' op operand #0 is argument #0 of a block outside this function",
                "<unknown>: error: 'test.useDef' op operand #0 is defined outside this function");
    }

    /** A wrong dense attribute is quoted by its type: its 2003 values made a 10 KB line. */
    @Test
    void aLargeAttributeIsQuotedBriefly() {
        double[] values = new double[2003];
        for (int i = 0; i < values.length; i++) values[i] = i;
        dev.xamba.ir.attr.Attribute big = new dev.xamba.ir.attr.DenseElementsAttr(
                dev.xamba.ir.eval.Tensor.ofDoubles(TensorType.of(ElementType.F32, 2003), values));
        assertThat(Verifier.brief(big)).isEqualTo("dense<...> : tensor<2003xf32>");
        assertThat(Verifier.brief(new dev.xamba.ir.attr.StringAttr("x".repeat(500)))).hasSize(120 + "... (502 characters)".length());
        assertThat(Verifier.brief(dev.xamba.ir.attr.IntegerAttr.i64(3))).isEqualTo("3 : i64");
    }
}
