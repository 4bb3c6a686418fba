package dev.xamba.frontend.ovxml;

import dev.xamba.frontend.ovxml.IrNet.Edge;
import dev.xamba.frontend.ovxml.IrNet.Layer;
import dev.xamba.frontend.ovxml.IrNet.Port;
import dev.xamba.frontend.ovxml.IrNet.Pos;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.io.MalformedText;
import dev.xamba.ir.ops.ov.OvIrText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the {@code .xml} of an OpenVINO IR v10/v11 into an {@link IrNet} with the JDK's StAX parser, which gives
 * every element its line and column. Hardened against hostile files: DTDs and external entities are refused (no
 * entity expansion, no file or network access), and the mandatory attributes OpenVINO's reader requires are checked
 * here, each failure one line at its position. Elements it does not need ({@code <rt_info>}, {@code <meta_data>}…)
 * are skipped.
 */
final class IrXmlReader {
    private final IrSource source;
    private final XMLStreamReader r;

    private IrXmlReader(IrSource source, XMLStreamReader r) {
        this.source = source;
        this.r = r;
    }

    static IrNet read(IrSource source) {
        try {
            return parse(source, false);
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof CharacterCodingException) throw badEncoding(source);
            // OpenVINO's writer (pugixml), and xamba's like it, writes a control character in a name as a character
            // reference (&#27;): XML 1.0 forbids it, XML 1.1 allows it, and OpenVINO's reader takes it. Such a file is
            // read again as XML 1.1 (not every file: 1.1 in turn forbids raw C1 controls that 1.0 allows).
            try {
                return parse(source, true);
            } catch (XMLStreamException | IOException stillBad) {
                throw source.error(position(e), "not well-formed XML: " + message(e));
            }
        } catch (CharacterCodingException e) {
            throw badEncoding(source);
        } catch (XmlDecoding.UnknownEncoding e) {
            throw source.error(new Pos(1, e.column), "not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw source.error("cannot read the model: " + e.getMessage());
        }
    }

    private static DiagnosticException badEncoding(IrSource source) {
        try {
            MalformedText bad = XmlDecoding.firstMalformed(source.xml());
            if (bad != null) {
                return source.error(new Pos(bad.line(), bad.column()), String.format(
                        "not well-formed XML: the file is not valid %s here (byte 0x%02X)", bad.charset(), bad.firstByte()));
            }
            return source.error("not well-formed XML: the text is not valid in the file's encoding");
        } catch (IOException e) {
            return source.error("cannot read the model: " + e.getMessage());
        }
    }

    private static IrNet parse(IrSource source, boolean asXml11) throws XMLStreamException, IOException {
        try (InputStream in = Files.newInputStream(source.xml())) {
            XMLStreamReader r = XmlDecoding.open(secureFactory(), in, asXml11);
            try {
                return new IrXmlReader(source, r).net();
            } finally {
                r.close();
            }
        }
    }

    /** The JDK's own parser (not whatever a jar on the class path registers), with every external access off. */
    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }

    private IrNet net() throws XMLStreamException {
        if (!nextChild()) throw source.error("not OpenVINO IR: the file has no root element");
        if (!r.getLocalName().equals("net")) {
            throw source.error(pos(), "not OpenVINO IR: the root element is <" + r.getLocalName() + ">, expected <net>");
        }
        String versionText = required("version", "<net>");
        int version = switch (versionText) {
            case "10" -> 10;
            case "11" -> 11;
            default -> throw source.error(pos(), "IR version \"" + versionText + "\" is not supported (xamba reads versions 10 and 11)");
        };
        String name = attr("name");
        List<Layer> layers = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "layers" -> { while (nextChild()) layers.add(layer()); }
                case "edges" -> { while (nextChild()) edges.add(edge()); }
                default -> skip();
            }
        }
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.DTD) refuseDtd();
        }
        return new IrNet(name == null ? "" : name, version, layers, edges);
    }

    private Layer layer() throws XMLStreamException {
        expect("layer", "<layers>");
        Pos at = pos();
        long id = nonNegative("id", "<layer>");
        String name = required("name", "<layer>");
        String type = required("type", "<layer>");
        String version = required("version", "<layer>");
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String a = r.getAttributeLocalName(i);
            if (!List.of("id", "name", "type", "version").contains(a)) extra.put(a, r.getAttributeValue(i));
        }
        Map<String, String> data = new LinkedHashMap<>();
        List<Port> inputs = new ArrayList<>();
        List<Port> outputs = new ArrayList<>();
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "data" -> {
                    for (int i = 0; i < r.getAttributeCount(); i++) data.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                    skip();
                }
                case "input" -> { while (nextChild()) inputs.add(port(false)); }
                case "output" -> { while (nextChild()) outputs.add(port(true)); }
                default -> skip();
            }
        }
        return new Layer(id, name, type, version, data, extra, inputs, outputs, at);
    }

    private Port port(boolean output) throws XMLStreamException {
        expect("port", output ? "<output>" : "<input>");
        Pos at = pos();
        long id = nonNegative("id", "<port>");
        String precision = output ? required("precision", "<port>") : attr("precision");
        String names = attr("names");
        List<Long> dims = new ArrayList<>();
        while (nextChild()) {
            if (!r.getLocalName().equals("dim")) {
                skip();
                continue;
            }
            Pos dimAt = pos();
            String text = r.getElementText().trim();
            long d;
            try {
                d = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw source.error(dimAt, "<dim> holds \"" + text + "\", expected an integer >= -1");
            }
            if (d < -1) throw source.error(dimAt, "<dim> holds " + d + ", expected an integer >= -1 (-1 is a dynamic dim)");
            dims.add(d);
        }
        return new Port(id, precision, dims.stream().mapToLong(Long::longValue).toArray(),
                names == null ? List.of() : OvIrText.parseTensorNames(names), at);
    }

    private Edge edge() throws XMLStreamException {
        expect("edge", "<edges>");
        Edge e = new Edge(nonNegative("from-layer", "<edge>"), nonNegative("from-port", "<edge>"),
                nonNegative("to-layer", "<edge>"), nonNegative("to-port", "<edge>"), pos());
        skip();
        return e;
    }

    /**
     * Moves to the next child element of the current one and returns true, or to the current element's end and
     * returns false. Text and comments between elements are passed over.
     */
    private boolean nextChild() throws XMLStreamException {
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> { return true; }
                case XMLStreamConstants.END_ELEMENT, XMLStreamConstants.END_DOCUMENT -> { return false; }
                case XMLStreamConstants.DTD -> refuseDtd();
                case XMLStreamConstants.ENTITY_REFERENCE -> throw source.error(pos(), "entity reference '&" + r.getLocalName()
                        + ";' is not allowed in OpenVINO IR");
                default -> { }
            }
        }
        return false;
    }

    /** Skips the current element with everything in it (iteratively: a deeply nested file cannot overflow the stack). */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.DTD -> refuseDtd();
                default -> { }
            }
        }
    }

    private void refuseDtd() {
        throw source.error(pos(), "a DOCTYPE declaration is not allowed in OpenVINO IR (xamba reads no DTDs or entities)");
    }

    private void expect(String element, String parent) {
        if (!r.getLocalName().equals(element)) {
            throw source.error(pos(), "unexpected <" + r.getLocalName() + "> in " + parent + ", expected <" + element + ">");
        }
    }

    private String attr(String name) {
        return r.getAttributeValue(null, name);
    }

    private String required(String name, String element) {
        String v = attr(name);
        if (v == null) throw source.error(pos(), element + " is missing its mandatory attribute '" + name + "'");
        return v;
    }

    private long nonNegative(String name, String element) {
        String v = required(name, element);
        try {
            long n = Long.parseLong(v.trim());
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw source.error(pos(), element + " attribute '" + name + "' is \"" + v + "\", expected a non-negative integer");
    }

    private Pos pos() {
        return new Pos(r.getLocation().getLineNumber(), r.getLocation().getColumnNumber());
    }

    private static Pos position(XMLStreamException e) {
        return e.getLocation() == null ? null : new Pos(e.getLocation().getLineNumber(), e.getLocation().getColumnNumber());
    }

    /** The parser's message without its "ParseError at [row,col]" preamble and on one line. */
    private static String message(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int at = m.indexOf("Message: ");
        if (at >= 0) m = m.substring(at + "Message: ".length());
        return m.replaceAll("\\s+", " ").trim();
    }
}
