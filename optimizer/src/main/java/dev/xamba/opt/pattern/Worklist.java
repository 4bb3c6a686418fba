package dev.xamba.opt.pattern;

import dev.xamba.ir.Operation;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Ops still to visit, each at most once at a time; last pushed is visited first (new ops right away). */
final class Worklist {
    private final ArrayDeque<Operation> stack = new ArrayDeque<>();
    private final Set<Operation> present = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Adds ops so that they are visited in the given order. */
    void pushAllInOrder(List<Operation> ops) {
        for (int i = ops.size() - 1; i >= 0; i--) push(ops.get(i));
    }

    void push(Operation op) {
        if (present.add(op)) stack.push(op);
    }

    /** Forgets an op (erased); its stale stack entry is skipped on pop. */
    void remove(Operation op) { present.remove(op); }

    /** The next op, or null when done. */
    Operation pop() {
        while (!stack.isEmpty()) {
            Operation op = stack.pop();
            if (present.remove(op)) return op;
        }
        return null;
    }

    int size() { return present.size(); }
}
