package dev.xamba.cli.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Where an OpenVINO IR model says how large an integer input may be: a Parameter (possibly through Converts)
 * used as the indices of a {@code Gather} along axis 0 of a constant table, as token ids index an embedding.
 * OpenVINO's CPU plugin does not check Gather indices (an id past the table reads whatever memory follows), so
 * {@code xambac run} checks them against the table's first dimension before running.
 */
public final class EmbeddingBounds {
    private EmbeddingBounds() {}

    private record Layer(String id, String type, String name, String outputNames, Element element) {}

    private record Edge(String fromLayer, String toLayer, String toPort) {}

    /**
     * Input name → number of rows of the table it indexes (the vocabulary size), under each of the input's names;
     * inputs without one are absent.
     */
    static Map<String, Long> of(Document doc) {
        Map<String, Layer> layers = new LinkedHashMap<>();
        NodeList ls = doc.getElementsByTagName("layer");
        for (int i = 0; i < ls.getLength(); i++) {
            Element l = (Element) ls.item(i);
            String names = "";
            NodeList outs = l.getElementsByTagName("output");
            if (outs.getLength() > 0) {
                NodeList ports = ((Element) outs.item(0)).getElementsByTagName("port");
                if (ports.getLength() > 0) names = ((Element) ports.item(0)).getAttribute("names");
            }
            layers.put(l.getAttribute("id"), new Layer(l.getAttribute("id"), l.getAttribute("type"), l.getAttribute("name"), names, l));
        }
        List<Edge> edges = new ArrayList<>();
        NodeList es = doc.getElementsByTagName("edge");
        for (int i = 0; i < es.getLength(); i++) {
            Element e = (Element) es.item(i);
            edges.add(new Edge(e.getAttribute("from-layer"), e.getAttribute("to-layer"), e.getAttribute("to-port")));
        }
        Map<String, List<Edge>> uses = new HashMap<>();
        Map<String, String> producerOfPort = new HashMap<>();
        for (Edge e : edges) {
            uses.computeIfAbsent(e.fromLayer(), k -> new ArrayList<>()).add(e);
            producerOfPort.put(e.toLayer() + ":" + e.toPort(), e.fromLayer());
        }
        Map<String, Long> bounds = new LinkedHashMap<>();
        for (Layer p : layers.values()) {
            if (!p.type().equals("Parameter")) continue;
            List<String> inputNames = p.outputNames().isEmpty() ? List.of(p.name()) : List.of(p.outputNames().split(",", -1));
            List<Edge> work = new ArrayList<>(uses.getOrDefault(p.id(), List.of()));
            for (int i = 0; i < work.size() && i < 1000; i++) {
                Edge use = work.get(i);
                Layer user = layers.get(use.toLayer());
                if (user == null) continue;
                if (user.type().equals("Convert")) {
                    work.addAll(uses.getOrDefault(user.id(), List.of()));
                } else if (user.type().equals("Gather") && use.toPort().equals("1")) {
                    Layer table = layers.get(producerOfPort.get(user.id() + ":0"));
                    long rows = axisZeroRows(user);
                    if (table != null && table.type().equals("Const") && rows > 0) inputNames.forEach(n -> bounds.merge(n, rows, Math::min));
                }
            }
        }
        return bounds;
    }

    /**
     * The table's rows when the Gather indexes along axis 0: the output's dims are then the indices' dims followed
     * by the table's dims after the first (and batch_dims is 0). Else -1.
     */
    private static long axisZeroRows(Layer gather) {
        String batchDims = ((Element) gather.element().getElementsByTagName("data").item(0)) == null ? "0"
                : ((Element) gather.element().getElementsByTagName("data").item(0)).getAttribute("batch_dims");
        if (!batchDims.isEmpty() && !batchDims.equals("0")) return -1;
        NodeList in = gather.element().getElementsByTagName("input");
        NodeList out = gather.element().getElementsByTagName("output");
        if (in.getLength() == 0 || out.getLength() == 0) return -1;
        NodeList inPorts = ((Element) in.item(0)).getElementsByTagName("port");
        NodeList outPorts = ((Element) out.item(0)).getElementsByTagName("port");
        if (inPorts.getLength() < 2 || outPorts.getLength() < 1) return -1;
        List<Long> table = dims((Element) inPorts.item(0));
        List<Long> indices = dims((Element) inPorts.item(1));
        List<Long> result = dims((Element) outPorts.item(0));
        if (table.isEmpty()) return -1;
        List<Long> expected = new ArrayList<>(indices);
        expected.addAll(table.subList(1, table.size()));
        return expected.equals(result) ? table.get(0) : -1;
    }

    private static List<Long> dims(Element port) {
        List<Long> d = new ArrayList<>();
        NodeList ds = port.getElementsByTagName("dim");
        for (int i = 0; i < ds.getLength(); i++) {
            try {
                d.add(Long.parseLong(ds.item(i).getTextContent().trim()));
            } catch (NumberFormatException e) {
                d.add(-1L);
            }
        }
        return d;
    }
}
