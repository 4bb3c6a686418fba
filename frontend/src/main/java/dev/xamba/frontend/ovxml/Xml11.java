package dev.xamba.frontend.ovxml;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document whose declaration says {@code version="1.0"}, presented as {@code version="1.1"}: one character
 * changes, so every line and column the parser reports stays where it is in the file. It works on the decoded text
 * ({@link XmlDecoding}), so in any encoding.
 */
final class Xml11 {
    private Xml11() {}

    /** How far into the text the declaration's version may be. */
    private static final int HEAD_CHARS = 64;

    private static final Pattern DECLARED_1_0 = Pattern.compile("^<\\?xml\\s+version\\s*=\\s*[\"']1\\.(0)[\"']");

    /** {@code text}, with a version 1.0 declaration read as 1.1; text without one is returned unchanged. */
    static Reader declared(Reader text) throws IOException {
        PushbackReader r = new PushbackReader(text, HEAD_CHARS);
        char[] head = new char[HEAD_CHARS];
        int n = 0;
        for (int got; n < HEAD_CHARS && (got = r.read(head, n, HEAD_CHARS - n)) > 0; ) n += got;
        Matcher m = DECLARED_1_0.matcher(new String(head, 0, n));
        if (m.find()) head[m.start(1)] = '1';
        r.unread(head, 0, n);
        return r;
    }
}
