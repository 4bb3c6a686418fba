package dev.xamba.frontend.ovxml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document whose declaration says {@code version="1.0"}, presented as {@code version="1.1"}: one byte changes, so
 * every line and column the parser reports stays where it is in the file.
 */
final class Xml11 {
    private Xml11() {}

    /** How far into the file the declaration's version may be (after a byte order mark and spaces). */
    private static final int HEAD_BYTES = 64;

    /** In ISO-8859-1 (one char per byte, so a match's index is the byte's): an optional UTF-8 byte order mark. */
    private static final Pattern DECLARED_1_0 = Pattern.compile("^(?:\u00EF\u00BB\u00BF)?<\\?xml\\s+version\\s*=\\s*[\"']1\\.(0)[\"']");

    /** {@code in}, with a version 1.0 declaration read as 1.1; a stream without one is returned as it is. */
    static InputStream declared(InputStream in) throws IOException {
        byte[] head = in.readNBytes(HEAD_BYTES);
        Matcher m = DECLARED_1_0.matcher(new String(head, StandardCharsets.ISO_8859_1));
        if (m.find()) head[m.start(1)] = '1';
        return new SequenceInputStream(new ByteArrayInputStream(head), in);
    }
}
