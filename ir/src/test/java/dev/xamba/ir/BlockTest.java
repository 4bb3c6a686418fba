package dev.xamba.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The intrusive op list of {@link Block}: insertion, erasure, moves, order queries and erase-while-iterating. */
class BlockTest {

    private static Block newBlock() {
        return Operation.create("test.holder", List.of(), List.of(), Map.of(), 1, null).region(0).addBlock();
    }

    private static Operation op(String name) {
        return Operation.create("test." + name, List.of(), List.of(), Map.of(), 0, null);
    }

    private static Block blockOf(String... names) {
        Block b = newBlock();
        for (String n : names) b.append(op(n));
        return b;
    }

    private static Operation find(Block b, String name) {
        return b.operations().stream().filter(o -> o.isA("test." + name)).findFirst().orElseThrow();
    }

    /** The names in order, after checking that links, size, ends and order indices all agree. */
    private static List<String> names(Block b) {
        List<Operation> forward = b.operations().toList();
        List<Operation> backward = new ArrayList<>();
        for (Operation o : b.operations().reversed()) backward.add(0, o);
        assertThat(backward).containsExactlyElementsOf(forward);
        assertThat(b.operations().size()).isEqualTo(forward.size());
        assertThat(b.isEmpty()).isEqualTo(forward.isEmpty());
        assertThat(b.terminator()).isEqualTo(forward.isEmpty() ? null : forward.get(forward.size() - 1));
        for (int i = 0; i < forward.size(); i++) {
            Operation o = forward.get(i);
            assertThat(o.parentBlock()).isSameAs(b);
            assertThat(o.prevInBlock()).isEqualTo(i == 0 ? null : forward.get(i - 1));
            assertThat(o.nextInBlock()).isEqualTo(i == forward.size() - 1 ? null : forward.get(i + 1));
            for (int j = 0; j < forward.size(); j++) {
                assertThat(o.isBeforeInBlock(forward.get(j))).as("%s before %s", i, j).isEqualTo(i < j);
            }
        }
        return forward.stream().map(o -> o.name().substring("test.".length())).toList();
    }

    @Test
    void appendPrependAndInsertAtEveryPosition() {
        Block b = newBlock();
        assertThat(names(b)).isEmpty();
        b.append(op("c"));
        b.prepend(op("a"));
        b.insertBefore(find(b, "c"), op("b"));      // middle
        b.insertAfter(find(b, "c"), op("d"));       // after the last
        b.insertBefore(find(b, "a"), op("start"));  // before the first
        b.insertAfter(find(b, "a"), op("a2"));      // after the first
        assertThat(names(b)).containsExactly("start", "a", "a2", "b", "c", "d");
        assertThat(b.operations().first().name()).isEqualTo("test.start");
        assertThat(b.operations().last().name()).isEqualTo("test.d");
    }

    @Test
    void eraseFirstMiddleLastAndOnly() {
        Block b = blockOf("a", "b", "c", "d");
        find(b, "b").erase();
        assertThat(names(b)).containsExactly("a", "c", "d");
        find(b, "a").erase();
        assertThat(names(b)).containsExactly("c", "d");
        find(b, "d").erase();
        assertThat(names(b)).containsExactly("c");
        Operation c = find(b, "c");
        c.erase();
        assertThat(names(b)).isEmpty();
        assertThat(c.parentBlock()).isNull();
        assertThat(c.prevInBlock()).isNull();
        assertThat(c.nextInBlock()).isNull();
        assertThatThrownBy(() -> b.operations().first()).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void anErasedOpCanBeInsertedAgain() {
        Block b = blockOf("a", "b");
        Operation a = find(b, "a");
        a.erase();
        b.append(a);
        assertThat(names(b)).containsExactly("b", "a");
    }

    @Test
    void moveBeforeAndAfterWithinTheBlock() {
        Block b = blockOf("a", "b", "c", "d", "e");
        find(b, "a").moveAfter(find(b, "e"));    // first to last
        assertThat(names(b)).containsExactly("b", "c", "d", "e", "a");
        find(b, "a").moveBefore(find(b, "b"));   // last to first
        assertThat(names(b)).containsExactly("a", "b", "c", "d", "e");
        find(b, "d").moveBefore(find(b, "b"));   // backwards into the middle
        assertThat(names(b)).containsExactly("a", "d", "b", "c", "e");
        find(b, "d").moveAfter(find(b, "c"));    // forwards into the middle
        assertThat(names(b)).containsExactly("a", "b", "c", "d", "e");
        find(b, "c").moveBefore(find(b, "d"));   // already there
        find(b, "c").moveAfter(find(b, "b"));
        find(b, "c").moveAfter(find(b, "c"));    // onto itself
        assertThat(names(b)).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void moveBetweenBlocksAndFromDetached() {
        Block from = blockOf("a", "b");
        Block to = blockOf("x", "y");
        find(from, "a").moveBefore(find(to, "y"));
        assertThat(names(from)).containsExactly("b");
        assertThat(names(to)).containsExactly("x", "a", "y");
        Operation loose = op("loose");
        loose.moveAfter(find(to, "y"));
        assertThat(names(to)).containsExactly("x", "a", "y", "loose");
        assertThatThrownBy(() -> find(to, "x").moveBefore(op("detached")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in a block");
    }

    @Test
    void misuseIsRejected() {
        Block b = blockOf("a");
        Block other = blockOf("z");
        assertThatThrownBy(() -> b.append(find(b, "a"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already in a block");
        assertThatThrownBy(() -> b.insertBefore(find(other, "z"), op("n"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in this block");
        assertThatThrownBy(() -> find(b, "a").isBeforeInBlock(find(other, "z"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void orderQueriesStayRightWhenOneSpotRunsOutOfRoom() {
        // Each insertion halves the gap after "first"; past ~32 the block must renumber, queried or not.
        Block b = blockOf("first", "last");
        Operation first = find(b, "first");
        List<Operation> expected = new ArrayList<>(List.of(first, find(b, "last")));
        for (int i = 0; i < 200; i++) {
            Operation o = op("n" + i);
            b.insertAfter(first, o);
            expected.add(1, o);
            if (i % 7 == 0) assertThat(o.isBeforeInBlock(expected.get(2))).isTrue();
        }
        assertThat(b.operations().toList()).containsExactlyElementsOf(expected);
        for (int i = 0; i < expected.size(); i += 13) {
            for (int j = 0; j < expected.size(); j += 11) {
                assertThat(expected.get(i).isBeforeInBlock(expected.get(j))).isEqualTo(i < j);
            }
        }
    }

    @Test
    void randomMutationsAgreeWithAnArrayList() {
        Random random = new Random(7);
        Block b = newBlock();
        List<Operation> model = new ArrayList<>();
        for (int step = 0; step < 3000; step++) {
            int choice = model.isEmpty() ? 0 : random.nextInt(4);
            if (choice == 0) {
                Operation o = op("o" + step);
                int at = random.nextInt(model.size() + 1);
                if (at == model.size()) b.append(o); else b.insertBefore(model.get(at), o);
                model.add(at, o);
            } else if (choice == 1) {
                model.remove(random.nextInt(model.size())).erase();
            } else if (choice == 2) {
                Operation moved = model.remove(random.nextInt(model.size()));
                if (model.isEmpty()) { model.add(moved); continue; }
                int at = random.nextInt(model.size());
                moved.moveAfter(model.get(at));
                model.add(at + 1, moved);
            } else {
                int i = random.nextInt(model.size());
                int j = random.nextInt(model.size());
                assertThat(model.get(i).isBeforeInBlock(model.get(j))).isEqualTo(i < j);
            }
        }
        assertThat(b.operations().toList()).containsExactlyElementsOf(model);
        assertThat(names(b)).hasSize(model.size());
    }

    @Test
    void erasingTheCurrentOpWhileIteratingVisitsEveryOpOnce() {
        Block b = blockOf("a", "b", "c", "d", "e");
        List<String> seen = new ArrayList<>();
        for (Operation o : b.operations()) {
            seen.add(o.name());
            if (!o.isA("test.c")) o.erase();
        }
        assertThat(seen).containsExactly("test.a", "test.b", "test.c", "test.d", "test.e");
        assertThat(names(b)).containsExactly("c");

        Block r = blockOf("a", "b", "c");
        List<String> backwards = new ArrayList<>();
        for (Operation o : r.operations().reversed()) {
            backwards.add(o.name());
            o.erase();
        }
        assertThat(backwards).containsExactly("test.c", "test.b", "test.a");
        assertThat(r.isEmpty()).isTrue();
    }

    @Test
    void opsInsertedBeforeTheCurrentOrJustAfterItAreNotVisited() {
        Block b = blockOf("a", "b");
        List<String> seen = new ArrayList<>();
        for (Operation o : b.operations()) {
            seen.add(o.name());
            if (o.isA("test.a")) {
                b.insertBefore(o, op("before_a"));
                b.insertAfter(o, op("after_a"));
                o.moveBefore(find(b, "before_a"));  // moving the current op away is allowed too
            }
        }
        assertThat(seen).containsExactly("test.a", "test.b");
        assertThat(names(b)).containsExactly("a", "before_a", "after_a", "b");
    }

    @Test
    void anOpMovedAheadOfTheIteratorIsVisitedAgain() {
        Block b = blockOf("a", "b");
        List<String> seen = new ArrayList<>();
        for (Operation o : b.operations()) {
            seen.add(o.name());
            if (seen.size() == 1) o.moveAfter(find(b, "b"));
        }
        assertThat(seen).containsExactly("test.a", "test.b", "test.a");
    }

    @Test
    void erasingTheUpcomingOpIsDetected() {
        Block b = blockOf("a", "b", "c");
        assertThatThrownBy(() -> {
            for (Operation o : b.operations()) if (o.isA("test.a")) o.nextInBlock().erase();
        }).isInstanceOf(ConcurrentModificationException.class).hasMessageContaining("test.b");
    }

    @Test
    void useListsKeepOrderAndSurviveRemovalWhileIterating() {
        Block b = newBlock();
        Value arg = b.addArgument(null);
        Value other = b.addArgument(null);
        List<Operation> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Operation u = Operation.create("test.use" + i, List.of(arg), List.of(), Map.of(), 0, null);
            b.append(u);
            users.add(u);
        }
        assertThat(arg.numUses()).isEqualTo(5);
        assertThat(arg.useList()).extracting(OpOperand::owner).containsExactlyElementsOf(users);
        users.get(2).erase();
        users.get(0).erase();
        assertThat(arg.useList()).extracting(OpOperand::owner).containsExactly(users.get(1), users.get(3), users.get(4));
        for (OpOperand use : arg.uses()) if (use.owner() == users.get(3)) use.set(other);
        assertThat(arg.useList()).extracting(OpOperand::owner).containsExactly(users.get(1), users.get(4));
        arg.replaceAllUsesWith(other);
        assertThat(arg.hasUses()).isFalse();
        assertThat(arg.numUses()).isZero();
        assertThat(other.useList()).extracting(OpOperand::owner).containsExactly(users.get(3), users.get(1), users.get(4));
    }
}
