package dev.xamba.ir.ops.ov;

import dev.xamba.ir.ops.OpDefinition;
import java.util.function.Consumer;

/**
 * The OpenVINO opset as an IR dialect: one op per OpenVINO layer type and version, named {@code ov.<IR type>}, with
 * OpenVINO's attribute names, defaults and semantics, so that code generation is a direct serialization of it
 * (each definition is an {@link OvOpDefinition} carrying its {@link OvLayerInfo}). Function arguments are the
 * model's Parameters and the function's results its Results, so neither is an op.
 */
public final class OvDialect {
    /** The constant op, written as a {@code Const} layer with its bytes in the weights file. */
    public static final String CONSTANT = "ov.Constant";

    private OvDialect() {}

    public static void register(Consumer<OpDefinition> add) {
        add.accept(new ConstantDef());
        for (ElementwiseBinaryDef.Kind k : ElementwiseBinaryDef.Kind.values()) add.accept(new ElementwiseBinaryDef(k));
        for (ComparisonDef.Kind k : ComparisonDef.Kind.values()) add.accept(new ComparisonDef(k));
        for (LogicalDef.Kind k : LogicalDef.Kind.values()) add.accept(new LogicalDef(k));
        for (ElementwiseUnaryDef.Kind k : ElementwiseUnaryDef.Kind.values()) add.accept(new ElementwiseUnaryDef(k));
        add.accept(new ClampDef());
        add.accept(new SwishDef());
        add.accept(new ConvertDef());
        add.accept(new SelectDef());
        add.accept(new MatMulDef());
        add.accept(new EinsumDef());
        add.accept(new ConvolutionDef(false));
        add.accept(new ConvolutionDef(true));
        add.accept(new CumSumDef());
        for (ReduceDef.Kind k : ReduceDef.Kind.values()) add.accept(new ReduceDef(k));
        add.accept(new ReshapeDef());
        add.accept(new TransposeDef());
        add.accept(new SqueezeDef());
        add.accept(new UnsqueezeDef());
        add.accept(new ConcatDef());
        add.accept(new SplitDef(SplitDef.Kind.EVEN));
        add.accept(new SplitDef(SplitDef.Kind.VARIADIC));
        add.accept(new StridedSliceDef());
        add.accept(new SliceDef());
        add.accept(new GatherDef());
        add.accept(new BroadcastDef());
        add.accept(new TileDef());
        add.accept(new PadDef());
        add.accept(new ShapeOfDef());
        add.accept(new RangeDef());
        add.accept(new OneHotDef());
    }
}
