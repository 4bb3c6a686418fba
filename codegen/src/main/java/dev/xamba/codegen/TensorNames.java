package dev.xamba.codegen;

import dev.xamba.ir.BlockArgument;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.builtin.FuncOp;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user-visible tensor names of a model: the function's interface names ({@code arg_names} and
 * {@code result_names}, the ONNX graph's tensor names) where present, else the values' name hints, else
 * {@code argN} / {@code outputN}. Names are unique across the model: a name already used by another tensor gets
 * a suffix. A value that is several outputs, or an input returned as it is, has each of its interface names (ONNX's
 * {@code z = Identity(y)} with y and z both graph outputs, once the Identity is gone): OpenVINO gives a tensor a set
 * of names, so each output is found by its own. Without interface names, such a value keeps its one name.
 */
final class TensorNames {
    private final List<String> inputs = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();

    private TensorNames() {}

    static TensorNames of(FuncOp f) {
        TensorNames t = new TensorNames();
        UniqueNames unique = new UniqueNames();
        Map<Value, List<String>> named = new IdentityHashMap<>();
        boolean hasResultNames = f.op().attr("result_names") != null;
        for (BlockArgument a : f.body().arguments()) {
            String name = unique.claim(f.argName(a.index()));
            named.put(a, new ArrayList<>(List.of(name)));
            t.inputs.add(name);
        }
        Operation ret = f.returnOp();
        for (int i = 0; i < ret.numOperands(); i++) {
            Value v = ret.operand(i);
            List<String> has = named.computeIfAbsent(v, k -> new ArrayList<>(1));
            String name;
            if (hasResultNames) {
                String own = f.resultName(i);
                name = has.contains(own) ? own : unique.claim(own);
            } else {
                name = has.isEmpty() ? unique.claim(wanted(v, "output" + i)) : has.get(0);
            }
            if (!has.contains(name)) has.add(name);
            t.outputs.add(name);
        }
        return t;
    }

    private static String wanted(Value v, String fallback) {
        String hint = v.nameHint();
        return hint == null || hint.isEmpty() ? fallback : hint;
    }

    /** The name of input {@code i} (argument order). */
    String input(int i) {
        return inputs.get(i);
    }

    /** The name of output {@code i} (return order). */
    String output(int i) {
        return outputs.get(i);
    }
}
