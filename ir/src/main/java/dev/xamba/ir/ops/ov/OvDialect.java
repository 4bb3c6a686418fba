package dev.xamba.ir.ops.ov;

import dev.xamba.ir.ops.OpDefinition;
import java.util.function.Consumer;

/**
 * The OpenVINO opset as an IR dialect: one op per OpenVINO layer type and version, with OpenVINO's
 * semantics, so that code generation is a direct serialization of it.
 */
public final class OvDialect {
    private OvDialect() {}

    public static void register(Consumer<OpDefinition> add) {
        add.accept(new ConstantDef());
        for (ElementwiseBinaryDef.Kind k : ElementwiseBinaryDef.Kind.values()) add.accept(new ElementwiseBinaryDef(k));
        for (ElementwiseUnaryDef.Kind k : ElementwiseUnaryDef.Kind.values()) add.accept(new ElementwiseUnaryDef(k));
        add.accept(new MatMulDef());
        add.accept(new CumSumDef());
        add.accept(new ReduceDef(ReduceDef.Kind.SUM));
        add.accept(new ReshapeDef());
        add.accept(new TransposeDef());
    }
}
