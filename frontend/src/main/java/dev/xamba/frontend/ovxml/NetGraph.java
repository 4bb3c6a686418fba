package dev.xamba.frontend.ovxml;

import dev.xamba.frontend.ovxml.IrNet.Edge;
import dev.xamba.frontend.ovxml.IrNet.Layer;
import dev.xamba.frontend.ovxml.IrNet.Port;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The layers of an {@link IrNet} wired by their edges, checked the way OpenVINO's reader checks them: unique layer
 * and port ids, every edge between existing ports (from an output, to an input), exactly one edge into each input
 * port. As in OpenVINO, only what the Results depend on is the model (plus every Parameter); its order is a
 * topological one that keeps the file's order where it can, and a cycle is an error naming its layers.
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
            // As OpenVINO's reader requires: what the importer reads from them (a Result's one input, a Parameter's
            // one output) must be there, and nothing may read from a Result.
            if (l.isA("Parameter") && (!l.inputs().isEmpty() || l.outputs().size() != 1)) {
                throw source.error(l, "a Parameter has no input port and one output port; this one has " + ports(l));
            }
            if (l.isA("Result") && (l.inputs().size() != 1 || !l.outputs().isEmpty())) {
                throw source.error(l, "a Result has one input port and no output port; this one has " + ports(l));
            }
        }
        if (results.isEmpty()) throw source.error("the model has no Result layer, so it computes nothing");
    }

    private static String ports(Layer l) {
        return l.inputs().size() + " input and " + l.outputs().size() + " output port" + (l.outputs().size() == 1 ? "" : "s");
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

    /**
     * Kahn's algorithm over the layers the Results depend on, always taking the ready layer that comes first in the
     * file: a file already in topological order (as OpenVINO's serializer and xambac write them) keeps its order,
     * so reading and writing again gives the same file.
     */
    private void sort() {
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < net.layers().size(); i++) position.put(net.layers().get(i).id(), i);
        Set<Long> needed = needed();
        Map<Long, Integer> waiting = new HashMap<>();
        Map<Long, List<Layer>> consumers = new HashMap<>();
        PriorityQueue<Layer> ready = new PriorityQueue<>(Comparator.comparingInt(l -> position.get(l.id())));
        for (Layer l : net.layers()) {
            if (!needed.contains(l.id())) continue;
            Source[] feeds = inputs.get(l.id());
            waiting.put(l.id(), feeds.length);
            for (Source s : feeds) consumers.computeIfAbsent(s.layer().id(), k -> new ArrayList<>()).add(l);
            if (feeds.length == 0) ready.add(l);
        }
        while (!ready.isEmpty()) {
            Layer l = ready.poll();
            order.add(l);
            for (Layer c : consumers.getOrDefault(l.id(), List.of())) {
                if (waiting.merge(c.id(), -1, Integer::sum) == 0) ready.add(c);
            }
        }
        if (order.size() < needed.size()) {
            Layer stuck = net.layers().stream().filter(l -> needed.contains(l.id()) && waiting.get(l.id()) > 0).findFirst().orElseThrow();
            throw source.error(stuck, "is part of a cycle: " + cycleFrom(stuck, waiting));
        }
    }

    /** The ids of the layers the Results depend on, and of every Parameter; each input port must have its edge. */
    private Set<Long> needed() {
        Set<Long> needed = new HashSet<>();
        Deque<Layer> todo = new ArrayDeque<>(results);
        for (Layer p : parameters) needed.add(p.id());
        for (Layer r : results) needed.add(r.id());
        while (!todo.isEmpty()) {
            Layer l = todo.pop();
            Source[] feeds = inputs.get(l.id());
            for (int i = 0; i < feeds.length; i++) {
                if (feeds[i] == null) throw source.error(l, "input port " + l.inputs().get(i).id() + " has no incoming edge");
                if (needed.add(feeds[i].layer().id())) todo.push(feeds[i].layer());
            }
        }
        return needed;
    }

    /**
     * A cycle through layers that never became ready, in edge order ({@code 3 'a' -> 5 'b' -> 3 'a'}): walking
     * back through inputs that are still waiting must revisit a layer, since every such layer has one.
     */
    private String cycleFrom(Layer stuck, Map<Long, Integer> waiting) {
        List<Layer> walk = new ArrayList<>();
        Map<Long, Integer> seenAt = new HashMap<>();
        Layer l = stuck;
        while (!seenAt.containsKey(l.id())) {
            seenAt.put(l.id(), walk.size());
            walk.add(l);
            for (Source s : inputs.get(l.id())) {
                if (waiting.getOrDefault(s.layer().id(), 0) > 0) {
                    l = s.layer();
                    break;
                }
            }
        }
        // the walk goes against the edges: reversed, from the repeated layer on, it is the cycle in edge order
        List<Layer> cycle = new ArrayList<>(walk.subList(seenAt.get(l.id()), walk.size()));
        Collections.reverse(cycle);
        StringJoiner j = new StringJoiner(" -> ");
        for (Layer c : cycle) j.add(c.id() + " '" + c.name() + "'");
        return j.add(cycle.get(0).id() + " '" + cycle.get(0).name() + "'").toString();
    }
}
