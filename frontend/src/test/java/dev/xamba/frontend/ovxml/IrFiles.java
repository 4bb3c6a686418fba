package dev.xamba.frontend.ovxml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds small OpenVINO IR files (the {@code .xml} text and the {@code .bin} bytes) for the importer's tests. */
final class IrFiles {
    private final List<String> layers = new ArrayList<>();
    private final List<String> edges = new ArrayList<>();
    private final ByteBuffer bin = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private String version = "11";

    IrFiles version(String v) {
        version = v;
        return this;
    }

    /** A layer; {@code data} is the attribute text of {@code <data>} (or empty), ports as made by {@link #port}. */
    IrFiles layer(int id, String name, String type, String opset, String data, List<String> inputs, List<String> outputs) {
        StringBuilder sb = new StringBuilder("\t\t<layer id=\"" + id + "\" name=\"" + name + "\" type=\"" + type + "\" version=\"" + opset + "\">\n");
        if (!data.isEmpty()) sb.append("\t\t\t<data ").append(data).append("/>\n");
        if (!inputs.isEmpty()) sb.append("\t\t\t<input>\n").append(String.join("", inputs)).append("\t\t\t</input>\n");
        if (!outputs.isEmpty()) sb.append("\t\t\t<output>\n").append(String.join("", outputs)).append("\t\t\t</output>\n");
        layers.add(sb.append("\t\t</layer>\n").toString());
        return this;
    }

    static String port(int id, String precision, long... dims) {
        return port(id, precision, "", dims);
    }

    static String port(int id, String precision, String names, long... dims) {
        StringBuilder sb = new StringBuilder("\t\t\t\t<port id=\"" + id + "\" precision=\"" + precision + "\""
                + (names.isEmpty() ? "" : " names=\"" + names + "\"") + ">");
        for (long d : dims) sb.append("<dim>").append(d).append("</dim>");
        return sb.append("</port>\n").toString();
    }

    IrFiles parameter(int id, String name, String type, String shape, long... dims) {
        return layer(id, name, "Parameter", "opset1", "shape=\"" + shape + "\" element_type=\"" + type + "\"", List.of(),
                List.of(port(0, precision(type), name, dims)));
    }

    /** An f32 Const whose values are appended to the {@code .bin}. */
    IrFiles constF32(int id, String name, long[] dims, float... values) {
        int offset = bin.position();
        for (float v : values) bin.putFloat(v);
        return layer(id, name, "Const", "opset1", "element_type=\"f32\" shape=\"" + shape(dims) + "\" offset=\"" + offset
                + "\" size=\"" + 4 * values.length + "\"", List.of(), List.of(port(0, "FP32", dims)));
    }

    /** An i64 Const whose values are appended to the {@code .bin}. */
    IrFiles constI64(int id, String name, long[] dims, long... values) {
        int offset = bin.position();
        for (long v : values) bin.putLong(v);
        return layer(id, name, "Const", "opset1", "element_type=\"i64\" shape=\"" + shape(dims) + "\" offset=\"" + offset
                + "\" size=\"" + 8 * values.length + "\"", List.of(), List.of(port(0, "I64", dims)));
    }

    /** An f16 Const (values given as f16 bit patterns) appended to the {@code .bin}. */
    IrFiles constF16(int id, String name, long[] dims, short... halves) {
        int offset = bin.position();
        for (short h : halves) bin.putShort(h);
        return layer(id, name, "Const", "opset1", "element_type=\"f16\" shape=\"" + shape(dims) + "\" offset=\"" + offset
                + "\" size=\"" + 2 * halves.length + "\"", List.of(), List.of(port(0, "FP16", dims)));
    }

    IrFiles result(int id, String name, String precision, long... dims) {
        return layer(id, name, "Result", "opset1", "", List.of(port(0, precision, dims)), List.of());
    }

    IrFiles edge(int fromLayer, int fromPort, int toLayer, int toPort) {
        edges.add("\t\t<edge from-layer=\"" + fromLayer + "\" from-port=\"" + fromPort + "\" to-layer=\"" + toLayer
                + "\" to-port=\"" + toPort + "\"/>\n");
        return this;
    }

    String xml() {
        return "<?xml version=\"1.0\"?>\n<net name=\"test\" version=\"" + version + "\">\n\t<layers>\n" + String.join("", layers)
                + "\t</layers>\n\t<edges>\n" + String.join("", edges) + "\t</edges>\n</net>\n";
    }

    /** Writes {@code name.xml} and {@code name.bin} into {@code dir}; returns the {@code .xml}. */
    Path write(Path dir, String name) throws IOException {
        Path xml = dir.resolve(name + ".xml");
        Files.writeString(xml, xml());
        byte[] bytes = new byte[bin.position()];
        bin.duplicate().flip().get(bytes);
        Files.write(dir.resolve(name + ".bin"), bytes);
        return xml;
    }

    private static String shape(long[] dims) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) sb.append(i == 0 ? "" : ", ").append(dims[i]);
        return sb.toString();
    }

    private static String precision(String type) {
        return switch (type) {
            case "f32" -> "FP32";
            case "f16" -> "FP16";
            case "i64" -> "I64";
            case "boolean" -> "BOOL";
            default -> type.toUpperCase(java.util.Locale.ROOT);
        };
    }

    /** {@code x [2, 3] f32 + w [3]} as {@code y}: the smallest useful model. */
    static IrFiles addModel() {
        return new IrFiles()
                .parameter(0, "x", "f32", "2,3", 2, 3)
                .constF32(1, "w", new long[] {3}, 1f, 2f, 3f)
                .layer(2, "add", "Add", "opset1", "auto_broadcast=\"numpy\"",
                        List.of(port(0, "FP32", 2, 3), port(1, "FP32", 3)), List.of(port(2, "FP32", "y", 2, 3)))
                .result(3, "y/sink_port_0", "FP32", 2, 3)
                .edge(0, 0, 2, 0).edge(1, 0, 2, 1).edge(2, 2, 3, 0);
    }
}
