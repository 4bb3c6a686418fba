package dev.xamba.codegen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The IR v11 document before it is spelled as XML: layers in file order and the edges between their ports. Built
 * by {@link GraphBuilder}, written by {@link XmlWriter}.
 */
final class LayerGraph {
    /** One {@code <port>}: id, precision, dims (-1 dynamic) and, for outputs, tensor names (kept sorted). */
    static final class Port {
        final int id;
        final String precision;
        final long[] dims;
        final TreeSet<String> names = new TreeSet<>();

        Port(int id, String precision, long[] dims) {
            this.id = id;
            this.precision = precision;
            this.dims = dims.clone();
        }
    }

    /** One {@code <layer>}. Data attributes keep their insertion order. */
    static final class Layer {
        final int id;
        final String name;
        final String type;
        final String version;
        final Map<String, String> data = new LinkedHashMap<>();
        final List<String> rtInfo = new ArrayList<>();
        final List<Port> inputs = new ArrayList<>();
        final List<Port> outputs = new ArrayList<>();

        Layer(int id, String name, String type, String version) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.version = version;
        }

        /** Adds the next input port; ids count inputs first. */
        Port addInput(String precision, long[] dims) {
            if (!outputs.isEmpty()) throw new IllegalStateException("inputs must be added before outputs");
            Port p = new Port(inputs.size(), precision, dims);
            inputs.add(p);
            return p;
        }

        /** Adds the next output port; its id continues after the inputs. */
        Port addOutput(String precision, long[] dims) {
            Port p = new Port(inputs.size() + outputs.size(), precision, dims);
            outputs.add(p);
            return p;
        }
    }

    /** An {@code <edge>} from an output port to an input port. */
    record Edge(int fromLayer, int fromPort, int toLayer, int toPort) {
        static final Comparator<Edge> ORDER = Comparator.comparingInt(Edge::fromLayer).thenComparingInt(Edge::fromPort)
                .thenComparingInt(Edge::toLayer).thenComparingInt(Edge::toPort);
    }

    /** Where a value is produced: a layer and its output port. */
    record Source(Layer layer, Port port) {}

    final String name;
    private final List<Layer> layers = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();

    LayerGraph(String name) {
        this.name = name;
    }

    /** Appends a layer with the next id. */
    Layer addLayer(String layerName, String type, String version) {
        Layer l = new Layer(layers.size(), layerName, type, version);
        layers.add(l);
        return l;
    }

    /** Feeds {@code to}'s next input port (made here with the source's precision and dims) from {@code from}. */
    void connect(Source from, Layer to) {
        Port in = to.addInput(from.port().precision, from.port().dims);
        edges.add(new Edge(from.layer().id, from.port().id, to.id, in.id));
    }

    List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** The edges in file order: by source layer and port, then target. */
    List<Edge> sortedEdges() {
        List<Edge> sorted = new ArrayList<>(edges);
        sorted.sort(Edge.ORDER);
        return sorted;
    }
}
