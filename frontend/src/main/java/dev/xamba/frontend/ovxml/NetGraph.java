package dev.xamba.frontend.ovxml;

import dev.xamba.frontend.ovxml.IrNet.Edge;
import dev.xamba.frontend.ovxml.IrNet.Layer;
import dev.xamba.frontend.ovxml.IrNet.Port;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The layers of an {@link IrNet} wired by their edges, checked the way OpenVINO's reader checks them: unique layer
 * and port ids, every edge between existing ports (from an output, to an input), exactly one edge into each input
 * port. As in OpenVINO, only what the Results depend on is the model (plus every Parameter); its order is a
 * topological one, found by a depth-first walk from the Results in file order, which also finds cycles.
 */
final class NetGraph {
    /** An output of a layer: the layer and the position of the port in its {@code <output>} list. */
    record Source(Layer layer, int output) {}

    private final IrSource source;
    private final IrNet net;
    private final Map<Long, Layer> byId = new HashMap<>();
    /** Per layer id, the source feeding each input port (by position). */
    private final Map<Long, Source[]> inputs = new HashMap<>();
    private final List<Layer> parameters = new ArrayList<>();
    private final List<Layer> results = new ArrayList<>();
    private final List<Layer> order = new ArrayList<>();

    private NetGraph(IrSource source, IrNet net) {
        this.source = source;
        this.net = net;
    }

    static NetGraph of(IrSource source, IrNet net) {
        NetGraph g = new NetGraph(source, net);
        g.indexLayers();
        g.connect();
        g.sort();
        return g;
    }

    /** The Parameter layers in file order: the model's inputs. */
    List<Layer> parameters() { return parameters; }

    /** The Result layers in file order: the model's outputs. */
    List<Layer> results() { return results; }

    /** The layers the Results depend on, each after its inputs' producers (Parameters and Results included). */
    List<Layer> order() { return order; }

    /** What feeds input {@code i} (by position) of {@code layer}. */
    Source input(Layer layer, int i) {
        return inputs.get(layer.id())[i];
    }

    private void indexLayers() {
        for (Layer l : net.layers()) {
            Layer before = byId.putIfAbsent(l.id(), l);
            if (before != null) throw source.error(l, "layer id " + l.id() + " is also the id of " + before.describe());
            requireUniquePorts(l);
            inputs.put(l.id(), new Source[l.inputs().size()]);
            if (l.isA("Parameter")) parameters.add(l);
            if (l.isA("Result")) results.add(l);
        }
        if (results.isEmpty()) throw source.error("the model has no Result layer, so it computes nothing");
    }

    private void requireUniquePorts(Layer l) {
        Map<Long, Port> seen = new HashMap<>();
        for (List<Port> ports : List.of(l.inputs(), l.outputs())) {
            for (Port p : ports) {
                if (seen.put(p.id(), p) != null) throw source.error(l, "port id " + p.id() + " is used twice");
            }
        }
    }

    private void connect() {
        for (Edge e : net.edges()) {
            Layer from = layer(e.fromLayer(), e);
            Layer to = layer(e.toLayer(), e);
            int out = position(from.outputs(), e.fromPort());
            if (out < 0) {
                throw source.error(e.pos(), "edge from " + from.describe() + " port " + e.fromPort() + ": the layer has no output port "
                        + e.fromPort() + portList(from.outputs()));
            }
            int in = position(to.inputs(), e.toPort());
            if (in < 0) {
                throw source.error(e.pos(), "edge to " + to.describe() + " port " + e.toPort() + ": the layer has no input port "
                        + e.toPort() + portList(to.inputs()));
            }
            Source[] feeds = inputs.get(to.id());
            if (feeds[in] != null) {
                throw source.error(e.pos(), "input port " + e.toPort() + " of " + to.describe() + " has two incoming edges (from "
                        + feeds[in].layer().describe() + " and " + from.describe() + ")");
            }
            feeds[in] = new Source(from, out);
        }
    }

    private Layer layer(long id, Edge e) {
        Layer l = byId.get(id);
        if (l == null) throw source.error(e.pos(), "edge " + e.fromLayer() + ":" + e.fromPort() + " -> " + e.toLayer() + ":" + e.toPort()
                + " names layer " + id + ", which does not exist");
        return l;
    }

    private static int position(List<Port> ports, long id) {
        for (int i = 0; i < ports.size(); i++) if (ports.get(i).id() == id) return i;
        return -1;
    }

    private static String portList(List<Port> ports) {
        if (ports.isEmpty()) return " (it has none)";
        StringJoiner j = new StringJoiner(", ", " (it has ", ")");
        for (Port p : ports) j.add(Long.toString(p.id()));
        return j.toString();
    }

    private enum Mark { VISITING, DONE }

    /** Depth-first from each Result (iteratively: a long chain of layers cannot overflow the stack). */
    private void sort() {
        Map<Long, Mark> marks = new HashMap<>();
        for (Layer p : parameters) {
            marks.put(p.id(), Mark.DONE);
            order.add(p);
        }
        for (Layer result : results) {
            if (marks.containsKey(result.id())) continue;
            Deque<Layer> path = new ArrayDeque<>();
            Deque<Integer> next = new ArrayDeque<>();
            path.push(result);
            next.push(0);
            marks.put(result.id(), Mark.VISITING);
            while (!path.isEmpty()) {
                Layer l = path.peek();
                int i = next.pop();
                if (i == l.inputs().size()) {
                    path.pop();
                    marks.put(l.id(), Mark.DONE);
                    order.add(l);
                    continue;
                }
                next.push(i + 1);
                Source s = inputs.get(l.id())[i];
                if (s == null) {
                    throw source.error(l, "input port " + l.inputs().get(i).id() + " has no incoming edge");
                }
                Mark m = marks.get(s.layer().id());
                if (m == Mark.DONE) continue;
                if (m == Mark.VISITING) throw source.error(s.layer(), "is part of a cycle: " + cycle(path, s.layer()));
                marks.put(s.layer().id(), Mark.VISITING);
                path.push(s.layer());
                next.push(0);
            }
        }
    }

    /** The layers of the cycle through {@code start}, in edge order: {@code 3 'a' -> 5 'b' -> 3 'a'}. */
    private static String cycle(Deque<Layer> path, Layer start) {
        // the walk pushes producers: from the top of the stack down, each layer feeds the one below it
        List<Layer> onPath = new ArrayList<>(path);
        StringJoiner j = new StringJoiner(" -> ");
        j.add(start.id() + " '" + start.name() + "'");
        for (int k = 0; k < onPath.indexOf(start); k++) j.add(onPath.get(k).id() + " '" + onPath.get(k).name() + "'");
        j.add(start.id() + " '" + start.name() + "'");
        return j.toString();
    }
}
