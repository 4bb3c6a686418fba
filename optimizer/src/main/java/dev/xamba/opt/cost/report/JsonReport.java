package dev.xamba.opt.cost.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.xamba.opt.cost.RewriteDecision;

/**
 * The JSON report, schema version 1 (README, "xambac report"; docs/report.schema.json): {@code target, model, xamba,
 * total_us, baseline_total_us, speedup, units, fixed_us, ops[{name, type, unit, us, location}],
 * rewrites[{pattern, location, applied, reason, before_us, after_us}]}, plus {@code measured} when measured,
 * {@code techniques[{name, applied, alone_speedup}]} when XAMBA rewrites were asked for and
 * {@code dynamic_dims{ops, note}} when some op has a dynamic dimension. {@code fixed_us} plus the ops' {@code us}
 * make {@code total_us}. Numbers are µs; a cost that was not computed is null.
 */
public final class JsonReport {
    public static final int SCHEMA_VERSION = 1;

    private JsonReport() {}

    public static String render(CostReport r) {
        JsonObject o = new JsonObject();
        o.addProperty("schema_version", SCHEMA_VERSION);
        o.addProperty("target", r.target());
        o.addProperty("model", r.model());
        JsonArray xamba = new JsonArray();
        r.xamba().forEach(xamba::add);
        o.add("xamba", xamba);
        o.add("total_us", number(r.after().totalUs()));
        o.add("baseline_total_us", number(r.baseline().totalUs()));
        o.add("speedup", number(r.speedup()));
        JsonObject units = new JsonObject();
        r.after().units().forEach((u, us) -> units.add(u, number(us)));
        o.add("units", units);
        // The per-inference fixed cost is in total_us but in no op: without it the ops do not add up to the total.
        o.add("fixed_us", number(r.fixedUs()));
        if (r.dynamicDimOps() > 0) o.add("dynamic_dims", dynamicDims(r));
        boolean perLayer = r.measurement() != null && r.measurement().perLayer();
        o.add("ops", ops(r.after(), perLayer));
        if (perLayer) o.add("measured_total_us", number(r.measurement().layersUs()));
        o.add("rewrites", rewrites(r));
        if (!r.techniques().isEmpty()) o.add("techniques", techniques(r));
        if (r.measurement() != null) o.add("measured", measured(r));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(o) + "\n";
    }

    private static JsonObject dynamicDims(CostReport r) {
        JsonObject dynamic = new JsonObject();
        dynamic.addProperty("ops", r.dynamicDimOps());
        dynamic.addProperty("note", r.dynamicDimNote());
        return dynamic;
    }

    private static JsonArray ops(GraphCost g, boolean perLayer) {
        JsonArray ops = new JsonArray();
        for (OpRow row : g.ops()) {
            JsonObject op = new JsonObject();
            op.addProperty("name", row.name());
            op.addProperty("type", row.type());
            op.addProperty("unit", row.unit());
            op.add("us", number(row.us()));
            op.addProperty("location", row.location());
            if (perLayer) op.add("measured_us", number(row.measuredUs()));
            ops.add(op);
        }
        return ops;
    }

    private static JsonArray rewrites(CostReport r) {
        JsonArray rewrites = new JsonArray();
        for (RewriteDecision d : r.rewrites()) {
            JsonObject w = new JsonObject();
            w.addProperty("pattern", d.pattern());
            w.addProperty("location", d.location().toString());
            w.addProperty("applied", d.applied());
            w.addProperty("reason", d.reason());
            w.add("before_us", number(d.beforeMicros()));
            w.add("after_us", number(d.afterMicros()));
            rewrites.add(w);
        }
        return rewrites;
    }

    private static JsonArray techniques(CostReport r) {
        JsonArray techniques = new JsonArray();
        for (CostReport.Technique t : r.techniques()) {
            JsonObject w = new JsonObject();
            w.addProperty("name", t.name());
            w.addProperty("applied", t.applied());
            w.add("alone_speedup", number(t.aloneSpeedup()));
            techniques.add(w);
        }
        return techniques;
    }

    private static JsonObject measured(CostReport r) {
        CostReport.Measurement measurement = r.measurement();
        JsonObject m = new JsonObject();
        m.addProperty("device", measurement.device());
        m.add("total_us", number(measurement.totalUs()));
        m.add("fastest_us", number(measurement.fastestUs()));
        m.add("predicted_over_measured", number(r.predictedOverMeasured()));
        m.addProperty("runs", measurement.runs());
        m.addProperty("per_layer", measurement.perLayer());
        if (measurement.perLayer()) m.add("unmatched_us", number(measurement.unmatchedUs()));
        m.addProperty("note", measurement.note());
        return m;
    }

    /** A finite number rounded to the nanosecond (or to 3 decimals, for a ratio), or null (NaN: not computed). */
    private static JsonElement number(double us) {
        if (Double.isNaN(us) || Double.isInfinite(us)) return JsonNull.INSTANCE;
        return new JsonPrimitive(new java.math.BigDecimal(us).setScale(3, java.math.RoundingMode.HALF_EVEN));
    }
}
