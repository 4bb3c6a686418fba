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
}
