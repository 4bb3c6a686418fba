package dev.xamba.opt.cost.device;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes targets as JSON (the schema is in the README, "Target files"). Reading checks every field
 * and names the one that is wrong ({@code T.json: dpu.tiles: expected a positive integer, got "six"}).
 */
public final class TargetJson {
    private TargetJson() {}

    /** Parses {@code text}; {@code origin} names the file in errors. */
    public static Target parse(String text, String origin) {
        JsonObject root;
        try {
            // Strict: JsonParser.parseString is lenient, and read `"kind": npu` (no quotes) or a trailing comma as JSON.
            JsonReader in = new JsonReader(new StringReader(text));
            in.setStrictness(Strictness.STRICT);
            JsonElement e = JsonParser.parseReader(in);
            in.peek(); // a second value after the object: malformed, from the strict reader itself
            if (!e.isJsonObject()) throw new TargetFormatException(origin + ": a target file must hold one JSON object");
            root = e.getAsJsonObject();
        } catch (JsonParseException | IOException e) { // from a StringReader, only gson's MalformedJsonException
            throw new TargetFormatException(syntaxError(origin, e));
        }
        Reader r = new Reader(origin);
        String name = r.string(root, "name");
        String kind = r.string(root, "kind");
        if (kind.equals("npu")) r.onlyKnown(root, "", "name", "kind", "description", "sources", "dpu", "shave", "dma", "efficiency");
        if (kind.equals("cpu")) r.onlyKnown(root, "", "name", "kind", "description", "sources", "cpu");
        String description = root.has("description") ? r.string(root, "description") : "";
        Map<String, String> sources = new TreeMap<>();
        if (root.has("sources")) r.object(root, "sources").entrySet().forEach(en -> sources.put(en.getKey(), r.string(r.object(root, "sources"), en.getKey())));
        return switch (kind) {
            case "npu" -> new Target(name, description, Target.Kind.NPU, npu(r, root), null, sources);
            case "cpu" -> new Target(name, description, Target.Kind.CPU, null, cpu(r, r.object(root, "cpu")), sources);
            default -> throw new TargetFormatException(origin + ": kind: expected \"npu\" or \"cpu\", got \"" + kind + "\"");
        };
    }

    private static Target.Npu npu(Reader r, JsonObject root) {
        JsonObject d = r.object(root, "dpu");
        r.onlyKnown(d, "dpu.", "tiles", "clock_mhz", "macs_per_cycle_f16", "macs_per_cycle_i8", "depthwise_macs_per_cycle",
                "eltwise_per_cycle", "cmx_bytes_per_tile", "cmx_gbps_per_tile");
        Target.Dpu dpu = new Target.Dpu(r.positiveInt(d, "tiles"), r.positive(d, "clock_mhz"),
                r.positiveInt(d, "macs_per_cycle_f16"), r.positiveInt(d, "macs_per_cycle_i8"),
                r.positiveInt(d, "depthwise_macs_per_cycle"), r.positiveInt(d, "eltwise_per_cycle"),
                r.positiveLong(d, "cmx_bytes_per_tile"), r.positive(d, "cmx_gbps_per_tile"));
        JsonObject s = r.object(root, "shave");
        r.onlyKnown(s, "shave.", "count", "default", "kernels", "single_shave_kernels");
        Target.Shave shave = new Target.Shave(r.positiveInt(s, "count"), r.rate(r.object(s, "default"), "shave.default"),
                r.rates(s, "kernels", "shave.kernels"),
                s.has("single_shave_kernels") ? r.strings(s, "single_shave_kernels") : Set.of());
        JsonObject m = r.object(root, "dma");
        r.onlyKnown(m, "dma.", "engines", "gbps_per_engine", "dram_gbps", "latency_us");
        Target.Dma dma = new Target.Dma(r.positiveInt(m, "engines"), r.positive(m, "gbps_per_engine"),
                r.positive(m, "dram_gbps"), r.nonNegative(m, "latency_us"));
        Target.Efficiency efficiency = Target.Efficiency.IDEAL;
        if (root.has("efficiency")) {
            JsonObject e = r.object(root, "efficiency");
            r.onlyKnown(e, "efficiency.", "dpu_compute", "dma_bandwidth");
            efficiency = new Target.Efficiency(r.fraction(e, "dpu_compute"), r.fraction(e, "dma_bandwidth"));
        }
        return new Target.Npu(dpu, shave, dma, efficiency);
    }

    private static Target.Cpu cpu(Reader r, JsonObject c) {
        r.onlyKnown(c, "cpu.", "inference_fixed_us", "default", "families", "cache_bytes", "dram_gbps", "measured_on", "date", "roofline");
        return new Target.Cpu(r.nonNegative(c, "inference_fixed_us"), r.rate(r.object(c, "default"), "cpu.default"),
                r.rates(c, "families", "cpu.families"), r.positiveLong(c, "cache_bytes"), r.positive(c, "dram_gbps"),
                c.has("measured_on") ? r.string(c, "measured_on") : "",
                c.has("date") ? r.string(c, "date") : "", c.has("roofline") ? roofline(r, c) : Target.Roofline.MAX);
    }

    private static Target.Roofline roofline(Reader r, JsonObject c) {
        String v = r.string(c, "roofline");
        for (Target.Roofline x : Target.Roofline.values()) if (x.key().equals(v)) return x;
        throw new TargetFormatException(r.origin() + ": roofline: expected \"max\" or \"sum\", got \"" + v + "\"");
    }

    /** The target as JSON, fields in schema order, rates sorted by name: stable, diffable output. */
    public static String write(Target t) {
        JsonObject root = new JsonObject();
        root.addProperty("name", t.name());
        root.addProperty("kind", t.kind().name().toLowerCase(Locale.ROOT));
        root.addProperty("description", t.description());
        if (t.kind() == Target.Kind.NPU) {
            Target.Dpu d = t.npu().dpu();
            JsonObject dpu = new JsonObject();
            dpu.addProperty("tiles", d.tiles());
            dpu.addProperty("clock_mhz", d.clockMhz());
            dpu.addProperty("macs_per_cycle_f16", d.macsPerCycleF16());
            dpu.addProperty("macs_per_cycle_i8", d.macsPerCycleI8());
            dpu.addProperty("depthwise_macs_per_cycle", d.depthwiseMacsPerCycle());
            dpu.addProperty("eltwise_per_cycle", d.eltwisePerCycle());
            dpu.addProperty("cmx_bytes_per_tile", d.cmxBytesPerTile());
            dpu.addProperty("cmx_gbps_per_tile", d.cmxGBpsPerTile());
            root.add("dpu", dpu);
            JsonObject shave = new JsonObject();
            shave.addProperty("count", t.npu().shave().count());
            shave.add("default", rate(t.npu().shave().defaultKernel()));
            shave.add("kernels", rates(t.npu().shave().kernels()));
            if (!t.npu().shave().singleShave().isEmpty()) {
                JsonArray single = new JsonArray();
                new TreeSet<>(t.npu().shave().singleShave()).forEach(single::add);
                shave.add("single_shave_kernels", single);
            }
            root.add("shave", shave);
            Target.Dma m = t.npu().dma();
            JsonObject dma = new JsonObject();
            dma.addProperty("engines", m.engines());
            dma.addProperty("gbps_per_engine", m.gbpsPerEngine());
            dma.addProperty("dram_gbps", m.dramGBps());
            dma.addProperty("latency_us", m.latencyUs());
            root.add("dma", dma);
            JsonObject efficiency = new JsonObject();
            efficiency.addProperty("dpu_compute", t.npu().efficiency().dpuCompute());
            efficiency.addProperty("dma_bandwidth", t.npu().efficiency().dmaBandwidth());
            root.add("efficiency", efficiency);
        } else {
            Target.Cpu c = t.cpu();
            JsonObject cpu = new JsonObject();
            cpu.addProperty("measured_on", c.measuredOn());
            cpu.addProperty("date", c.date());
            cpu.addProperty("inference_fixed_us", c.inferenceFixedUs());
            cpu.addProperty("cache_bytes", c.cacheBytes());
            cpu.addProperty("dram_gbps", c.dramGBps());
            cpu.addProperty("roofline", c.roofline().key());
            cpu.add("default", rate(c.defaultFamily()));
            cpu.add("families", rates(c.families()));
            root.add("cpu", cpu);
        }
        JsonObject sources = new JsonObject();
        new TreeMap<>(t.sources()).forEach(sources::addProperty);
        root.add("sources", sources);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static JsonObject rates(Map<String, KernelRate> rates) {
        JsonObject o = new JsonObject();
        new TreeMap<>(rates).forEach((k, v) -> o.add(k, rate(v)));
        return o;
    }

    private static JsonObject rate(KernelRate k) {
        JsonObject o = new JsonObject();
        o.addProperty("fixed_us", k.fixedUs());
        o.addProperty("ns_per_element", k.nsPerElement());
        if (k.nsPerMac() != 0) o.addProperty("ns_per_mac", k.nsPerMac());
        return o;
    }

    /** Where gson's messages say where: "... at line 2 column 5 path $.dpu" (then a line pointing at its FAQ). */
    private static final Pattern GSON_LOCATION = Pattern.compile("(.*) at line (\\d+) column (\\d+)(?: path .*)?");

    /**
     * gson's syntax error as a one-line diagnostic at {@code origin:line:col}, without the advice gson gives its
     * callers ("Use JsonReader.setStrictness(...) to accept malformed JSON" becomes "malformed JSON").
     */
    static String syntaxError(String origin, Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        Matcher at = GSON_LOCATION.matcher(message);
        String where = origin;
        if (at.matches()) {
            where = origin + ":" + at.group(2) + ":" + at.group(3);
            message = at.group(1);
        }
        if (message.matches("Use JsonReader\\.\\S+ to accept malformed JSON")) message = "malformed JSON";
        message = message.replaceFirst(" in strict mode$", ""); // a mode the user did not choose: JSON is strict
        return where + ": not valid JSON: " + message;
    }

    /** Typed field access that names the file and field in every error. */
    private record Reader(String origin) {
        JsonObject object(JsonObject o, String key) {
            JsonElement e = o.get(key);
            if (e == null || !e.isJsonObject()) throw error(key, "expected an object", e);
            return e.getAsJsonObject();
        }

        String string(JsonObject o, String key) {
            JsonElement e = o.get(key);
            if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) throw error(key, "expected a string", e);
            return e.getAsString();
        }

        double nonNegative(JsonObject o, String key) {
            double v = number(o, key);
            if (!(v >= 0) || Double.isInfinite(v)) throw error(key, "expected a number >= 0", o.get(key));
            return v;
        }

        double positive(JsonObject o, String key) {
            double v = number(o, key);
            if (!(v > 0) || Double.isInfinite(v)) throw error(key, "expected a positive number", o.get(key));
            return v;
        }

        /** A fraction in (0, 1]. */
        double fraction(JsonObject o, String key) {
            double v = number(o, key);
            if (!(v > 0 && v <= 1)) throw error(key, "expected a number in (0, 1]", o.get(key));
            return v;
        }

        Set<String> strings(JsonObject o, String key) {
            JsonElement e = o.get(key);
            if (e == null || !e.isJsonArray()) throw error(key, "expected an array of strings", e);
            Set<String> out = new TreeSet<>();
            for (JsonElement x : e.getAsJsonArray()) {
                if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) throw error(key, "expected an array of strings", e);
                out.add(x.getAsString());
            }
            return out;
        }

        /**
         * Refuses a field the schema does not have: a misspelt one ("efficency") would otherwise leave its default,
         * a cost model off by the factor it was meant to set, and no error.
         */
        void onlyKnown(JsonObject o, String path, String... known) {
            Set<String> names = Set.of(known);
            for (String k : o.keySet()) {
                if (!names.contains(k)) {
                    throw new TargetFormatException(origin + ": " + path + k + ": unknown field (expected one of "
                            + String.join(", ", known) + ")");
                }
            }
        }

        /** A whole number of bytes, at least 1 (0.5 was read as 0, and every cost then infinite). */
        long positiveLong(JsonObject o, String key) {
            double v = positive(o, key);
            if (v != Math.rint(v) || v >= 0x1p63) throw error(key, "expected a positive integer", o.get(key));
            return (long) v;
        }

        int positiveInt(JsonObject o, String key) {
            double v = positive(o, key);
            if (v != Math.rint(v) || v > Integer.MAX_VALUE) throw error(key, "expected a positive integer", o.get(key));
            return (int) v;
        }

        KernelRate rate(JsonObject o, String path) {
            for (String k : o.keySet()) {
                if (!k.equals("fixed_us") && !k.equals("ns_per_element") && !k.equals("ns_per_mac")) {
                    throw new TargetFormatException(origin + ": " + path + "." + k + ": unknown field (expected fixed_us, ns_per_element, ns_per_mac)");
                }
            }
            try {
                return new KernelRate(nonNegative(o, "fixed_us"), o.has("ns_per_element") ? nonNegative(o, "ns_per_element") : 0,
                        o.has("ns_per_mac") ? nonNegative(o, "ns_per_mac") : 0);
            } catch (TargetFormatException e) {
                throw new TargetFormatException(e.getMessage().replace(origin + ": ", origin + ": " + path + "."));
            }
        }

        Map<String, KernelRate> rates(JsonObject o, String key, String path) {
            Map<String, KernelRate> m = new TreeMap<>();
            for (Map.Entry<String, JsonElement> e : object(o, key).entrySet()) {
                if (!e.getValue().isJsonObject()) throw error(key + "." + e.getKey(), "expected an object", e.getValue());
                m.put(e.getKey(), rate(e.getValue().getAsJsonObject(), path + "." + e.getKey()));
            }
            return m;
        }

        private double number(JsonObject o, String key) {
            JsonElement e = o.get(key);
            if (e == null || !e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) throw error(key, "expected a number", e);
            return e.getAsDouble();
        }

        private TargetFormatException error(String key, String expected, JsonElement got) {
            return new TargetFormatException(origin + ": " + key + ": " + expected + (got == null ? ", missing" : ", got " + got));
        }
    }
}
