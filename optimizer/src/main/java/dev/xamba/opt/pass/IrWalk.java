package dev.xamba.opt.pass;

import dev.xamba.ir.Block;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Region;
import dev.xamba.ir.ops.builtin.BuiltinDialect;
import dev.xamba.ir.ops.builtin.ModuleOp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Walks over nested IR with explicit stacks (never recursion), so deep nesting cannot overflow the stack. */
public final class IrWalk {
    private IrWalk() {}

    /** Every op nested in {@code root}, in pre-order (an op before the ops of its regions); not root itself. */
    public static List<Operation> nestedOps(Operation root) {
        List<Operation> out = new ArrayList<>();
        Deque<Operation> work = new ArrayDeque<>();
        pushChildren(root, work);
        while (!work.isEmpty()) {
            Operation op = work.pop();
            out.add(op);
            pushChildren(op, work);
        }
        return out;
    }

    /** Every block nested in {@code root} (its own regions' blocks included), outer blocks first. */
    public static List<Block> blocks(Operation root) {
        List<Block> out = new ArrayList<>();
        Deque<Operation> work = new ArrayDeque<>();
        work.push(root);
        while (!work.isEmpty()) {
            Operation op = work.pop();
            for (Region r : op.regions()) {
                for (Block b : r.blocks()) {
                    out.add(b);
                    for (Operation inner : b.operations()) if (!inner.regions().isEmpty()) work.push(inner);
                }
            }
        }
        return out;
    }

    /**
     * The units a function-local pass works on: the functions of a module, or {@code root} itself when it is
     * not a module (a pass run on a single function).
     */
    public static List<Operation> functions(Operation root) {
        if (!root.isA(BuiltinDialect.MODULE)) return List.of(root);
        return new ModuleOp(root).functions().stream().map(f -> f.op()).toList();
    }

    private static void pushChildren(Operation op, Deque<Operation> work) {
        List<Region> regions = op.regions();
        for (int r = regions.size() - 1; r >= 0; r--) {
            List<Block> blocks = regions.get(r).blocks();
            for (int b = blocks.size() - 1; b >= 0; b--) {
                for (Operation child : blocks.get(b).operations().reversed()) work.push(child);
            }
        }
    }
}
