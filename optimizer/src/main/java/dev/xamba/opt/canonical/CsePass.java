package dev.xamba.opt.canonical;

import dev.xamba.ir.Block;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.type.Type;
import dev.xamba.opt.pass.IrWalk;
import dev.xamba.opt.pass.Pass;
import dev.xamba.opt.pass.PassContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cse}: within each block, merges pure ops that compute the same thing (same name, same operand values,
 * equal attributes, equal result types) into the first of them. Constants with equal values merge too. The
 * survivor takes the fused location of every op merged into it, so no provenance is lost.
 *
 * <p>One forward sweep already reaches the fixpoint in valid IR, because an op's operands are defined before it:
 * by the time it is looked at, its operands have been merged. The pass still repeats until a sweep merges
 * nothing, which costs one extra sweep and keeps it correct if that argument ever stops holding.
 */
public final class CsePass extends Pass {

    /**
     * What makes two ops interchangeable. Values compare by identity, attributes and types structurally (floats and
     * dense constants bit for bit: two NaNs of different payloads are different attributes).
     */
    private record Key(String name, List<Value> operands, Map<String, Attribute> attributes, List<Type> resultTypes) {
        // equals/hashCode written out: the generated ones cost start-up time (README, "Compile speed")
        @Override public boolean equals(Object o) {
            return o instanceof Key k && k.name.equals(name) && k.operands.equals(operands) && k.attributes.equals(attributes)
                && k.resultTypes.equals(resultTypes);
        }

        @Override public int hashCode() { return ((name.hashCode() * 31 + operands.hashCode()) * 31 + attributes.hashCode()) * 31 + resultTypes.hashCode(); }
    }

    @Override public String cliName() { return "cse"; }

    @Override public String summary() { return "merge identical pure operations (constants included) within a block"; }

    @Override
    public void run(Operation module, PassContext ctx) {
        for (Block block : IrWalk.blocks(module)) {
            int merged;
            do {
                merged = sweep(block, ctx);
                ctx.addStatistic("ops-merged", merged);
            } while (merged > 0);
        }
    }

    private static int sweep(Block block, PassContext ctx) {
        Map<Key, Operation> seen = new HashMap<>();
        // Locations merged into each survivor, fused once at the end: fusing one at a time would copy the
        // growing fused list on every merge, quadratic in the number of duplicates.
        Map<Operation, List<Location>> mergedLocations = new LinkedHashMap<>();
        int merged = 0;
        for (Operation op : block.operations()) { // erasing the current op while iterating is allowed
            if (!isCandidate(op)) continue;
            Key key = new Key(op.name(), op.operandValues(), op.attributes(), resultTypes(op));
            Operation survivor = seen.putIfAbsent(key, op);
            if (survivor == null) continue;
            mergedLocations.computeIfAbsent(survivor, s -> new ArrayList<>(List.of(s.location()))).add(op.location());
            mergeInto(survivor, op);
            ctx.remark(survivor.diagnosticLocation(), "merged a duplicate '" + op.name() + "' into this one");
            merged++;
        }
        mergedLocations.forEach((survivor, locations) -> survivor.setLocation(Location.fuse(locations)));
        return merged;
    }

    /** A loop, not a stream: CSE keys every op several times per compile, mostly before the JIT has compiled this. */
    private static List<Type> resultTypes(Operation op) {
        List<Type> types = new ArrayList<>(op.numResults());
        for (Value r : op.results()) types.add(r.type());
        return types;
    }

    private static boolean isCandidate(Operation op) {
        return op.numResults() > 0 && op.regions().isEmpty()
                && op.definition().map(d -> d.has(Trait.PURE)).orElse(false);
    }

    private static void mergeInto(Operation survivor, Operation duplicate) {
        for (int i = 0; i < survivor.numResults(); i++) {
            Value keep = survivor.result(i);
            Value drop = duplicate.result(i);
            if (keep.nameHint() == null) keep.setNameHint(drop.nameHint());
            drop.replaceAllUsesWith(keep);
        }
        duplicate.erase();
    }
}
