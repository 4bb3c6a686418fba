package dev.xamba.opt.cost.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.xamba.opt.cost.RewriteDecision;

/**
 * The JSON report, schema version 1 (README, "xambac report"): {@code target, model, xamba, total_us,
 * baseline_total_us, speedup, units, ops[{name, type, unit, us, location}], rewrites[{pattern, location, applied,
 * reason, before_us, after_us}]}, plus {@code measured} when measured and {@code techniques[{name, applied,
 * alone_speedup}]} when XAMBA rewrites were asked for. Numbers are µs; a cost that was not
 * computed is null.
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
        JsonArray ops = new JsonArray();
        boolean perLayer = r.measurement() != null && r.measurement().perLayer();
        for (OpRow row : r.after().ops()) {
            JsonObject op = new JsonObject();
            op.addProperty("name", row.name());
            op.addProperty("type", row.type());
            op.addProperty("unit", row.unit());
            op.add("us", number(row.us()));
            op.addProperty("location", row.location());
            if (perLayer) op.add("measured_us", number(row.measuredUs()));
            ops.add(op);
        }
        o.add("ops", ops);
        if (perLayer) o.add("measured_total_us", number(r.measurement().layersUs()));
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
        o.add("rewrites", rewrites);
        if (!r.techniques().isEmpty()) {
            JsonArray techniques = new JsonArray();
            for (CostReport.Technique t : r.techniques()) {
                JsonObject w = new JsonObject();
                w.addProperty("name", t.name());
                w.addProperty("applied", t.applied());
                w.add("alone_speedup", number(t.aloneSpeedup()));
                techniques.add(w);
            }
            o.add("techniques", techniques);
        }
        if (r.measurement() != null) {
            JsonObject m = new JsonObject();
            m.addProperty("device", r.measurement().device());
            m.add("total_us", number(r.measurement().totalUs()));
            m.add("fastest_us", number(r.measurement().fastestUs()));
            m.addProperty("runs", r.measurement().runs());
            m.addProperty("per_layer", r.measurement().perLayer());
            if (perLayer) m.add("unmatched_us", number(r.measurement().unmatchedUs()));
            m.addProperty("note", r.measurement().note());
            o.add("measured", m);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(o) + "\n";
    }

    /** A finite number rounded to the nanosecond, or null (NaN: not computed). */
    private static JsonElement number(double us) {
        if (Double.isNaN(us) || Double.isInfinite(us)) return JsonNull.INSTANCE;
        return new JsonPrimitive(new java.math.BigDecimal(us).setScale(3, java.math.RoundingMode.HALF_EVEN));
    }
}
