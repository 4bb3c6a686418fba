package dev.xamba.ir.ops.ov;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The unary kinds say which accept integers without linking their integer arithmetic; the two answers agree. */
class ElementwiseUnaryKindTest {
    @Test
    void acceptsIntegersExactlyWhenThereIsIntegerArithmetic() {
        for (ElementwiseUnaryDef.Kind kind : ElementwiseUnaryDef.Kind.values()) {
            assertThat(kind.acceptsIntegers()).as(kind.name()).isEqualTo(kind.g() != null);
            assertThat(kind.f()).as(kind.name()).isNotNull();
        }
    }
}
