package dev.xamba.codegen;

import static dev.xamba.codegen.IrSpelling.xmlEscape;

import dev.xamba.codegen.LayerGraph.Edge;
import dev.xamba.codegen.LayerGraph.Layer;
import dev.xamba.codegen.LayerGraph.Port;
import dev.xamba.ir.ops.ov.OvIrText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Spells a {@link LayerGraph} as IR v11 XML in the layout of OpenVINO's serializer: {@code <net>} first (the reader
 * detects IR from the first 512 bytes), per layer {@code <data>}, {@code <rt_info>}, {@code <input>},
 * {@code <output>}, then the sorted edges. Tabs indent, lines end in {@code \n}.
 */
final class XmlWriter {
    /** Text held before it goes to the sink. */
    private static final int FLUSH_AT = 1 << 16;

    private final StringBuilder out = new StringBuilder();
    private final OutputStream sink;

    private XmlWriter(OutputStream sink) { this.sink = sink; }

    /** The document as UTF-8 bytes, in memory. */
    static byte[] write(LayerGraph g) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(g, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The document written to {@code sink} in UTF-8, 64 KiB at a time: a 96-layer Mamba-2's XML is tens of MB,
     * which as one string, its growing copies and its bytes were large arrays for the collector to handle.
     */
    static void write(LayerGraph g, OutputStream sink) throws IOException {
        XmlWriter w = new XmlWriter(sink);
        try {
            w.net(g);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }

    private void net(LayerGraph g) {
        line(0, "<?xml version=\"1.0\"?>");
        line(0, "<net name=\"" + xmlEscape(g.name) + "\" version=\"11\">");
        line(1, "<layers>");
        for (Layer l : g.layers()) layer(l);
        line(1, "</layers>");
        line(1, "<edges>");
        for (Edge e : g.sortedEdges()) {
            line(2, "<edge from-layer=\"" + e.fromLayer() + "\" from-port=\"" + e.fromPort() + "\" to-layer=\"" + e.toLayer()
                    + "\" to-port=\"" + e.toPort() + "\"/>");
        }
        line(1, "</edges>");
        line(0, "</net>");
    }

    private void layer(Layer l) {
        line(2, "<layer id=\"" + l.id + "\" name=\"" + xmlEscape(l.name) + "\" type=\"" + l.type + "\" version=\"" + l.version + "\">");
        if (!l.data.isEmpty()) {
            StringBuilder data = new StringBuilder("<data");
            for (Map.Entry<String, String> a : l.data.entrySet()) {
                data.append(' ').append(a.getKey()).append("=\"").append(xmlEscape(a.getValue())).append('"');
            }
            line(3, data.append("/>").toString());
        }
        if (!l.rtInfo.isEmpty()) {
            line(3, "<rt_info>");
            for (String name : l.rtInfo) line(4, "<attribute name=\"" + xmlEscape(name) + "\" version=\"0\"/>");
            line(3, "</rt_info>");
        }
        ports("input", l.inputs);
        ports("output", l.outputs);
        line(2, "</layer>");
    }

    private void ports(String kind, List<Port> ports) {
        if (ports.isEmpty()) return;
        line(3, "<" + kind + ">");
        for (Port p : ports) {
            String head = "<port id=\"" + p.id + "\" precision=\"" + p.precision + "\""
                    + (p.names.isEmpty() ? "" : " names=\"" + xmlEscape(OvIrText.tensorNames(p.names)) + "\"");
            if (p.dims.length == 0) {
                line(4, head + "/>");
                continue;
            }
            line(4, head + ">");
            for (long d : p.dims) line(5, "<dim>" + d + "</dim>");
            line(4, "</port>");
        }
        line(3, "</" + kind + ">");
    }

    private void line(int depth, String text) {
        out.append("\t".repeat(depth)).append(text).append('\n');
        if (out.length() >= FLUSH_AT) {
            try {
                flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // unwrapped by write(LayerGraph, OutputStream)
            }
        }
    }

    private void flush() throws IOException {
        sink.write(out.toString().getBytes(StandardCharsets.UTF_8));
        out.setLength(0);
    }
}
