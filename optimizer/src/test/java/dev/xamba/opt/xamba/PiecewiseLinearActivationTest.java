package dev.xamba.opt.xamba;

import static dev.xamba.opt.testing.FunctionBuilder.count;
import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.eval.Interpreter;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.opt.pass.IrWalk;
import dev.xamba.opt.testing.FunctionBuilder;
import dev.xamba.opt.testing.RewriteHarness;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code xamba-actiba} end to end: the emitted graph, run in the reference interpreter on a dense sweep of
 * [-16, 16], stays within the {@code xamba.max_error} it records (plus f32 rounding), and the sweep comes close to it.
 */
class PiecewiseLinearActivationTest {
    private static final int POINTS = 64001;

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"ov.SoftPlus,xamba-actiba{force max-error=0.01}", "ov.SoftPlus,xamba-actiba{force softplus=relu}",
            "ov.Swish,xamba-actiba{force max-error=0.01}", "ov.Swish,xamba-actiba{force max-error=0.001}",
            "ov.SoftPlus,xamba-actiba{force segments=6}"})
    void theRecordedBoundHoldsOnADenseSweep(String op, String pipeline) {
        FunctionBuilder f = FunctionBuilder.main(f32(POINTS));
        ModuleOp m = f.returning(f.op(op, f.arg(0)));
        RewriteHarness.run(m, pipeline);
        assertThat(count(m, op)).isZero();
        double bound = recordedBound(m);

        double[] xs = new double[POINTS];
        for (int i = 0; i < POINTS; i++) xs[i] = -16 + 32.0 * i / (POINTS - 1);
        Tensor y = Interpreter.run(m.function("main").orElseThrow(), List.of(Tensor.ofDoubles(f32(POINTS), xs))).get(0);
        DoubleUnaryOperator exact = op.equals("ov.SoftPlus") ? x -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)))
                : x -> x / (1 + Math.exp(-x));
        double worst = 0;
        for (int i = 0; i < POINTS; i++) worst = Math.max(worst, Math.abs(y.getDouble(i) - exact.applyAsDouble(Tensor.round(
                dev.xamba.ir.type.ElementType.F32, xs[i]))));
        assertThat(worst).as("swept error vs recorded bound %s", bound).isLessThanOrEqualTo(bound + 2e-5);
        assertThat(worst).as("the sweep (step 5e-4) nearly reaches the bound").isGreaterThan(bound * 0.98 - 2e-5);
    }

    @org.junit.jupiter.api.Test
    void inF16TheBoundIsTheFormsAndTheDecisionSaysTheRoundingComesOnTop() {
        // The form's bound is in exact arithmetic; evaluated in f16, a SoftPlus near 16 rounds to a multiple of 2^-6,
        // so a swept error of up to ~3e-3 against a 1e-3 budget is f16's, as for the f16 SoftPlus replaced.
        dev.xamba.ir.type.TensorType t = dev.xamba.ir.type.TensorType.of(dev.xamba.ir.type.ElementType.F16, 8001);
        FunctionBuilder f = FunctionBuilder.main(t);
        ModuleOp m = f.returning(f.op("ov.SoftPlus", f.arg(0)));
        double[] xs = new double[8001];
        for (int i = 0; i < xs.length; i++) xs[i] = -16 + 32.0 * i / (xs.length - 1);
        Tensor in = Tensor.ofDoubles(t, xs);
        Tensor before = Interpreter.run(m.function("main").orElseThrow(), List.of(in)).get(0);
        var decisions = RewriteHarness.run(m, "xamba-actiba{force max-error=0.001}").decisions();
        assertThat(decisions).singleElement().satisfies(d -> assertThat(d.reason())
                .contains("max error", "in exact arithmetic (f16's own rounding comes on top)"));
        double bound = recordedBound(m);
        assertThat(bound).isLessThanOrEqualTo(1e-3);
        Tensor after = Interpreter.run(m.function("main").orElseThrow(), List.of(in)).get(0);
        double worst = 0;
        for (int i = 0; i < xs.length; i++) worst = Math.max(worst, Math.abs(after.getDouble(i) - before.getDouble(i)));
        assertThat(worst).as("the form's bound %s plus f16 rounding near 16 (2^-6)", bound).isLessThanOrEqualTo(bound + 0x1p-6);
    }

    @org.junit.jupiter.api.Test
    void xTimesSigmoidOfXIsSiluOnlyWhenNothingElseReadsTheSigmoid() {
        String pipeline = "xamba-actiba{force max-error=0.01}";
        // Either order of the factors: applied, the Sigmoid gone with the product.
        for (boolean sigmoidFirst : new boolean[] {true, false}) {
            FunctionBuilder f = FunctionBuilder.main(f32(64));
            dev.xamba.ir.Value s = f.op("ov.Sigmoid", f.arg(0));
            ModuleOp m = f.returning(sigmoidFirst ? f.op("ov.Multiply", s, f.arg(0)) : f.op("ov.Multiply", f.arg(0), s));
            assertThat(RewriteHarness.run(m, pipeline).decisions()).singleElement()
                    .satisfies(d -> assertThat(d.applied()).as(d.reason()).isTrue());
            assertThat(count(m, "ov.Sigmoid")).isZero();
            assertThat(count(m, "ov.Multiply")).isZero();
        }
        // The Sigmoid is also a result: it would stay, so the product is left.
        FunctionBuilder shared = FunctionBuilder.main(f32(64));
        dev.xamba.ir.Value s = shared.op("ov.Sigmoid", shared.arg(0));
        ModuleOp m = shared.returning(shared.op("ov.Multiply", shared.arg(0), s), s);
        assertThat(RewriteHarness.assertLeavesIrUnchanged(m, pipeline)).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("the Sigmoid has other users: it would stay"));
        // Sigmoid of one input times another input: not x · Sigmoid(x), not a candidate at all.
        FunctionBuilder other = FunctionBuilder.main(f32(64), f32(64));
        ModuleOp notSilu = other.returning(other.op("ov.Multiply", other.arg(1), other.op("ov.Sigmoid", other.arg(0))));
        assertThat(RewriteHarness.run(notSilu, pipeline).decisions()).isEmpty();
    }

    private static double recordedBound(ModuleOp m) {
        for (Operation op : IrWalk.nestedOps(m.op())) {
            if (op.attr(PiecewiseLinearActivation.MAX_ERROR_ATTR) instanceof FloatAttr a) return a.value();
        }
        throw new AssertionError("no op records " + PiecewiseLinearActivation.MAX_ERROR_ATTR);
    }
}
