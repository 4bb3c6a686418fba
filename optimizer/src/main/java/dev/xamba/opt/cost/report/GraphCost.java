package dev.xamba.opt.cost.report;

import dev.xamba.ir.Operation;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.opt.cost.Cost;
import dev.xamba.opt.cost.CostModel;
import dev.xamba.opt.cost.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The predicted cost of one graph: a row per op that runs, in schedule (IR) order, and the totals per unit. The
 * total is the sum along the schedule plus the model's per-inference overhead, {@code fixedUs} (units do not overlap,
 * see {@link dev.xamba.opt.cost.npu.NpuCostModel}).
 */
public record GraphCost(List<OpRow> ops, Map<String, Double> units, double totalUs, double fixedUs) {
    /**
     * A graph whose fixed cost is what its total has beyond its rows (for graphs made by hand: {@link #of} knows the
     * model's overhead; a difference of large sums is not exact).
     */
    public GraphCost(List<OpRow> ops, Map<String, Double> units, double totalUs) {
        this(ops, units, totalUs, totalUs - ops.stream().mapToDouble(OpRow::us).sum());
    }

    /** Costs {@code @main} (else the first function) of {@code module}, each row named after its op's location. */
    public static GraphCost of(Operation module, CostModel model, List<Unit> reportedUnits) {
        return of(module, model, reportedUnits, op -> null);
    }

    /**
     * Costs {@code @main} (else the first function) of {@code module}, each row named {@code layerNames} gives its op
     * (the OpenVINO layer it is written as: unique, and what the runtime's per-layer counters are keyed by), else
     * after its location.
     */
    public static GraphCost of(Operation module, CostModel model, List<Unit> reportedUnits, Function<Operation, String> layerNames) {
        Operation func = mainFunction(module);
        List<OpRow> rows = new ArrayList<>();
        Map<String, Double> units = new LinkedHashMap<>();
        for (Unit u : reportedUnits) units.put(u.name(), 0.0);
        Cost total = model.graphOverhead();
        int index = 0;
        for (Operation op : new FuncOp(func).body().operations()) {
            Optional<Unit> unit = model.unitOf(op);
            if (unit.isEmpty()) continue;
            Cost c = model.cost(op);
            total = total.plus(c);
            String type = op.name().substring(op.name().indexOf('.') + 1);
            String layer = layerNames.apply(op);
            String name = layer != null ? layer : layerName(op.location()).orElse(type + "_" + index);
            rows.add(new OpRow(name, type, unit.get().name(),
                    c.totalMicros(), op.location().toString(), Double.NaN));
            index++;
        }
        total.byUnit().forEach((u, us) -> units.put(u.name(), us));
        return new GraphCost(List.copyOf(rows), java.util.Collections.unmodifiableMap(units), total.totalMicros(),
                model.graphOverhead().totalMicros());
    }

    /**
     * The same graph with each op's measured time: {@code layerUs} is keyed by OpenVINO layer name, which is the
     * op's row name when the graph was costed with the writer's layer names; an op without a layer keeps NaN (the
     * plugin fused it into another layer, or dropped it).
     */
    public GraphCost withMeasured(Map<String, Double> layerUs) {
        List<OpRow> rows = ops.stream().map(r -> r.withMeasured(layerUs.getOrDefault(r.name(), Double.NaN))).toList();
        return new GraphCost(rows, units, totalUs, fixedUs);
    }

    /** The part of {@code layerUs} in layers that are none of this graph's ops, µs. */
    public double unmatchedUs(Map<String, Double> layerUs) {
        Set<String> names = new HashSet<>();
        ops.forEach(r -> names.add(r.name()));
        return layerUs.entrySet().stream().filter(e -> !names.contains(e.getKey())).mapToDouble(Map.Entry::getValue).sum();
    }

    /** Per op type: total µs, in descending order. */
    public Map<String, Double> byType() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (OpRow r : ops) m.merge(r.type(), r.us(), Double::sum);
        Map<String, Double> sorted = new LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The {@code n} costliest ops, ties in schedule order. */
    public List<OpRow> costliest(int n) {
        return ops.stream().sorted((a, b) -> Double.compare(b.us(), a.us())).limit(n).toList();
    }

    /** {@code @main}, else the first function: the one a report costs. */
    static Operation mainFunction(Operation module) {
        List<FuncOp> funcs = new ModuleOp(module).functions();
        if (funcs.isEmpty()) throw new IllegalArgumentException("the module has no function to cost");
        return funcs.stream().filter(f -> f.name().equals("main")).findFirst().orElse(funcs.get(0)).op();
    }

    /** The layer name codegen gives an op: its location's name, or the first name of a fused location. */
    static Optional<String> layerName(Location loc) {
        if (loc instanceof Location.Name n && !n.name().isEmpty()) return Optional.of(n.name());
        if (loc instanceof Location.Fused f) {
            for (Location part : f.parts()) {
                Optional<String> name = layerName(part);
                if (name.isPresent()) return name;
            }
        }
        return Optional.empty();
    }
}
