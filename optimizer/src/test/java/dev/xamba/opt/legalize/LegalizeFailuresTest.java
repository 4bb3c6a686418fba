package dev.xamba.opt.legalize;

import dev.xamba.opt.rewrite.OvBuilder;
import static dev.xamba.opt.legalize.OnnxGraph.f32t;
import static dev.xamba.opt.legalize.OnnxGraph.i64;
import static dev.xamba.opt.legalize.OnnxGraph.i64t;
import static dev.xamba.opt.legalize.OnnxGraph.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pass.PassManager;
import dev.xamba.opt.pass.PassRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegalizeFailuresTest {

    private static List<String> failures(ModuleOp m) {
        DiagnosticException e = (DiagnosticException) catchThrowable(() -> Legalization.run(m));
        assertThat(e).as("legalize-ov should fail").isNotNull();
        return e.diagnostics().stream().map(Diagnostic::headline).toList();
    }

    @Test
    void anOpWithoutLoweringIsReportedAtItsLocation() {
        OnnxGraph g = OnnxGraph.of(f32t(4));
        ModuleOp m = g.returning(g.op("onnx.Floor", g.arg(0)));
        assertThat(failures(m)).containsExactly(
                "\"Floor_0\": error: 'onnx.Floor' op cannot be legalized to the ov dialect: no lowering to OpenVINO ops exists for it");
    }

    @Test
    void aFailedGuardIsReportedWithItsReason() {
        OnnxGraph g = OnnxGraph.of(f32t(3), i64t(1));
        ModuleOp m = g.returning(g.op("onnx.Unsqueeze", g.arg(0), g.arg(1)));
        assertThat(failures(m)).containsExactly("\"Unsqueeze_0\": error: 'onnx.Unsqueeze' op cannot be legalized to the ov dialect: "
                + "axes (operand #1) must be a constant");
    }

    @Test
    void everyFailureIsReportedInOneRunAndTheRestIsLegalized() {
        OnnxGraph g = OnnxGraph.of(f32t(-1, 4), f32t(2, 3), i64t(2));
        Value floor = g.op("onnx.Floor", g.arg(0));
        Value split = g.create("onnx.Split", Map.of("num_outputs", OnnxGraph.i64(2)), floor).result(0);
        Value wrap = g.op("onnx.Pad", Map.of("mode", str("wrap")), g.arg(1), g.ints(0, 1, 0, 1));
        Value slice = g.op("onnx.Slice", g.arg(1), g.arg(2), g.ints(3, 3));
        Value fine = g.op("onnx.Exp", g.arg(1));
        ModuleOp m = g.returning(split, wrap, slice, fine);

        List<String> errors = failures(m);

        assertThat(errors).containsExactly(
                "\"Floor_0\": error: 'onnx.Floor' op cannot be legalized to the ov dialect: no lowering to OpenVINO ops exists for it",
                "\"Split_1\": error: 'onnx.Split' op cannot be legalized to the ov dialect: result #0 has a dynamic length along axis 0",
                "\"Pad_3\": error: 'onnx.Pad' op cannot be legalized to the ov dialect: mode \"wrap\" has no OpenVINO Pad mode",
                "\"Slice_5\": error: 'onnx.Slice' op cannot be legalized to the ov dialect: starts (operand #1) must be a constant");
        assertThat(Legalization.print(m)).contains("\"ov.Exp\"(%arg1)").contains("\"ov.Constant\"");
    }

    @Test
    void aComputedPadValueIsRefusedForTheRuntimeIgnoresIt() {
        // OpenVINO's CPU plugin (2026.4) pads with 0 in place of a computed value, as its own ONNX reader shows on the
        // same model: written, the model ran and gave other results.
        OnnxGraph g = OnnxGraph.of(f32t(2, 2), f32t());
        ModuleOp m = g.returning(g.op("onnx.Pad", g.arg(0), g.ints(0, 1, 0, 1), g.arg(1)));
        assertThat(failures(m)).containsExactly("\"Pad_1\": error: 'onnx.Pad' op cannot be legalized to the ov dialect: "
                + "the pad value is computed, and OpenVINO's CPU plugin pads with 0 in its place");
    }

    @Test
    void dynamicShapesWhereAConstantIsNeededAreReported() {
        OnnxGraph g = OnnxGraph.of(f32t(2, -1, -1), f32t(-1, 2, 3));
        ModuleOp m = g.returning(g.op("onnx.Trilu", g.arg(0)), g.op("onnx.Conv", g.arg(1), g.arg(0)));
        assertThat(failures(m)).containsExactly(
                "\"Trilu_0\": error: 'onnx.Trilu' op cannot be legalized to the ov dialect: the last two dims of tensor<2x?x?xf32> "
                        + "must be static to build the mask",
                "\"Conv_1\": error: 'onnx.Conv' op cannot be legalized to the ov dialect: the weights must have a static shape, got tensor<2x?x?xf32>");
    }

    @Test
    void reductionOverRunTimeAxesWithoutNoopIsReported() {
        OnnxGraph g = OnnxGraph.of(f32t(2, 3), i64t(1));
        ModuleOp m = g.returning(g.op("onnx.ReduceSum", g.arg(0), g.arg(1)));
        assertThat(failures(m)).singleElement().asString().contains("if it were empty at run time");
    }

    @Test
    void reductionOverRunTimeAxesOfUnknownLengthIsReported() {
        // With noop_with_empty_axes = 1 an empty axes tensor is the identity in ONNX, but OpenVINO's CPU plugin
        // fails the inference on it ("ptr is Null"), so a length that may be 0 is refused at compile time.
        OnnxGraph g = OnnxGraph.of(f32t(2, 3), i64t(TensorType.DYNAMIC));
        ModuleOp m = g.returning(g.op("onnx.ReduceSum", Map.of("noop_with_empty_axes", i64(1)), g.arg(0), g.arg(1)));
        assertThat(failures(m)).containsExactly("\"ReduceSum_0\": error: 'onnx.ReduceSum' op cannot be legalized to the ov "
                + "dialect: axes (operand #1) is computed at run time and its length is not known to be at least 1: "
                + "OpenVINO fails on an empty run-time axes tensor");
    }

    /** Creates an ov constant, then finds a guard failing: the attempt must leave nothing behind. */
    static final class HalfwayFailure extends OnnxLowering {
        HalfwayFailure() { super(OnnxOp.EXP); }

        @Override protected void lower(Operation op, OvBuilder ov) {
            ov.i64Vector(1, 2, 3);
            ov.create("ov.Exp", op.operand(0));
            throw new LegalizationFailure("changed my mind");
        }
    }

    @Test
    void aLoweringThatFailsHalfwayIsUndone() {
        OnnxGraph g = OnnxGraph.of(f32t(4));
        ModuleOp m = g.returning(g.op("onnx.Exp", g.arg(0)));
        String before = Legalization.print(m);
        PassManager pm = PassManager.of(List.of(new LegalizeToOvPass(List.of(new HalfwayFailure()))), PassManager.Options.defaults());

        assertThatThrownBy(() -> pm.run(m.op())).isInstanceOf(DiagnosticException.class)
                .hasMessageContaining("'onnx.Exp' op cannot be legalized to the ov dialect: changed my mind");
        assertThat(Legalization.print(m)).isEqualTo(before);
    }

    /** Builds an ov.Add of f32 and i64, which ov.Add's type inference refuses. */
    static final class MismatchedTypes extends OnnxLowering {
        MismatchedTypes() { super(OnnxOp.EXP); }

        @Override protected void lower(Operation op, OvBuilder ov) {
            ov.replace(ov.create("ov.Add", op.operand(0), ov.i64Scalar(1)));
        }
    }

    @Test
    void anOvOpRefusingItsOperandsIsAFailedMatchNotACrash() {
        OnnxGraph g = OnnxGraph.of(f32t(4));
        ModuleOp m = g.returning(g.op("onnx.Exp", g.arg(0)));
        String before = Legalization.print(m);
        PassManager pm = PassManager.of(List.of(new LegalizeToOvPass(List.of(new MismatchedTypes()))), PassManager.Options.defaults());

        assertThatThrownBy(() -> pm.run(m.op())).isInstanceOf(DiagnosticException.class)
                .hasMessageContaining("'onnx.Exp' op cannot be legalized to the ov dialect: 'ov.Add' op");
        assertThat(Legalization.print(m)).isEqualTo(before);
    }

    @Test
    void thePassIsRegisteredAfterCanonicalizationAndCse() {
        assertThat(PassRegistry.standard().names()).contains("legalize-ov");
        assertThat(PassRegistry.standard().create("legalize-ov").orElseThrow().summary()).contains("onnx ops to ov ops");
    }
}
