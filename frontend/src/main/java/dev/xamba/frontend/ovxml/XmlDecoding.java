package dev.xamba.frontend.ovxml;

import dev.xamba.ir.io.MalformedText;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Gives the StAX parser the document as text decoded here, strictly. When the JDK's parser decodes bytes itself, a
 * malformed sequence makes it print {@code [Fatal Error] :-1:-1: Invalid byte 1 of 1-byte UTF-8 sequence.} on
 * standard error before it throws (its default error handler, which StAX offers no way to replace): a second line
 * beside xambac's own diagnostic. A reader that refuses malformed input fails without printing, and
 * {@link #firstMalformed} finds the position for the message. The encoding is found as XML's appendix F says: a byte
 * order mark, else the first bytes of {@code <?xml} in UTF-16 or UTF-32, else the declaration's {@code encoding},
 * else UTF-8 (what OpenVINO writes). A declared encoding this JDK does not know is refused here
 * ({@link UnknownEncoding}): handed the bytes, the parser would decode them itself, and print.
 */
final class XmlDecoding {
    private XmlDecoding() {}

    private static final int HEAD_BYTES = 128;

    /**
     * In ISO-8859-1 (one char per byte): the declaration's encoding, if it names one. {@code <?xml} must be followed
     * by white space to be the declaration: {@code <?xmlN ...?>} is a processing instruction (the fuzzer's input).
     */
    private static final Pattern DECLARED_ENCODING = Pattern.compile("^<\\?xml(?=\\s)[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");

    /** A document's encoding and the length of its byte order mark. */
    record Encoding(Charset charset, int bomLength) {}

    /** The declaration names an encoding this JDK does not decode (or a name no charset may have). */
    static final class UnknownEncoding extends IOException {
        /** Of the name, on line 1 (1-based; the declaration is ASCII, so a byte is a column). */
        final int column;

        UnknownEncoding(String name, int column) {
            super("the declaration names encoding \"" + name + "\", which this Java runtime does not decode");
            this.column = column;
        }
    }

    /**
     * A stream reader over {@code in}, over strictly decoded text (a declared encoding this JDK does not know is
     * {@link UnknownEncoding}); with {@code asXml11}, that text's version 1.0 declaration is read as 1.1 ({@link Xml11}).
     */
    static XMLStreamReader open(XMLInputFactory factory, InputStream in, boolean asXml11)
            throws IOException, XMLStreamException {
        BufferedInputStream b = new BufferedInputStream(in);
        Encoding e = skipToText(b);
        Reader text = new InputStreamReader(b, MalformedText.strictDecoder(e.charset()));
        return factory.createXMLStreamReader(asXml11 ? Xml11.declared(text) : text);
    }

    /**
     * The first malformed sequence in {@code file}, at its line and column as the parser counts them, or null if
     * there is none. For the error path only.
     */
    static MalformedText firstMalformed(Path file) throws IOException {
        try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return MalformedText.find(in, skipToText(in).charset());
        }
    }

    /**
     * {@code in}'s encoding, from its first bytes, with {@code in} moved past the byte order mark if the encoding is
     * known (text handed to the parser must not begin with one: it would be a character).
     */
    private static Encoding skipToText(BufferedInputStream in) throws IOException {
        in.mark(HEAD_BYTES);
        Encoding e = encodingOf(in.readNBytes(HEAD_BYTES));
        in.reset();
        in.skipNBytes(e.bomLength());
        return e;
    }

    private static Encoding encodingOf(byte[] head) throws UnknownEncoding {
        int b0 = byteAt(head, 0), b1 = byteAt(head, 1), b2 = byteAt(head, 2), b3 = byteAt(head, 3);
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) return new Encoding(StandardCharsets.UTF_8, 3);
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) return new Encoding(Charset.forName("UTF-32BE"), 4);
        if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) return new Encoding(Charset.forName("UTF-32LE"), 4);
        if (b0 == 0xFE && b1 == 0xFF) return new Encoding(StandardCharsets.UTF_16BE, 2);
        if (b0 == 0xFF && b1 == 0xFE) return new Encoding(StandardCharsets.UTF_16LE, 2);
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0x00 && b3 == '<') return new Encoding(Charset.forName("UTF-32BE"), 0);
        if (b0 == '<' && b1 == 0x00 && b2 == 0x00 && b3 == 0x00) return new Encoding(Charset.forName("UTF-32LE"), 0);
        if (b0 == 0x00 && b1 == '<' && b2 == 0x00 && b3 == '?') return new Encoding(StandardCharsets.UTF_16BE, 0);
        if (b0 == '<' && b1 == 0x00 && b2 == '?' && b3 == 0x00) return new Encoding(StandardCharsets.UTF_16LE, 0);
        Matcher m = DECLARED_ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1));
        if (!m.find()) return new Encoding(StandardCharsets.UTF_8, 0);
        try {
            if (Charset.isSupported(m.group(1))) return new Encoding(Charset.forName(m.group(1)), 0);
        } catch (IllegalCharsetNameException notAName) {
            // refused below, as an unknown one
        }
        throw new UnknownEncoding(m.group(1), m.start(1) + 1);
    }

    private static int byteAt(byte[] head, int i) {
        return i < head.length ? head[i] & 0xFF : -1;
    }
}
