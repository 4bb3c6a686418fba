package dev.xamba.api.pipeline;

import dev.xamba.codegen.OvIrWriter;
import dev.xamba.codegen.WriterOptions;
import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.opt.cost.CostModel;
import dev.xamba.opt.cost.CostModels;
import dev.xamba.opt.cost.Unit;
import dev.xamba.opt.cost.device.Target;
import dev.xamba.opt.cost.report.CostReport;
import dev.xamba.opt.cost.report.DynamicDims;
import dev.xamba.opt.cost.report.GraphCost;
import dev.xamba.opt.pass.PassContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The data of {@code xambac report}: the cost model's prediction for a compiled model on its target, against the
 * same model without XAMBA rewrites, and each chosen rewrite's speedup alone.
 */
public final class CostReports {
    private CostReports() {}

    /**
     * @param compiled  the model compiled to the OpenVINO opset with {@code rewrites}
     * @param ctx       that compile's pass context (its rewrite decisions)
     * @param rewrites  the XAMBA pipeline elements it ran
     * @param choice    the XAMBA choice as the user spelled it ({@code auto}, {@code cumba,reduba})
     * @param compileWith compiles the input again with other rewrite elements (empty: none)
     * @param writer    how the compile writes its IR: the rows are named after its layers
     */
    public static CostReport of(Operation compiled, PassContext ctx, List<String> rewrites, Target target, String choice,
                                String modelName, Function<List<String>, Operation> compileWith, WriterOptions writer) {
        CostModel model = CostModels.forTarget(target);
        List<Unit> units = target.kind() == Target.Kind.CPU ? List.of(Unit.CPU) : List.of(Unit.DPU, Unit.SHAVE, Unit.DMA);
        GraphCost after = costed(compiled, model, units, writer);
        GraphCost baseline = rewrites.isEmpty() ? after : costed(compileWith.apply(List.of()), model, units, writer);
        List<CostReport.Technique> techniques = new ArrayList<>();
        for (String element : rewrites) {
            // Each technique alone, as the full run applies it (cost-guided or forced): baseline ÷ its total.
            String pattern = element.substring(0, element.indexOf('{'));
            int applied = (int) ctx.decisions().stream().filter(d -> d.pattern().equals(pattern) && d.applied()).count();
            double alone = GraphCost.of(compileWith.apply(List.of(element)), model, units).totalUs();
            techniques.add(new CostReport.Technique(pattern.substring("xamba-".length()), applied,
                    alone == 0 ? Double.NaN : baseline.totalUs() / alone));
        }
        return new CostReport(target.name(), target.description(), modelName, Arrays.asList(choice.split(",")), after,
                baseline, ctx.decisions(), null, techniques, DynamicDims.count(compiled, model));
    }

    /**
     * {@code module}'s cost, each row named after the layer the writer makes of its op, so that a measured layer is
     * matched to exactly its op (names from locations repeat: a rewrite's ops share the location of the op they
     * replace, and a constant folded from a node takes the node's name first). A module without {@code @main},
     * which is costed but cannot be written (textual IR of other functions), keeps the names of its locations.
     */
    private static GraphCost costed(Operation module, CostModel model, List<Unit> units, WriterOptions writer) {
        if (new ModuleOp(module).function("main").isEmpty()) return GraphCost.of(module, model, units);
        Map<Operation, String> layers = OvIrWriter.layerNames(module, writer);
        return GraphCost.of(module, model, units, layers::get);
    }

    /** {@code report} with a measurement added, and its predicted graph replaced by one carrying measured times. */
    public static CostReport withMeasurement(CostReport r, GraphCost measuredAfter, CostReport.Measurement measured) {
        return r.withMeasurement(measuredAfter, measured);
    }
}
