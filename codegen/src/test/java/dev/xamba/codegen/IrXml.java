package dev.xamba.codegen;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A parsed IR XML for structural assertions. */
final class IrXml {
    final Document doc;

    private IrXml(Document doc) {
        this.doc = doc;
    }

    static IrXml parse(RenderedIr ir) {
        try {
            return new IrXml(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(ir.xml())));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML:\n" + ir.xmlText(), e);
        }
    }

    List<Element> layers() {
        return elements(doc.getDocumentElement(), "layer");
    }

    List<Element> edges() {
        return elements(doc.getDocumentElement(), "edge");
    }

    Element layer(String name) {
        for (Element l : layers()) if (l.getAttribute("name").equals(name)) return l;
        throw new AssertionError("no layer named " + name);
    }

    List<Element> layersOfType(String type) {
        List<Element> r = new ArrayList<>();
        for (Element l : layers()) if (l.getAttribute("type").equals(type)) r.add(l);
        return r;
    }

    static Element data(Element layer) {
        List<Element> d = elements(layer, "data");
        return d.isEmpty() ? null : d.get(0);
    }

    static List<Element> ports(Element layer, String kind) {
        List<Element> k = elements(layer, kind);
        return k.isEmpty() ? List.of() : elements(k.get(0), "port");
    }

    static List<String> dims(Element port) {
        List<String> r = new ArrayList<>();
        for (Element d : elements(port, "dim")) r.add(d.getTextContent());
        return r;
    }

    static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        List<Element> r = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) r.add((Element) nodes.item(i));
        return r;
    }
}
