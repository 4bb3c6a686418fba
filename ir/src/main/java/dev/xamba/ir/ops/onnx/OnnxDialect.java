package dev.xamba.ir.ops.onnx;

import dev.xamba.ir.eval.kernels.Reductions;
import dev.xamba.ir.ops.OpDefinition;
import java.util.function.Consumer;

/**
 * The ONNX operator set as an IR dialect: {@code onnx.<OpType>} with ONNX's spelling, attributes and semantics
 * (opset 18 forms: axes, split and pads are operands). Operands are the ONNX inputs in order; trailing absent
 * optional inputs are omitted, and the importer fills an absent input in the middle with a constant holding
 * ONNX's default. Attributes keep their ONNX names and defaults. Every op infers static shapes where its operands
 * allow, dynamic dims otherwise, and has an exact reference evaluator.
 */
public final class OnnxDialect {
    private OnnxDialect() {}

    public static void register(Consumer<OpDefinition> add) {
        add.accept(new ConstantDef());
        for (UnaryDef.Kind k : UnaryDef.Kind.values()) add.accept(new UnaryDef(k));
        for (ArithmeticDef.Kind k : ArithmeticDef.Kind.values()) add.accept(new ArithmeticDef(k));
        for (LogicDef.Kind k : LogicDef.Kind.values()) add.accept(new LogicDef(k));
        add.accept(new MinMaxDef(true));
        add.accept(new MinMaxDef(false));
        add.accept(new CastDef());
        add.accept(new ClipDef());
        add.accept(new ConcatDef());
        add.accept(new ConstantOfShapeDef());
        add.accept(new ConvDef());
        add.accept(new CumSumDef());
        add.accept(new ExpandDef());
        add.accept(new FlattenDef());
        add.accept(new GatherDef());
        add.accept(new GemmDef());
        add.accept(new MatMulDef());
        add.accept(new OneHotDef());
        add.accept(new PadDef());
        add.accept(new RangeDef());
        add.accept(new ReduceDef(Reductions.Kind.SUM, "ReduceSum"));
        add.accept(new ReduceDef(Reductions.Kind.MEAN, "ReduceMean"));
        add.accept(new ReduceDef(Reductions.Kind.MAX, "ReduceMax"));
        add.accept(new ReduceDef(Reductions.Kind.MIN, "ReduceMin"));
        add.accept(new ReshapeDef());
        add.accept(new ShapeDef());
        add.accept(new SliceDef());
        add.accept(new SplitDef());
        add.accept(new SqueezeDef());
        add.accept(new UnsqueezeDef());
        add.accept(new TileDef());
        add.accept(new TransposeDef());
        add.accept(new TriluDef());
        add.accept(new WhereDef());
    }
}
