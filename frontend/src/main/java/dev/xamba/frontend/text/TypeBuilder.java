package dev.xamba.frontend.text;

import dev.xamba.frontend.text.XambaIrParser.ElementTypeContext;
import dev.xamba.frontend.text.XambaIrParser.FunctionTypeContext;
import dev.xamba.frontend.text.XambaIrParser.ResultTypesContext;
import dev.xamba.frontend.text.XambaIrParser.TensorTypeContext;
import dev.xamba.frontend.text.XambaIrParser.TypeContext;
import dev.xamba.frontend.text.XambaIrParser.TypeListContext;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.ir.type.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/** Builds types from the parse tree; a tensor type arrives as one token whose inside is checked here. */
final class TypeBuilder {
    private static final int PREFIX = "tensor<".length();

    private final SourceFile src;
    /** Large functions repeat a handful of types thousands of times. */
    private final Map<String, TensorType> cache = new HashMap<>();

    TypeBuilder(SourceFile src) { this.src = src; }

    TensorType tensor(TensorTypeContext c) {
        Token t = c.TENSOR_TYPE().getSymbol();
        TensorType type = cache.get(t.getText());
        if (type == null) {
            type = parseTensor(t);
            cache.put(t.getText(), type);
        }
        return type;
    }

    List<TensorType> tensors(List<TensorTypeContext> cs) {
        List<TensorType> types = new ArrayList<>(cs.size());
        for (TensorTypeContext c : cs) types.add(tensor(c));
        return types;
    }

    List<TensorType> list(TypeListContext c) { return tensors(c.tensorType()); }

    /** {@code -> tensor<..>} or {@code -> (tensor<..>, ...)}. */
    List<TensorType> results(ResultTypesContext c) {
        return c.tensorType() != null ? List.of(tensor(c.tensorType())) : list(c.typeList());
    }

    Type type(TypeContext c) {
        return c.tensorType() != null ? tensor(c.tensorType()) : function(c.functionType());
    }

    private FunctionType function(FunctionTypeContext c) {
        // The inputs are the types before '->'; the results are the single tensor type or the types after it.
        int arrow = c.ARROW().getSymbol().getTokenIndex();
        List<Type> inputs = new ArrayList<>();
        List<Type> results = new ArrayList<>();
        for (TypeContext t : c.type()) (t.getStart().getTokenIndex() < arrow ? inputs : results).add(type(t));
        if (c.tensorType() != null) results.add(tensor(c.tensorType()));
        return new FunctionType(inputs, results);
    }

    ElementType element(ElementTypeContext c) {
        Token t = c.getStart();
        return ElementType.fromSpelling(t.getText())
                .orElseThrow(() -> src.error(t, "unknown element type '" + t.getText() + "'"));
    }

    /** Reads {@code tensor<1x?x8xf32>}: dimensions (digits or '?') each followed by 'x', then an element type. */
    private TensorType parseTensor(Token t) {
        String text = t.getText();
        int end = text.length() - 1; // the closing '>'
        List<Long> dims = new ArrayList<>();
        int i = PREFIX;
        while (i < end && (isAsciiDigit(text.charAt(i)) || text.charAt(i) == '?')) {
            int start = i;
            long dim;
            if (text.charAt(i) == '?') {
                dim = TensorType.DYNAMIC;
                i++;
            } else {
                while (i < end && isAsciiDigit(text.charAt(i))) i++;
                dim = parseDimension(t, text.substring(start, i), start);
            }
            if (i >= end || text.charAt(i) != 'x') {
                throw src.error(t, i, "expected 'x' after dimension '" + text.substring(start, i) + "' in " + text);
            }
            dims.add(dim);
            i++;
        }
        String spelling = text.substring(i, end);
        if (spelling.isEmpty()) throw src.error(t, i, "expected an element type such as f32 in " + text);
        ElementType et = ElementType.fromSpelling(spelling).orElse(null);
        if (et == null) {
            if (!Character.isLetter(spelling.charAt(0))) {
                throw src.error(t, i, "expected a dimension or an element type in " + text + " but found '"
                        + spelling.charAt(0) + "'");
            }
            throw src.error(t, i, "unknown element type '" + spelling + "'");
        }
        long[] shape = new long[dims.size()];
        for (int d = 0; d < shape.length; d++) shape[d] = dims.get(d);
        return TensorType.of(et, shape);
    }

    /** Only 0-9: {@code Character.isDigit} (and {@code Long.parseLong}) also take other scripts' digits, such as '٤'. */
    private static boolean isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

    private long parseDimension(Token t, String digits, int offset) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw src.error(t, offset, "dimension " + digits + " is too large");
        }
    }
}
