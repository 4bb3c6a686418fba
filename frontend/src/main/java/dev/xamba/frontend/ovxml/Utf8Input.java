package dev.xamba.frontend.ovxml;

import dev.xamba.frontend.ovxml.IrNet.Pos;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Gives the StAX parser a UTF-8 document as text decoded here, strictly. When the JDK's parser decodes bytes itself,
 * a malformed sequence makes it print {@code [Fatal Error] :-1:-1: Invalid byte 1 of 1-byte UTF-8 sequence.} on
 * standard error before it throws (its default error handler, which StAX offers no way to replace): a second line
 * beside xambac's own diagnostic. A reader that refuses malformed input fails without printing, and
 * {@link #firstMalformed} finds the position for the message. Documents in another encoding (a UTF-16 or UTF-32 byte
 * order mark, or another declared encoding) are left to the parser; OpenVINO writes UTF-8.
 */
final class Utf8Input {
    private Utf8Input() {}

    private static final int HEAD_BYTES = 128;

    /** In ISO-8859-1 (one char per byte): the declaration's encoding, if it names one. */
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^(?:\u00EF\u00BB\u00BF)?<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");

    /** A stream reader over {@code in}: over strictly decoded text when the document is UTF-8, else over the bytes. */
    static XMLStreamReader open(XMLInputFactory factory, InputStream in) throws IOException, XMLStreamException {
        BufferedInputStream b = new BufferedInputStream(in);
        b.mark(HEAD_BYTES);
        byte[] head = b.readNBytes(HEAD_BYTES);
        b.reset();
        if (!isUtf8(head)) return factory.createXMLStreamReader(b);
        if (hasUtf8Bom(head)) b.skipNBytes(3); // a reader hands the parser characters: a BOM would be one
        return factory.createXMLStreamReader(new InputStreamReader(b, strictDecoder()));
    }

    private static boolean isUtf8(byte[] head) {
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return false; // UTF-16 (or UTF-32 little-endian) byte order mark
        }
        if (head.length >= 2 && (head[0] == 0 || head[1] == 0)) return false; // UTF-16 or UTF-32 without a mark
        Matcher m = DECLARED_ENCODING.matcher(new String(head, StandardCharsets.ISO_8859_1));
        if (!m.find()) return true; // XML's default
        String declared = m.group(1).toUpperCase(Locale.ROOT);
        return declared.equals("UTF-8") || declared.equals("UTF8");
    }

    private static boolean hasUtf8Bom(byte[] head) {
        return head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF;
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Where a file's UTF-8 first goes wrong. */
    record Malformed(Pos pos, int firstByte) {
        String describe() {
            return String.format("the file is not valid UTF-8 here (byte 0x%02X)", firstByte);
        }
    }

    /**
     * The line and column (in characters, as the parser counts them) of the first malformed UTF-8 sequence in
     * {@code file}, or null if there is none. Read in blocks: the file may be large, and this runs only after a
     * parse has failed.
     */
    static Malformed firstMalformed(Path file) throws IOException {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        int line = 1;
        int column = 1;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(3);
            if (!hasUtf8Bom(in.readNBytes(3))) in.reset(); // the parser does not count a BOM as a column
            boolean end = false;
            while (true) {
                if (!end) {
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (n < 0) end = true;
                    else bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                chars.clear();
                if (result.isError()) return new Malformed(new Pos(line, column), bytes.get(bytes.position()) & 0xFF);
                if (end && !bytes.hasRemaining()) return null;
                bytes.compact();
            }
        }
    }
}
