package dev.xamba.frontend.ovxml;

import java.util.List;
import java.util.Map;

/**
 * An OpenVINO IR {@code .xml} as read, before any meaning is given to it: the {@code <net>}'s layers and edges
 * with their attributes as text, and where each stands in the file (for diagnostics).
 *
 * @param name    the net's {@code name}, or empty
 * @param version the IR version (10 or 11)
 */
record IrNet(String name, int version, List<Layer> layers, List<Edge> edges) {
    /** A line and column in the {@code .xml}. */
    record Pos(int line, int column) {}

    /**
     * A {@code <layer>}.
     *
     * @param data       the {@code <data>} attributes, in file order
     * @param attributes the {@code <layer>} element's other attributes (e.g. a Result's {@code output_names})
     */
    record Layer(long id, String name, String type, String version, Map<String, String> data, Map<String, String> attributes,
                 List<Port> inputs, List<Port> outputs, Pos pos) {
        /** {@code layer 7 'name' (Type-opset1)}: how diagnostics name it. */
        String describe() {
            return "layer " + id + " '" + name + "' (" + type + "-" + version + ")";
        }

        boolean isA(String irType) {
            return type.equalsIgnoreCase(irType);
        }
    }

    /**
     * A {@code <port>} of a layer's {@code <input>} or {@code <output>}.
     *
     * @param precision the {@code precision}, or null (input ports need none)
     * @param dims      the {@code <dim>}s, -1 for a dynamic one
     * @param names     the tensor names ({@code names}), possibly none
     */
    record Port(long id, String precision, long[] dims, List<String> names, Pos pos) {}

    /** An {@code <edge>}: from an output port of one layer to an input port of another. */
    record Edge(long fromLayer, long fromPort, long toLayer, long toPort, Pos pos) {}
}
