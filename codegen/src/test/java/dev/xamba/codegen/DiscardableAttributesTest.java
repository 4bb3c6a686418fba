package dev.xamba.codegen;

import static dev.xamba.codegen.TestGraph.attrs;
import static dev.xamba.codegen.TestGraph.f32;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.codegen.RoundTrip.Tolerance;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.verify.Verifier;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Discardable attributes ({@code npu.unit}, {@code xamba.max_error}) on ov ops: the writer ignores them, so the
 * OpenVINO IR is byte-identical to that of the same module without them, and OpenVINO's CPU runtime loads and runs
 * it with the reference's numbers. (OpenVINO's IR reader keeps only registered layer {@code rt_info} attributes such
 * as {@code fused_names}, so writing them as {@code rt_info} would give bytes the runtime throws away.)
 */
class DiscardableAttributesTest {

    /** Matmul + bias + Swish with every op (constants and the function too) annotated when {@code annotate}. */
    private static Operation model(boolean annotate) {
        TestGraph g = TestGraph.withInputs(f32(2, 3));
        Value w = g.constant(Tensor.ofDoubles(f32(3, 4), new double[] {0.5, -1, 2, 0.25, 1, 1.5, -0.5, 0, -2, 0.75, 1, 3}));
        Value b = g.constant(Tensor.ofDoubles(f32(4), new double[] {0.1, -0.2, 0.3, -0.4}));
        Value mm = g.op("ov.MatMul", with(annotate, attrs("transpose_a", false, "transpose_b", false), "DPU"), g.arg(0), w);
        Value add = g.op("ov.Add", with(annotate, Map.of(), "SHAVE"), mm, b);
        Value swish = g.op("ov.Swish", with(annotate, Map.of(), "SHAVE"), add);
        Operation module = g.ret(swish);
        if (annotate) {
            w.definingOp().setAttr("npu.unit", new StringAttr("DMA"));
            g.main().op().setAttr("xamba.origin", new StringAttr("test"));
        }
        return module;
    }

    private static Map<String, Attribute> with(boolean annotate, Map<String, Attribute> inherent, String unit) {
        Map<String, Attribute> all = new HashMap<>(inherent);
        if (annotate) {
            all.put("npu.unit", new StringAttr(unit));
            all.put("xamba.max_error", new FloatAttr(1e-2, ElementType.F64));
        }
        return all;
    }

    @Test
    void theAnnotatedModuleVerifiesAndCarriesItsAnnotations() {
        Operation module = model(true);
        assertThat(Verifier.verify(module)).isEmpty();
        Operation matmul = new ModuleOp(module).function("main").orElseThrow().body().operations().stream().filter(o -> o.isA("ov.MatMul")).findFirst().orElseThrow();
        assertThat(matmul.discardableAttributes()).containsOnlyKeys("npu.unit", "xamba.max_error");
    }

    @Test
    void theWriterIgnoresThemByteForByte() {
        RenderedIr annotated = OvIrWriter.render(model(true), WriterOptions.DEFAULT);
        RenderedIr plain = OvIrWriter.render(model(false), WriterOptions.DEFAULT);
        assertThat(annotated.xmlText()).isEqualTo(plain.xmlText());
        assertThat(annotated.bin()).isEqualTo(plain.bin());
        assertThat(new String(annotated.xml(), StandardCharsets.UTF_8)).doesNotContain("npu.").doesNotContain("xamba.");
    }

    @Test
    void openVinoRunsTheAnnotatedModelWithTheReferenceNumbers() {
        List<Tensor> annotated = RoundTrip.check(model(true), new Tolerance(1e-5, 1e-6), RoundTrip.GAUSSIAN, WriterOptions.DEFAULT);
        List<Tensor> plain = RoundTrip.check(model(false), new Tolerance(1e-5, 1e-6), RoundTrip.GAUSSIAN, WriterOptions.DEFAULT);
        assertThat(annotated).hasSameSizeAs(plain);
        for (int i = 0; i < plain.size(); i++) assertThat(annotated.get(i).toBytes()).isEqualTo(plain.get(i).toBytes());
    }
}
