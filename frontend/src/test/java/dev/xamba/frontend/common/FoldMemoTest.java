package dev.xamba.frontend.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xamba.ir.Value;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.diag.DiagnosticException;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.Constants;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Folds repeated with operands of the same bits are evaluated once and share their result; others are not. */
class FoldMemoTest {
    private static final TensorType TYPE = TensorType.of(ElementType.F32, 8, 8); // 64 elements: a resource, not inline

    private static OpFactory factory() {
        return new OpFactory("onnx.Constant", true, 1 << 20, 1L << 30, new ConstantAttrs(16));
    }

    private static Value neg(OpFactory f, Value x) {
        List<Value> out = f.create("onnx.Neg", List.of(x), Map.of(), Location.UNKNOWN, "neg",
                msg -> new DiagnosticException(Diagnostic.error(Location.UNKNOWN, msg)));
        assertTrue(Constants.valueOf(out.get(0)).isPresent(), "Neg of a constant folds");
        return out.get(0);
    }

    private static Value computed(OpFactory f, float[] values, String name) {
        return f.constant(f.constants().fromTensor(Tensor.ofFloats(TYPE, values), name), Location.UNKNOWN);
    }

    private static float[] ramp() {
        float[] v = new float[64];
        for (int i = 0; i < v.length; i++) v[i] = i * 0.5f - 3;
        return v;
    }

    private static Tensor valueOf(Value v) { return Constants.valueOf(v).orElseThrow(); }

    private static String resourceName(Value v) {
        return ((DenseResourceAttr) v.definingOp().attr("value")).handle().name();
    }

    @Test
    void equalFoldsShareOneResult() {
        OpFactory f = factory();
        Value first = neg(f, computed(f, ramp(), "a"));
        Value second = neg(f, computed(f, ramp(), "b"));
        assertSame(valueOf(first), valueOf(second), "the second fold reuses the first one's tensor");
        assertNotEquals(resourceName(first), resourceName(second), "each constant keeps its own resource name");
    }

    @Test
    void nanPayloadsAreNotMerged() {
        float[] one = ramp();
        float[] other = ramp();
        one[5] = Float.intBitsToFloat(0x7fc00001);
        other[5] = Float.intBitsToFloat(0x7fc00002);
        assertTrue(Tensor.ofFloats(TYPE, one).equals(Tensor.ofFloats(TYPE, other)), "equals sees one NaN");
        assertFalse(Tensor.ofFloats(TYPE, one).sameBits(Tensor.ofFloats(TYPE, other)));

        OpFactory f = factory();
        neg(f, computed(f, one, "a"));
        Tensor remembered = valueOf(neg(f, computed(f, other, "b")));
        OpFactory fresh = factory();
        Tensor alone = valueOf(neg(fresh, computed(fresh, other, "b")));
        assertTrue(Arrays.equals(alone.toBytes(), remembered.toBytes()), "the bytes of folding this operand, not the other's");
    }

    @Test
    void foldsOfWeightsReadAsBytesAreNotRemembered() {
        OpFactory f = factory();
        ByteBuffer bytes = ByteBuffer.wrap(Tensor.ofFloats(TYPE, ramp()).toBytes()).order(ByteOrder.LITTLE_ENDIAN);
        Value w1 = f.constant(f.constants().fromBytes(TYPE, bytes.duplicate(), "w1"), Location.UNKNOWN);
        Value w2 = f.constant(f.constants().fromBytes(TYPE, bytes.duplicate(), "w2"), Location.UNKNOWN);
        Tensor first = valueOf(neg(f, w1));
        Tensor second = valueOf(neg(f, w2));
        assertNotSame(first, second, "a key would keep a decoded copy of each weight alive");
        assertEquals(first, second);
        // Nor folds of their folds (Mamba's -exp(A_log)): equal here, but a model's layers have weights of their own.
        Tensor third = valueOf(neg(f, neg(f, w1)));
        Tensor fourth = valueOf(neg(f, neg(f, w2)));
        assertNotSame(third, fourth, "a fold of a weight's fold is not remembered either");
        assertEquals(third, fourth);
    }
}
