package dev.xamba.cli.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every name of each tensor of an OpenVINO IR ({@code <port names="y,z">}). OpenVINO's C API tells a port by one
 * of its names ({@code ov_port_get_any_name}), but a tensor can have several: outputs that share one (ONNX's
 * {@code z = Identity(y)} with y and z both outputs, written as one tensor named "y,z" feeding two Results), or an
 * input a tool gave two names. Results and inputs are looked up under any of them.
 */
public final class PortNames {
    /** For models read from something other than an IR .xml: each port has the one name OpenVINO tells. */
    public static final PortNames ONLY_ANY_NAME = new PortNames(() -> new Parsed(Map.of(), List.of()));

    /**
     * What the .xml says: each name's tensor's names, and the Result layers' names in file order (OpenVINO numbers
     * outputs so).
     */
    private record Parsed(Map<String, List<String>> tensorOfName, List<String> results) {}

    /** How OpenVINO's serializer and xamba's writer name a Result after its output: {@code <name>/sink_port_0}. */
    private static final String RESULT_SUFFIX = "/sink_port_0";

    private final Supplier<Parsed> names;
    private Parsed parsed;

    private PortNames(Supplier<Parsed> names) { this.names = names; }

    static PortNames of(Document ir) {
        Parsed p = namesIn(ir);
        return new PortNames(() -> p);
    }

    /**
     * The names of xamba's own IR, parsed only when asked: most models name each port once, and parsing a deep
     * model's .xml for nothing is a DOM of megabytes on every {@code verify --engine openvino}.
     */
    static PortNames whenAsked(String xmlText, String source) {
        return new PortNames(() -> {
            try {
                return namesIn(IrXml.parse(xmlText, source));
            } catch (IOException e) {
                throw new IllegalStateException("xamba's own IR of " + source + " does not parse", e);
            }
        });
    }

    /** The model's own layers ({@code <net><layers><layer>}), not those of a sub-graph's body (If, Loop). */
    private static Parsed namesIn(Document ir) {
        Map<String, List<String>> byName = new HashMap<>();
        List<String> results = new ArrayList<>();
        for (Element layers : children(ir.getDocumentElement(), "layers")) {
            for (Element l : children(layers, "layer")) {
                if (l.getAttribute("type").equals("Result")) results.add(l.getAttribute("name"));
                for (String side : List.of("input", "output")) {
                    for (Element ports : children(l, side)) {
                        for (Element port : children(ports, "port")) {
                            String names = port.getAttribute("names");
                            if (names.isEmpty()) continue;
                            List<String> all = List.of(names.split(",", -1));
                            for (String n : all) byName.putIfAbsent(n, all);
                        }
                    }
                }
            }
        }
        return new Parsed(byName, results);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) found.add(e);
        }
        return found;
    }

    private Parsed parsed() {
        if (parsed == null) parsed = names.get();
        return parsed;
    }

    /**
     * The name of output {@code index} whose tensor OpenVINO tells by {@code anyName}, as its Result layer says
     * ({@code y/sink_port_0} for y): outputs sharing a tensor, or an input passed through ({@code y = Identity(x)}:
     * the tensor "x,y", which OpenVINO tells as x), each get their own. Null when the Result does not say.
     */
    public String ownNameOfOutput(int index, String anyName) {
        List<String> results = parsed().results();
        if (index >= results.size() || !results.get(index).endsWith(RESULT_SUFFIX)) return null;
        String own = results.get(index).substring(0, results.get(index).length() - RESULT_SUFFIX.length());
        return allOf(anyName).contains(own) ? own : null;
    }

    /** The names of the tensor {@code anyName} is a name of, {@code anyName} first; just it when unknown. */
    public List<String> allOf(String anyName) {
        List<String> all = parsed().tensorOfName().get(anyName);
        if (all == null || all.size() == 1) return List.of(anyName);
        ArrayList<String> ordered = new ArrayList<>(all.size());
        ordered.add(anyName);
        for (String n : all) if (!n.equals(anyName)) ordered.add(n);
        return ordered;
    }
}
