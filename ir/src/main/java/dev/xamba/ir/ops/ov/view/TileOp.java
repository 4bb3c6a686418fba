package dev.xamba.ir.ops.ov.view;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.ops.OpView;
import dev.xamba.ir.ops.OpViewKind;

/** {@code ov.Tile(x, repeats)}. */
public final class TileOp extends OpView {
    public static final OpViewKind<TileOp> KIND = OpViewKind.of(TileOp::new, "ov.Tile");

    private TileOp(Operation op) { super(op); }

    public Value input() { return operand(0); }

    public Value repeats() { return operand(1); }
}
