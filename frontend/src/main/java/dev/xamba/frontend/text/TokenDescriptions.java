package dev.xamba.frontend.text;

import static dev.xamba.frontend.text.XambaIrLexer.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Plain-word names for what the parser expected and found, e.g. "a type such as tensor<4xf32>". */
final class TokenDescriptions {
    private static final int MAX_FOUND_LENGTH = 24;

    /** Token sets that read better as one phrase; checked in order, each replacing the tokens it covers. */
    private static final Map<IntervalSet, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put(set(INT, FLOAT, HEX, TRUE, FALSE, STRING, LBRACKET, TENSOR_TYPE, LPAREN, DENSE, DENSE_RESOURCE),
                "an attribute value");
        GROUPS.put(set(VALUE_ID, STRING, RETURN), "an operation");
        GROUPS.put(set(INT, FLOAT, HEX, TRUE, FALSE), "a number, true, false");
        GROUPS.put(set(STRING, FUSED, UNKNOWN), "a location such as \"name\" or \"file\":1:2");
        GROUPS.put(set(INT, FLOAT, HEX), "a number");
    }

    /** Tokens that the grammar's bareId rule accepts: keywords are names too. */
    private static final IntervalSet BARE_IDS =
            set(ID, MODULE, FUNC, RETURN, LOC, FUSED, UNKNOWN, DENSE, DENSE_RESOURCE, TRUE, FALSE, DIALECT_RESOURCES, ATTRIBUTES);

    private TokenDescriptions() {}

    private static IntervalSet set(int... types) {
        IntervalSet s = new IntervalSet();
        for (int t : types) s.add(t);
        return s;
    }

    /** The message for a token that is wrong by itself (unterminated, stray character), or null. */
    static String describeBadToken(Token t) {
        return switch (t.getType()) {
            case UNTERMINATED_STRING, UNTERMINATED_SYMBOL -> "unterminated string";
            case UNTERMINATED_TENSOR -> "unterminated tensor type: expected '>'";
            case ERROR_CHAR -> "unexpected character '" + t.getText() + "'";
            default -> null;
        };
    }

    /** The token as quoted in "but found '...'", shortened if long (a resource blob is one token). */
    static String describeFound(Token t) {
        if (t.getType() == Token.EOF) return "end of input";
        String text = t.getText();
        if (text.length() > MAX_FOUND_LENGTH) text = text.substring(0, MAX_FOUND_LENGTH) + "...";
        return "'" + text + "'";
    }

    /** "')' or ','", "an attribute value", "an operation or '}'": groups first, then single tokens. */
    static String describeExpected(ParserRuleContext ctx, IntervalSet expected) {
        if (isInside(ctx, XambaIrParser.RULE_elementType)) return "an element type such as f32";
        IntervalSet rest = new IntervalSet(expected);
        List<String> phrases = new ArrayList<>();
        if (covers(rest, BARE_IDS)) {
            phrases.add(nameKind(ctx));
            rest = rest.subtract(BARE_IDS);
            if (rest.contains(STRING)) rest.remove(STRING); // a quoted name is still a name
        }
        for (Map.Entry<IntervalSet, String> g : GROUPS.entrySet()) {
            if (covers(rest, g.getKey())) {
                phrases.add(g.getValue());
                rest = rest.subtract(g.getKey());
            }
        }
        for (int type : rest.toList()) if (type != Token.EOF) phrases.add(describeToken(type));
        if (rest.contains(Token.EOF)) phrases.add("end of input");
        if (phrases.isEmpty()) return "nothing more";
        if (phrases.size() == 1) return phrases.get(0);
        return String.join(", ", phrases.subList(0, phrases.size() - 1)) + " or " + phrases.get(phrases.size() - 1);
    }

    private static boolean covers(IntervalSet set, IntervalSet group) {
        return group.and(set).size() == group.size();
    }

    private static String nameKind(ParserRuleContext ctx) {
        if (isInside(ctx, XambaIrParser.RULE_attrDict)) return "an attribute name";
        if (isInside(ctx, XambaIrParser.RULE_resourceDialect)) return "a resource name";
        if (isInside(ctx, XambaIrParser.RULE_resources)) return "a dialect name such as builtin";
        return "a name";
    }

    private static boolean isInside(ParserRuleContext ctx, int rule) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) if (c.getRuleIndex() == rule) return true;
        return false;
    }

    private static String describeToken(int type) {
        return switch (type) {
            case TENSOR_TYPE -> "a type such as tensor<4xf32>";
            case VALUE_ID -> "a value such as %0";
            case RESULT_INDEX -> "a result number such as #1";
            case SYMBOL -> "a symbol such as @main";
            case STRING -> "a string";
            case INT -> "an integer";
            case FLOAT -> "a float";
            case HEX -> "a hexadecimal literal";
            case ID -> "a name";
            default -> {
                String literal = XambaIrParser.VOCABULARY.getLiteralName(type);
                yield literal != null ? literal : XambaIrParser.VOCABULARY.getDisplayName(type);
            }
        };
    }
}
