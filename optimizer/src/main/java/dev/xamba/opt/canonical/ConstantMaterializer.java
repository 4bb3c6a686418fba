package dev.xamba.opt.canonical;

import dev.xamba.ir.Operation;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.OpRegistry;
import dev.xamba.ir.ops.OpViewKind;
import dev.xamba.ir.ops.Trait;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.ConstantOp;
import dev.xamba.opt.pattern.PatternRewriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which op holds a folded constant in each dialect: a folded {@code ov} op becomes an {@code ov.Constant}, an
 * {@code onnx} op an {@code onnx.Constant}. A dialect without a registered constant op is not folded, so that
 * folding never mixes dialects.
 */
public final class ConstantMaterializer {
    private static final Map<String, OpViewKind<?>> CONSTANT_OP_BY_DIALECT = Map.of(
            "ov", ConstantOp.KIND,
            "onnx", OnnxOp.CONSTANT);

    private ConstantMaterializer() {}

    /** The registered constant-like op of {@code dialect}, if it has one. */
    public static Optional<String> constantOpFor(String dialect) {
        return Optional.ofNullable(CONSTANT_OP_BY_DIALECT.get(dialect)).map(OpViewKind::opName)
                .filter(name -> OpRegistry.lookup(name).map(d -> d.has(Trait.CONSTANT_LIKE)).orElse(false));
    }

    /** Creates {@code opName {value = dense<...>}} at the rewriter's insertion point. */
    public static Operation materialize(PatternRewriter rewriter, String opName, Tensor value, Location loc) {
        return rewriter.create(opName, List.of(), Map.of("value", new DenseElementsAttr(value)), loc);
    }
}
