package dev.xamba.frontend.text;

import dev.xamba.frontend.text.XambaIrParser.ResourceDialectContext;
import dev.xamba.frontend.text.XambaIrParser.ResourceEntryContext;
import dev.xamba.frontend.text.XambaIrParser.ResourcesContext;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.attr.ResourceHandle;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * The {@code dense_resource} handles of one file. Uses come first (inside the module) and create unbound
 * handles; the {@code {-# dialect_resources: ... #-}} section after the module binds their blobs. Blobs are
 * written as MLIR does: {@code "0x"}, a 4-byte little-endian alignment, then the raw bytes in hex.
 */
final class ResourceTable {
    private static final String PREFIX = "0x";
    private static final int ALIGNMENT_HEX_DIGITS = 8;

    private record Use(Token at, TensorType type) {}

    private final SourceFile src;
    private final StringLiterals strings;
    private final Map<String, ResourceHandle> handles = new LinkedHashMap<>();
    private final Map<String, List<Use>> uses = new HashMap<>();

    ResourceTable(SourceFile src, StringLiterals strings) {
        this.src = src;
        this.strings = strings;
    }

    /** The attribute for {@code dense_resource<name> : type}; one handle per name, shared by all its uses. */
    DenseResourceAttr use(String name, Token at, TensorType type) {
        ResourceHandle h = handles.computeIfAbsent(name, ResourceHandle::new);
        uses.computeIfAbsent(name, k -> new ArrayList<>()).add(new Use(at, type));
        return new DenseResourceAttr(h, type);
    }

    /** Binds the blobs of the resource section (null if absent), then checks that every use has a blob that fits. */
    void bind(ResourcesContext section) {
        if (section != null) {
            Map<String, Token> seen = new HashMap<>();
            for (ResourceDialectContext d : section.resourceDialect()) {
                Token dialect = d.bareId().getStart();
                if (!dialect.getText().equals("builtin")) {
                    throw src.error(dialect, "unknown resource dialect '" + dialect.getText() + "'; blobs belong to 'builtin'");
                }
                for (ResourceEntryContext e : d.resourceEntry()) bindEntry(e, seen);
            }
        }
        for (Map.Entry<String, ResourceHandle> e : handles.entrySet()) checkUses(e.getKey(), e.getValue());
    }

    private void bindEntry(ResourceEntryContext e, Map<String, Token> seen) {
        Token key = e.resourceName().getStart();
        String name = AttributeBuilder.resourceName(e.resourceName(), strings);
        Token first = seen.putIfAbsent(name, key);
        if (first != null) throw src.error(key, "resource '" + name + "' is given twice", first, "first given here");
        ByteBuffer blob = decode(e.STRING().getSymbol());
        ResourceHandle h = handles.get(name);
        if (h != null) h.bind(blob); // a blob nothing uses is dropped, as it could not be printed again
    }

    private void checkUses(String name, ResourceHandle h) {
        List<Use> us = uses.get(name);
        if (!h.isBound()) {
            throw src.error(us.get(0).at(), "dense_resource '" + name + "' has no blob in the dialect_resources section");
        }
        long have = h.blob().remaining();
        for (Use u : us) {
            if (!u.type().hasStaticShape()) throw src.error(u.at(), "dense_resource needs a static shape, got " + u.type());
            long elements = u.type().numElements(); // saturates instead of overflowing
            int width = u.type().elementType().byteWidth();
            long need = elements > Long.MAX_VALUE / width ? Long.MAX_VALUE : elements * width;
            if (need != have) {
                throw src.error(u.at(), "dense_resource '" + name + "' : " + u.type() + " needs " + need
                        + " bytes but its blob has " + have);
            }
            if (u.type().elementType() == ElementType.I1) requireBooleans(name, h.blob(), u);
        }
    }

    /** An i1 element is one byte, 0 or 1, as a literal must be; OpenVINO would read any other byte as true. */
    private void requireBooleans(String name, ByteBuffer blob, Use u) {
        for (int i = blob.position(); i < blob.limit(); i++) {
            int b = blob.get(i) & 0xff;
            if (b > 1) {
                throw src.error(u.at(), "dense_resource '" + name + "' : " + u.type() + " has byte 0x"
                        + (b < 16 ? "0" : "") + Integer.toHexString(b).toUpperCase(java.util.Locale.ROOT) + " at offset " + (i - blob.position())
                        + "; i1 elements are 0 or 1");
            }
        }
    }

    /** Decodes {@code "0x04000000A1B2..."}; errors point at the offending character of the blob. */
    private ByteBuffer decode(Token t) {
        String text = t.getText(); // with quotes; hex blobs contain no escapes
        int start = 1 + PREFIX.length();
        int end = text.length() - 1;
        if (!text.startsWith(PREFIX, 1)) throw src.error(t, "resource blob must start with \"0x\"");
        int digits = end - start;
        if (digits < ALIGNMENT_HEX_DIGITS) {
            throw src.error(t, "resource blob must start with its 4-byte alignment, e.g. \"0x04000000\"");
        }
        if (digits % 2 != 0) throw src.error(t, "resource blob has an odd number of hex digits (" + digits + ")");
        byte[] bytes = new byte[(digits - ALIGNMENT_HEX_DIGITS) / 2];
        for (int i = start; i < end; i += 2) {
            int hi = hexDigit(t, text, i);
            int lo = hexDigit(t, text, i + 1);
            int index = (i - start - ALIGNMENT_HEX_DIGITS) / 2;
            if (index >= 0) bytes[index] = (byte) (hi << 4 | lo);
        }
        return ByteBuffer.wrap(bytes);
    }

    private int hexDigit(Token t, String text, int i) {
        char c = text.charAt(i);
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) throw src.error(t, i, "invalid hex digit '" + text.charAt(i) + "' in resource blob");
        return d;
    }
}
