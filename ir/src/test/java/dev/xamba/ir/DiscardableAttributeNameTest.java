package dev.xamba.ir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.attr.StringAttr;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which attribute names are discardable: a dialect prefix, {@code <ident>.<ident>}. */
class DiscardableAttributeNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"npu.unit", "xamba.max_error", "npu.cost.dma_us", "_x.y", "a1.b$2", "N.U"})
    void prefixedIdentifiersAreDiscardable(String name) {
        assertThat(Operation.isDiscardable(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unit", "", ".unit", "npu.", "npu..unit", "npu.unit.", "1npu.unit", "npu.1unit",
            "npu.odd key", "npu-x.unit", "npu.unit-x"})
    void anythingElseIsNot(String name) {
        assertThat(Operation.isDiscardable(name)).isFalse();
    }

    @Test
    void discardableAttributesLeaveTheInherentOnesOut() {
        Operation op = Operation.create("test.op", List.of(), List.of(),
                Map.of("exclusive", BoolAttr.TRUE, "npu.unit", new StringAttr("SHAVE")), 0, null);
        assertThat(op.discardableAttributes()).containsOnlyKeys("npu.unit");
        assertThat(op.attributes()).containsOnlyKeys("exclusive", "npu.unit");
    }
}
