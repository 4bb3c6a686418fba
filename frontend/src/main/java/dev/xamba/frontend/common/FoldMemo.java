package dev.xamba.frontend.common;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.eval.Tensor;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The folds an import has done, so that a fold repeated with equal operands is not evaluated again and its result
 * is held once. A model of N equal layers folds the same chains N times: each Mamba-2 layer rebuilds its 256×256
 * chunk masks from ConstantOfShape, Trilu, Not and Cast (about 2 MB of tensors per layer, which lived in the heap
 * until the model was written: a quarter of a 96-layer compile went to the collector copying them).
 *
 * <p>Operands must have the same bits ({@link Tensor#sameBits}), so a reused result has the bytes the fold would
 * have given. A fold reading a weight of the model (a resource over the file's bytes), directly or through earlier
 * folds, is not remembered: the key would keep a decoded copy of the weight alive, and such folds are not repeated
 * anyway (each Mamba layer's {@code -exp(A_log)}, 24576 floats, was hashed and kept for nothing).
 */
final class FoldMemo {
    private final Map<Key, List<Tensor>> results = new HashMap<>();
    /** The constants folds made of weights. */
    private final Set<Value> fromWeights = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Whether folding {@code op} reads a weight of the model, directly or through the result of an earlier fold. */
    boolean readsWeights(Operation op) {
        for (Value v : op.operandValues()) {
            if (fromWeights.contains(v)) return true;
            Operation def = v.definingOp();
            if (def != null && def.attr("value") instanceof DenseResourceAttr r && r.handle().computedValue().isEmpty()) return true;
        }
        return false;
    }

    /** Records that {@code constants} were folded from weights. */
    void addFromWeights(List<Value> constants) { fromWeights.addAll(constants); }

    /** The key of folding {@code op} over {@code inputs} (its operands' values), for a fold not reading weights. */
    static Key keyOf(Operation op, List<Tensor> inputs) {
        return new Key(op.name(), op.attributes(), inputs);
    }

    /** The results remembered for {@code key}, or null. */
    List<Tensor> get(Key key) { return results.get(key); }

    void put(Key key, List<Tensor> values) { results.put(key, List.copyOf(values)); }

    /** Written out rather than a record's: a record's equals and hashCode link through ObjectMethods at first use. */
    static final class Key {
        private final String opName;
        private final Map<String, Attribute> attributes;
        private final List<Tensor> inputs;
        private final int hash;

        private Key(String opName, Map<String, Attribute> attributes, List<Tensor> inputs) {
            this.opName = opName;
            this.attributes = new TreeMap<>(attributes); // a copy: the op's map is live (and may hold nulls)
            this.inputs = List.copyOf(inputs);
            int h = opName.hashCode() * 31 + this.attributes.hashCode();
            for (Tensor t : inputs) h = h * 31 + t.hashCode();
            this.hash = h;
        }

        @Override public boolean equals(Object o) {
            if (!(o instanceof Key k) || k.hash != hash || !k.opName.equals(opName) || k.inputs.size() != inputs.size()
                    || !k.attributes.equals(attributes)) {
                return false;
            }
            for (int i = 0; i < inputs.size(); i++) if (!inputs.get(i).sameBits(k.inputs.get(i))) return false;
            return true;
        }

        @Override public int hashCode() { return hash; }
    }
}
