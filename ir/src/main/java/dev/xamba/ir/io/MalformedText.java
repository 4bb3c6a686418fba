package dev.xamba.ir.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Text that is not valid in its encoding, and where: the line and column of the first bad sequence, counted as the
 * parsers count them (lines by {@code \n}, columns in characters from 1), and its first byte. A
 * {@link CharacterCodingException}, so code that catches the JDK's decoding errors catches this one too.
 */
public final class MalformedText extends CharacterCodingException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final int firstByte;
    private final String charset;

    private MalformedText(int line, int column, int firstByte, Charset charset) {
        this.line = line;
        this.column = column;
        this.firstByte = firstByte;
        this.charset = charset.name();
    }

    public int line() { return line; }

    public int column() { return column; }

    /** The first byte of the bad sequence. */
    public int firstByte() { return firstByte; }

    /** The encoding the text is not valid in, e.g. {@code UTF-8}. */
    public String charset() { return charset; }

    /** {@code byte 0xE9 at line 2, column 15}. */
    public String where() {
        return String.format("byte 0x%02X at line %d, column %d", firstByte, line, column);
    }

    @Override public String getMessage() { return "not valid " + charset + ": " + where(); }

    /** A decoder that reports malformed and unmappable input rather than replacing it. */
    public static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** {@code bytes} as text in {@code charset}; a wrong byte is this error, saying where, not a replacement character. */
    public static String decode(byte[] bytes, Charset charset) throws MalformedText {
        try {
            return strictDecoder(charset).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            MalformedText at;
            try {
                at = find(new ByteArrayInputStream(bytes), charset);
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible); // a byte array does not fail to read
            }
            if (at == null) throw new AssertionError("decoding failed in one pass and not in blocks", e);
            throw at;
        }
    }

    /**
     * The first malformed sequence of {@code in} (read to its end, in blocks) in {@code charset}, or null when there
     * is none. For error paths: it decodes again what a failed decode read.
     */
    public static MalformedText find(InputStream in, Charset charset) throws IOException {
        CharsetDecoder decoder = strictDecoder(charset);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        int line = 1;
        int column = 1;
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
            if (result.isError()) return new MalformedText(line, column, bytes.get(bytes.position()) & 0xFF, charset);
            if (end && !bytes.hasRemaining()) return null;
            bytes.compact();
        }
    }
}
