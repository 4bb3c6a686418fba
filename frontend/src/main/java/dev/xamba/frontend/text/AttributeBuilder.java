package dev.xamba.frontend.text;

import dev.xamba.frontend.text.XambaIrParser.ArrayAttrContext;
import dev.xamba.frontend.text.XambaIrParser.AttrDictContext;
import dev.xamba.frontend.text.XambaIrParser.AttrEntryContext;
import dev.xamba.frontend.text.XambaIrParser.AttributeContext;
import dev.xamba.frontend.text.XambaIrParser.BoolAttrContext;
import dev.xamba.frontend.text.XambaIrParser.DenseAttrContext;
import dev.xamba.frontend.text.XambaIrParser.NumberAttrContext;
import dev.xamba.frontend.text.XambaIrParser.ResourceAttrContext;
import dev.xamba.frontend.text.XambaIrParser.ResourceNameContext;
import dev.xamba.frontend.text.XambaIrParser.StringAttrContext;
import dev.xamba.frontend.text.XambaIrParser.TypeAttrContext;
import dev.xamba.ir.attr.ArrayAttr;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.attr.IntegerAttr;
import dev.xamba.ir.attr.StringAttr;
import dev.xamba.ir.attr.TypeAttr;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Builds attributes: {@code 3 : i64} (a bare integer is i64), {@code 1.0E-5 : f32} (a bare float is f64),
 * {@code 0xFF800000 : f32} (bit pattern), {@code true}, strings, arrays, types, {@code dense<...>} and
 * {@code dense_resource<...>}.
 */
final class AttributeBuilder {
    private final SourceFile src;
    private final StringLiterals strings;
    private final NumberLiterals numbers;
    private final TypeBuilder types;
    private final DenseLiteral dense;
    private final ResourceTable resources;

    AttributeBuilder(SourceFile src, StringLiterals strings, TypeBuilder types, ResourceTable resources) {
        this.src = src;
        this.strings = strings;
        this.numbers = new NumberLiterals(src);
        this.types = types;
        this.dense = new DenseLiteral(src, numbers);
        this.resources = resources;
    }

    /** The attributes of {@code {k = v, ...}} (null for none); a key given twice is an error. */
    Map<String, Attribute> dictionary(AttrDictContext c) {
        if (c == null) return Map.of();
        Map<String, Attribute> attrs = new LinkedHashMap<>();
        Map<String, Token> keys = new HashMap<>();
        for (AttrEntryContext e : c.attrEntry()) {
            Token keyToken = e.attrKey().getStart();
            String key = e.attrKey().STRING() != null ? strings.decode(keyToken) : keyToken.getText();
            Token first = keys.putIfAbsent(key, keyToken);
            if (first != null) {
                throw src.error(keyToken, "attribute '" + key + "' is given twice", first, "first given here");
            }
            attrs.put(key, attribute(e.attribute()));
        }
        return attrs;
    }

    // Recursion (arrays of arrays) is bounded by NestingLimitedLexer.
    Attribute attribute(AttributeContext c) {
        if (c instanceof NumberAttrContext n) return number(n);
        if (c instanceof BoolAttrContext b) return BoolAttr.of(b.TRUE() != null);
        if (c instanceof StringAttrContext s) return new StringAttr(strings.decode(s.STRING().getSymbol()));
        if (c instanceof ArrayAttrContext a) {
            List<Attribute> elements = new ArrayList<>(a.attribute().size());
            for (AttributeContext e : a.attribute()) elements.add(attribute(e));
            return new ArrayAttr(elements);
        }
        if (c instanceof TypeAttrContext t) return new TypeAttr(types.type(t.type()));
        if (c instanceof DenseAttrContext d) {
            TensorType type = types.tensor(d.tensorType());
            return new DenseElementsAttr(dense.build(d.denseElement(), type, d.tensorType().getStart()));
        }
        ResourceAttrContext r = (ResourceAttrContext) c;
        return resources.use(resourceName(r.resourceName(), strings), r.resourceName().getStart(), types.tensor(r.tensorType()));
    }

    static String resourceName(ResourceNameContext c, StringLiterals strings) {
        return c.STRING() != null ? strings.decode(c.STRING().getSymbol()) : c.getText();
    }

    private Attribute number(NumberAttrContext c) {
        Token t = c.number().getStart();
        int kind = t.getType();
        if (c.elementType() == null) {
            // As with a type: a decimal beyond f64's range is an error (it became infinity without a word).
            if (kind == XambaIrLexer.FLOAT) return new FloatAttr(numbers.floating(t, kind, ElementType.F64), ElementType.F64);
            if (kind == XambaIrLexer.HEX) return IntegerAttr.i64(numbers.bits(t, 64, "i64"));
            return IntegerAttr.i64(numbers.integer(t, kind, ElementType.I64));
        }
        ElementType et = types.element(c.elementType());
        if (et.isFloat()) return new FloatAttr(numbers.floating(t, kind, et), et);
        if (et.isBool()) throw src.error(c.elementType().getStart(), "a boolean attribute is written 'true' or 'false', not as i1");
        return new IntegerAttr(numbers.integer(t, kind, et), et);
    }
}
