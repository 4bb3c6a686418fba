package dev.xamba.cli.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * An OpenVINO IR {@code .xml} as a DOM, for what OpenVINO's C API does not tell ({@link EmbeddingBounds},
 * {@link PortNames}), with DTDs and external entities off: the file is the user's, not trusted.
 */
final class IrXml {
    private IrXml() {}

    static Document parse(Path xml) throws IOException {
        try (InputStream in = Files.newInputStream(xml)) {
            return parse(new InputSource(in), xml.toString());
        }
    }

    static Document parse(String xmlText, String source) throws IOException {
        return parse(new InputSource(new StringReader(xmlText)), source);
    }

    private static Document parse(InputSource in, String source) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // no "[Fatal Error]" lines on stderr
            Document ir = b.parse(in);
            String root = ir.getDocumentElement().getTagName();
            if (!root.equals("net")) { // OpenVINO would try its other readers on it (see RunCommand)
                throw new IOException(source + ": not an OpenVINO IR .xml: its root element is <" + oneLine(root) + ">, not <net>");
            }
            return ir;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(source + ": not a valid OpenVINO IR .xml: " + oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
