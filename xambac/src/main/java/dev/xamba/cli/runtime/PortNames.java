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
    public static final PortNames ONLY_ANY_NAME = new PortNames(Map::of);

    private final Supplier<Map<String, List<String>>> names;
    private Map<String, List<String>> tensorOfName;

    private PortNames(Supplier<Map<String, List<String>>> names) { this.names = names; }

    static PortNames of(Document ir) {
        Map<String, List<String>> byName = namesIn(ir);
        return new PortNames(() -> byName);
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

    private static Map<String, List<String>> namesIn(Document ir) {
        Map<String, List<String>> byName = new HashMap<>();
        NodeList ports = ir.getElementsByTagName("port");
        for (int i = 0; i < ports.getLength(); i++) {
            String names = ((Element) ports.item(i)).getAttribute("names");
            if (names.isEmpty()) continue;
            List<String> all = List.of(names.split(",", -1));
            for (String n : all) byName.putIfAbsent(n, all);
        }
        return byName;
    }

    /** The names of the tensor {@code anyName} is a name of, {@code anyName} first; just it when unknown. */
    public List<String> allOf(String anyName) {
        if (tensorOfName == null) tensorOfName = names.get();
        List<String> all = tensorOfName.get(anyName);
        if (all == null || all.size() == 1) return List.of(anyName);
        ArrayList<String> ordered = new ArrayList<>(all.size());
        ordered.add(anyName);
        for (String n : all) if (!n.equals(anyName)) ordered.add(n);
        return ordered;
    }
}
