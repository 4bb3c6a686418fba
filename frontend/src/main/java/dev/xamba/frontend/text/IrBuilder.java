package dev.xamba.frontend.text;

import dev.xamba.frontend.text.XambaIrParser.ArgumentContext;
import dev.xamba.frontend.text.XambaIrParser.FileContext;
import dev.xamba.frontend.text.XambaIrParser.FuncContext;
import dev.xamba.frontend.text.XambaIrParser.GenericOpContext;
import dev.xamba.frontend.text.XambaIrParser.OpContext;
import dev.xamba.frontend.text.XambaIrParser.ResultDefContext;
import dev.xamba.frontend.text.XambaIrParser.ReturnOpContext;
import dev.xamba.frontend.text.XambaIrParser.ValueUseContext;
import dev.xamba.ir.Block;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.BuiltinDialect;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.type.FunctionType;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the module from a parse tree. Ops get the result types written in the text (nothing is inferred)
 * and the position of their first token as source position; checking what they mean is the verifier's job.
 */
final class IrBuilder {
    private final SourceFile src;
    private final StringLiterals strings;
    private final TypeBuilder types;
    private final LocationBuilder locations;
    private final ResourceTable resources;
    private final AttributeBuilder attributes;

    IrBuilder(SourceFile src) {
        this.src = src;
        this.strings = new StringLiterals(src);
        this.types = new TypeBuilder(src);
        this.locations = new LocationBuilder(src, strings);
        this.resources = new ResourceTable(src, strings);
        this.attributes = new AttributeBuilder(src, strings, types, resources);
    }

    /** The builtin.module of the file; a file of bare functions gets an implicit, unnamed module. */
    Operation build(FileContext file) {
        ModuleOp module;
        List<FuncContext> funcs;
        Token first;
        if (file.module() != null) {
            TerminalNode name = file.module().SYMBOL();
            module = ModuleOp.create(name == null ? null : strings.symbol(name.getSymbol()), Location.UNKNOWN);
            funcs = file.module().func();
            first = file.module().getStart();
        } else {
            module = ModuleOp.create(null, Location.UNKNOWN);
            funcs = file.func();
            first = file.getStart();
        }
        module.op().setSourcePosition(src.at(first));
        for (FuncContext f : funcs) module.body().append(function(f));
        resources.bind(file.resources());
        return module.op();
    }

    private Operation function(FuncContext c) {
        List<TensorType> inputs = new ArrayList<>(c.argument().size());
        for (ArgumentContext a : c.argument()) inputs.add(types.tensor(a.tensorType()));
        List<TensorType> results = c.resultTypes() == null ? List.of() : types.results(c.resultTypes());
        FuncOp func = FuncOp.create(strings.symbol(c.SYMBOL().getSymbol()), new FunctionType(List.copyOf(inputs), List.copyOf(results)), Location.UNKNOWN);
        func.op().setSourcePosition(src.at(c.getStart()));
        if (c.attrDict() != null) {
            for (Map.Entry<String, Attribute> e : attributes.dictionary(c.attrDict()).entrySet()) {
                if (e.getKey().equals("sym_name") || e.getKey().equals("function_type")) {
                    throw src.error(c.ATTRIBUTES().getSymbol(), "'" + e.getKey() + "' is written by the function's signature, not in its attributes");
                }
                func.op().setAttr(e.getKey(), e.getValue());
            }
        }
        Block body = func.body();
        ValueScope scope = new ValueScope(src);
        for (int i = 0; i < inputs.size(); i++) scope.defineArgument(c.argument(i).VALUE_ID().getSymbol(), body.argument(i));
        for (OpContext op : c.op()) {
            body.append(op.returnOp() != null ? returnOp(op.returnOp(), scope) : genericOp(op.genericOp(), scope));
        }
        scope.resolveForwardUses();
        return func.op();
    }

    private Operation returnOp(ReturnOpContext c, ValueScope scope) {
        List<TensorType> operandTypes = types.tensors(c.tensorType());
        if (c.valueUse().size() != operandTypes.size()) {
            throw src.error(c.COLON().getSymbol(), "'" + BuiltinDialect.RETURN + "' has " + count(c.valueUse().size(), "operand")
                    + " but its type list has " + operandTypes.size());
        }
        Operation op = Operation.create(BuiltinDialect.RETURN, operands(c.valueUse(), operandTypes, scope), List.of(),
                Map.of(), 0, locations.location(c.location()));
        op.setSourcePosition(src.at(c.getStart()));
        return op;
    }

    private Operation genericOp(GenericOpContext c, ValueScope scope) {
        Token nameToken = c.STRING().getSymbol();
        String name = strings.decode(nameToken);
        if (name.equals(BuiltinDialect.FUNC) || name.equals(BuiltinDialect.MODULE)) {
            throw src.error(nameToken, "'" + name + "' has a body and must be written in its own syntax, not as a generic op");
        }
        // Checked in the order the parts are written: attributes, then the signature, then the operands in it.
        Map<String, Attribute> attrs = attributes.dictionary(c.attrDict());
        List<TensorType> operandTypes = types.list(c.typeList());
        if (c.valueUse().size() != operandTypes.size()) {
            throw src.error(c.typeList().getStart(), "'" + name + "' has " + count(c.valueUse().size(), "operand")
                    + " but its type list has " + operandTypes.size());
        }
        List<TensorType> resultTypes = types.results(c.resultTypes());
        int defined = definedResults(c.resultDef());
        if (defined != resultTypes.size()) {
            throw src.error(c.ARROW().getSymbol(), "'" + name + "' defines " + count(defined, "result")
                    + " but its type lists " + resultTypes.size());
        }
        List<Value> operands = operands(c.valueUse(), operandTypes, scope);
        Operation op = Operation.create(name, operands, resultTypes, attrs, 0, locations.location(c.location()));
        op.setSourcePosition(src.at(c.getStart()));
        if (defined > 0) scope.defineResults(c.resultDef().VALUE_ID().getSymbol(), op);
        return op;
    }

    /** 0 without {@code %r =}, N for {@code %r:N =}, else 1. */
    private int definedResults(ResultDefContext c) {
        if (c == null) return 0;
        if (c.INT() == null) return 1;
        Token n = c.INT().getSymbol();
        try {
            int v = Integer.parseInt(n.getText());
            if (v >= 1) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw src.error(n, "expected a result count of at least 1 but found '" + n.getText() + "'");
    }

    private List<Value> operands(List<ValueUseContext> uses, List<TensorType> operandTypes, ValueScope scope) {
        List<Value> values = new ArrayList<>(uses.size());
        for (int i = 0; i < uses.size(); i++) {
            ValueUseContext u = uses.get(i);
            Token index = u.RESULT_INDEX() == null ? null : u.RESULT_INDEX().getSymbol();
            values.add(scope.use(u.VALUE_ID().getSymbol(), index, operandTypes.get(i)));
        }
        return values;
    }

    private static String count(int n, String noun) { return n + " " + noun + (n == 1 ? "" : "s"); }
}
