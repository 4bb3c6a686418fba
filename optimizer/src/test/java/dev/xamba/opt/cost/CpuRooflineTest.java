package dev.xamba.opt.cost;

import static dev.xamba.opt.testing.FunctionBuilder.f32;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.xamba.ir.Operation;
import dev.xamba.opt.cost.cpu.CpuCostModel;
import dev.xamba.opt.cost.device.KernelRate;
import dev.xamba.opt.cost.device.Target;
import dev.xamba.opt.cost.device.TargetJson;
import dev.xamba.opt.cost.device.Targets;
import dev.xamba.opt.testing.FunctionBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CPU model's memory term: an op whose operands and result outgrow the last-level cache streams them through
 * DRAM at the calibrated bandwidth, and the target's roofline combines that with the in-cache compute time.
 */
class CpuRooflineTest {
    /** 1 µs launch, 0.1 ns per element, a 1 MB cache, 10 GB/s. */
    private static Target cpu(Target.Roofline roofline) {
        Target.Cpu c = new Target.Cpu(5, KernelRate.perElement(1, 0.1), Map.of("Multiply", KernelRate.perElement(1, 0.1)),
                1 << 20, 10, "test", "2026-12-01", roofline);
        return new Target("t", "", Target.Kind.CPU, null, c, Map.of());
    }

    /** x[n, 1] × y[1, 1024]: n × 1024 f32 outputs, n + 1024 inputs. */
    private static Operation outerProduct(long n) {
        FunctionBuilder f = FunctionBuilder.main(f32(n, 1), f32(1, 1024));
        return f.create("ov.Multiply", Map.of(), null, f.arg(0), f.arg(1));
    }

    @Test void anOpThatOutgrowsTheCacheAddsItsDramTimeToItsCompute() {
        Operation big = outerProduct(4096);   // 4 M outputs = 16 MB > 1 MB
        double compute = 0.1 * 4096 * 1024 / 1000;
        double dram = (4096 + 1024 + 4096 * 1024.0) * 4 / (10 * 1e3);
        assertThat(new CpuCostModel(cpu(Target.Roofline.SUM)).cost(big).totalMicros()).isCloseTo(1 + compute + dram, within(1e-6));
        assertThat(new CpuCostModel(cpu(Target.Roofline.MAX)).cost(big).totalMicros()).isCloseTo(1 + Math.max(compute, dram), within(1e-6));
    }

    @Test void anOpInCacheCostsItsComputeOnly() {
        Operation small = outerProduct(64);   // 256 KB
        double compute = 0.1 * 64 * 1024 / 1000;
        assertThat(new CpuCostModel(cpu(Target.Roofline.SUM)).cost(small).totalMicros()).isCloseTo(1 + compute, within(1e-9));
    }

    @Test void theCommittedCpuTargetSumsAndTheRooflineIsReadAndChecked() {
        assertThat(Targets.builtIn("cpu").cpu().roofline()).isEqualTo(Target.Roofline.SUM);
        assertThat(Targets.builtIn("cpu").sources()).containsKey("cpu.roofline");
        String text = TargetJson.write(cpu(Target.Roofline.MAX));
        assertThat(TargetJson.parse(text, "t.json").cpu().roofline()).isEqualTo(Target.Roofline.MAX);
        assertThat(TargetJson.parse(text.replace("\"roofline\": \"max\",", ""), "t.json").cpu().roofline())
                .as("files written before the field default to max").isEqualTo(Target.Roofline.MAX);
        assertThatThrownBy(() -> TargetJson.parse(text.replace("\"max\"", "\"min\""), "t.json"))
                .hasMessage("t.json:11:5: cpu.roofline: expected \"max\" or \"sum\", got \"min\"");
    }

    @Test
    void aPlannedReplacementReadingAnOpsInputDoesNotChangeItsCost() {
        // XAMBA costs the op it replaces while its plan is detached but already reads the same input: the Swish
        // after a MatMul then had two readers and lost its fusion (1.571 µs became 1.994 µs on the built-in cpu).
        CpuCostModel model = new CpuCostModel(Targets.builtIn("cpu"));
        FunctionBuilder f = FunctionBuilder.main(f32(64, 64), f32(64, 64));
        dev.xamba.ir.Value mm = f.op("ov.MatMul", f.arg(0), f.arg(1));
        dev.xamba.ir.Value sw = f.op("ov.Swish", mm);
        f.returning(sw);
        Operation root = sw.definingOp();
        double alone = model.cost(java.util.List.of(root)).totalMicros();
        var rewriter = new dev.xamba.opt.pattern.PatternRewriter(new dev.xamba.opt.pattern.PatternRewriter.Listener() {}, null);
        rewriter.setInsertionPointBefore(root);
        var plan = dev.xamba.opt.rewrite.OvBuilder.plan(root, rewriter);
        plan.replace(plan.create("ov.ReLU", mm));
        double whilePlanned = model.cost(java.util.List.of(root)).totalMicros();
        plan.discard();
        assertThat(whilePlanned).isEqualTo(alone);
    }
}
