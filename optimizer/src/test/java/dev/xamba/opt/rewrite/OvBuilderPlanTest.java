package dev.xamba.opt.rewrite;

import static dev.xamba.opt.testing.FunctionBuilder.count;
import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static dev.xamba.opt.testing.FunctionBuilder.floats;
import static dev.xamba.opt.testing.FunctionBuilder.shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.MatMulOp;
import dev.xamba.ir.print.AsmPrinter;
import dev.xamba.ir.verify.Verifier;
import dev.xamba.opt.pattern.PatternRewriter;
import dev.xamba.opt.testing.FunctionBuilder;
import org.junit.jupiter.api.Test;

/** Plan mode: a replacement is built detached, then committed or discarded without a trace. */
class OvBuilderPlanTest {
    private final FunctionBuilder f = FunctionBuilder.main(f32(2, 3));
    private final Value exp = f.op("ov.Exp", f.arg(0));
    private final ModuleOp m = f.returning(exp);
    private final Operation root = exp.definingOp();
    private final PatternRewriter rewriter = new PatternRewriter(new PatternRewriter.Listener() {}, null);

    private OvBuilder plan() {
        rewriter.setInsertionPointBefore(root);
        return OvBuilder.plan(root, rewriter);
    }

    @Test void aDiscardedPlanLeavesTheIrByteIdenticalAndDropsItsUses() {
        String before = AsmPrinter.print(m.op());
        OvBuilder ov = plan();
        Value t = ov.transposed(f.arg(0), 1, 0);
        ov.replace(ov.transposed(ov.create(BinaryOp.MULTIPLY, t, t), 1, 0));
        assertThat(f.arg(0).numUses()).as("the plan reads the argument").isEqualTo(2);
        assertThat(ov.planned()).allSatisfy(op -> assertThat(op.parentBlock()).isNull());

        ov.discard();

        assertThat(AsmPrinter.print(m.op())).isEqualTo(before);
        assertThat(f.arg(0).numUses()).isEqualTo(1);
    }

    @Test void aCommittedPlanIsInsertedBeforeTheRootAndReplacesIt() {
        OvBuilder ov = plan();
        Value t = ov.transposed(f.arg(0), 1, 0);
        ov.replace(ov.transposed(ov.create(BinaryOp.MULTIPLY, t, t), 1, 0));
        ov.commit();
        assertThat(root.parentBlock()).isNull();
        assertThat(count(m, "ov.Exp")).isZero();
        assertThat(count(m, "ov.Transpose")).isEqualTo(2);
        assertThat(Verifier.verify(m.op())).isEmpty();
    }

    @Test void opsOfConstantsFoldAsTheyAreMadeAndUnusedConstantsAreNotInserted() {
        assertThat(AsmPrinter.print(m.op())).as("the setup: exp(x) to replace").contains("ov.Exp");
        OvBuilder ov = plan();
        Value c = ov.create(BinaryOp.MULTIPLY, ov.constant(floats(shape(3, 1), 1, 2, 3)), ov.scalar(dev.xamba.ir.type.ElementType.F32, 2));
        assertThat(Constants.valueOf(c)).hasValueSatisfying(v -> assertThat(v.toDoubles()).containsExactly(2, 4, 6));
        Value folded = ov.reshaped(c, 1, 3); // a constant re-typed, never an ov.Reshape
        assertThat(Constants.valueOf(folded)).isPresent();
        // exp(x) is replaced by x + 0·(anything): only the ops the replacement needs are inserted.
        Value zero = ov.create(BinaryOp.MULTIPLY, folded, ov.scalar(dev.xamba.ir.type.ElementType.F32, 0));
        ov.replace(ov.create(BinaryOp.ADD, f.arg(0), ov.reshaped(ov.create(MatMulOp.KIND, zero, ov.constant(floats(shape(3, 3),
                0, 0, 0, 0, 0, 0, 0, 0, 0))), 1, 3)));
        ov.commit();
        assertThat(count(m, "ov.Constant")).as("only the folded 1x3 product (a constant) survives").isEqualTo(1);
        assertThat(count(m, "ov.MatMul") + count(m, "ov.Multiply") + count(m, "ov.Reshape")).isZero();
        assertThat(count(m, "ov.Exp")).as("replaced").isZero();
        assertThat(count(m, "ov.Add")).isEqualTo(1);
    }

    @Test void aReplacementOfAnotherTypeIsARewriteFailure() {
        OvBuilder ov = plan();
        Value wrong = ov.transposed(f.arg(0), 1, 0);
        assertThatThrownBy(() -> ov.replace(wrong)).isInstanceOf(RewriteFailure.class).hasMessageContaining("tensor<3x2xf32>");
        ov.discard();
        assertThat(f.arg(0).numUses()).isEqualTo(1);
    }

    @Test void identityHelpersBuildNothing() {
        OvBuilder ov = plan();
        assertThat(ov.transposed(f.arg(0), 0, 1)).isSameAs(f.arg(0));
        assertThat(ov.reshaped(f.arg(0), 2, 3)).isSameAs(f.arg(0));
        assertThat(ov.planned()).isEmpty();
    }
}
