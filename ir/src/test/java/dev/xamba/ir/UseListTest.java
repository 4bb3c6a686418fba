package dev.xamba.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A refused edit leaves the use lists as they were: no use by an op nobody holds, no operand half-moved. */
class UseListTest {
    private static final TensorType T = TensorType.of(ElementType.F32, 2);

    private static Value value() {
        return Operation.create("test.source", List.of(), List.of(T), Map.of(), 0, null).result();
    }

    @Test
    void anOperandListWithANullRecordsNoUse() {
        Value v = value();

        assertThatThrownBy(() -> Operation.create("test.x", Arrays.asList(v, null), List.of(T), Map.of(), 0, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("operand #1 of test.x is null");
        assertThat(v.numUses()).as("a use by the op that was never made").isZero();
        assertThat(v.hasUses()).isFalse();
    }

    @Test
    void aRefusedNewOperandLeavesTheOldOne() {
        Value v = value();
        Operation user = Operation.create("test.user", List.of(v), List.of(T), Map.of(), 0, null);

        assertThatThrownBy(() -> user.setOperand(0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(user.operand(0)).isSameAs(v);
        assertThat(v.numUses()).isEqualTo(1);
    }
}
