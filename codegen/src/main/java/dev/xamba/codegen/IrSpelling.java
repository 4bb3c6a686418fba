package dev.xamba.codegen;

/**
 * XML-level spelling of IR v11, following OpenVINO's serializer. The spelling of attribute values, shapes and
 * tensor names is shared with the IR reader: {@link dev.xamba.ir.ops.ov.OvIrText}.
 */
final class IrSpelling {
    private IrSpelling() {}

    /** XML attribute text with {@code & < > " '} and control characters escaped. */
    static String xmlEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20) sb.append("&#").append((int) c).append(';');
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
