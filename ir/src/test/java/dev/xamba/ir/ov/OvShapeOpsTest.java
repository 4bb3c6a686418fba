package dev.xamba.ir.ov;

import static dev.xamba.ir.ov.OvFixture.attrs;
import static dev.xamba.ir.ov.OvFixture.f32t;
import static dev.xamba.ir.ov.OvFixture.none;
import static dev.xamba.ir.ov.OvFixture.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Operation;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shape-changing, reducing and generating ov ops: inferred types and reference values. */
class OvShapeOpsTest {
    private final OvFixture fx = new OvFixture();

    private static double[] iota(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return v;
    }

    @Test
    void squeezeKeepsNonUnitDimsLikeOpenVino() {
        var x = fx.f32(shape(1, 3, 1, 2), iota(6));
        assertThat(fx.eval1("ov.Squeeze", none(), x).type().shape()).containsExactly(3, 2);
        assertThat(fx.eval1("ov.Squeeze", none(), x, fx.ints(-2)).type().shape()).containsExactly(1, 3, 2);
        assertThat(fx.eval1("ov.Squeeze", none(), x, fx.ints()).type().shape()).containsExactly(3, 2);
        // Squeeze-1 in OpenVINO 2026 silently keeps a listed dim whose size is not 1.
        assertThat(fx.eval1("ov.Squeeze", none(), x, fx.ints(1, 2)).type().shape()).containsExactly(1, 3, 2);
    }

    @Test
    void unsqueezeCountsAxesInTheOutput() {
        var x = fx.f32(shape(3, 2), iota(6));
        assertThat(fx.eval1("ov.Unsqueeze", none(), x, fx.ints(0, -1)).type().shape()).containsExactly(1, 3, 2, 1);
        assertThat(fx.eval1("ov.Unsqueeze", none(), x, fx.scalar(1)).type().shape()).containsExactly(3, 1, 2);
        assertThat(fx.eval1("ov.Unsqueeze", none(), x, fx.ints(0, 0)).type().shape()).containsExactly(1, 3, 2);
    }

    @Test
    void concatAndSplits() {
        var a = fx.f32(shape(2, 1), 1, 2);
        var b = fx.f32(shape(2, 2), 3, 4, 5, 6);
        Tensor cat = fx.eval1("ov.Concat", attrs("axis", -1), a, b);
        assertThat(cat.toDoubles()).containsExactly(1, 3, 4, 2, 5, 6);
        var x = fx.f32(shape(2, 6), iota(12));
        List<Tensor> parts = fx.eval("ov.Split", attrs("num_splits", 3), x, fx.scalar(1));
        assertThat(parts).hasSize(3);
        assertThat(parts.get(1).toDoubles()).containsExactly(2, 3, 8, 9);
        List<Tensor> v = fx.eval("ov.VariadicSplit", none(), x, fx.scalar(-1), fx.ints(1, -1, 2));
        assertThat(v).extracting(t -> t.type().dim(1)).containsExactly(1L, 3L, 2L);
        assertThat(v.get(2).toDoubles()).containsExactly(4, 5, 10, 11);
        assertThat(fx.error("ov.Split", attrs("num_splits", 4), x, fx.scalar(1))).contains("dim 6 does not split into 4 equal parts");
        assertThat(fx.error("ov.Concat", attrs("axis", 0), a, fx.f32(shape(2), 1, 2))).contains("operand #1 has rank 1, expected 2");
    }

    @Test
    void reshapeAndTranspose() {
        var x = fx.f32(shape(2, 3), iota(6));
        assertThat(fx.eval1("ov.Reshape", attrs("special_zero", true), x, fx.ints(0, -1, 1)).type().shape()).containsExactly(2, 3, 1);
        Tensor t = fx.eval1("ov.Transpose", none(), x, fx.ints());
        assertThat(t.type().shape()).containsExactly(3, 2);
        assertThat(t.toDoubles()).containsExactly(0, 3, 1, 4, 2, 5);
    }

    @Test
    void tileAndBroadcast() {
        var x = fx.f32(shape(2), 1, 2);
        assertThat(fx.eval1("ov.Tile", none(), x, fx.ints(2, 2)).toDoubles()).containsExactly(1, 2, 1, 2, 1, 2, 1, 2);
        Tensor numpy = fx.eval1("ov.Broadcast", none(), x, fx.ints(2, 2));
        assertThat(numpy.toDoubles()).containsExactly(1, 2, 1, 2);
        Tensor bidi = fx.eval1("ov.Broadcast", attrs("mode", "bidirectional"), fx.f32(shape(2, 1), 1, 2), fx.ints(3));
        assertThat(bidi.type().shape()).containsExactly(2, 3);
        assertThat(bidi.toDoubles()).containsExactly(1, 1, 1, 2, 2, 2);
        Tensor explicit = fx.eval1("ov.Broadcast", attrs("mode", "explicit"), x, fx.ints(2, 3), fx.ints(0));
        assertThat(explicit.toDoubles()).containsExactly(1, 1, 1, 2, 2, 2);
        assertThat(fx.error("ov.Broadcast", none(), fx.f32(shape(2, 1), 1, 2), fx.ints(3)))
                .contains("cannot broadcast rank 2 to rank 1");
        assertThat(fx.error("ov.Broadcast", none(), x, fx.ints(3))).contains("cannot broadcast [2] to [3]");
    }

    @Test
    void shapeOfAndRange() {
        var x = fx.f32(shape(2, 3), iota(6));
        Tensor s = fx.eval1("ov.ShapeOf", none(), x);
        assertThat(s.type()).isEqualTo(TensorType.of(ElementType.I64, 2));
        assertThat(s.toLongs()).containsExactly(2, 3);
        assertThat(fx.eval1("ov.ShapeOf", attrs("output_type", "i32"), x).elementType()).isEqualTo(ElementType.I32);
        assertThat(fx.eval1("ov.Range", attrs("output_type", "i64"), fx.scalar(7), fx.scalar(-3), fx.scalar(-2)).toLongs())
                .containsExactly(7, 5, 3, 1, -1);
        assertThat(fx.eval1("ov.Range", attrs("output_type", "i64"), fx.scalarF(1.7), fx.scalarF(6.2), fx.scalarF(1.6)).toLongs())
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(fx.eval1("ov.Range", attrs("output_type", "f32"), fx.scalarF(1), fx.scalarF(3.2), fx.scalarF(0.5)).toDoubles())
                .containsExactly(1, 1.5, 2, 2.5, 3);
        assertThat(fx.eval1("ov.Range", attrs("output_type", "f32"), fx.scalar(3), fx.scalar(1), fx.scalar(1)).type().shape())
                .containsExactly(0);
        assertThat(fx.error("ov.Range", attrs("output_type", "i64"), fx.scalar(0), fx.scalar(1), fx.scalar(0))).contains("step must not be 0");
    }

    @Test
    void rangeOfIntegersIsExactInLong() {
        // In double, 2^60 + 3 - 2^60 was 0 elements; 2^32 + 5 elements were cut to an int array length.
        long big = 1L << 60;
        assertThat(fx.eval1("ov.Range", attrs("output_type", "i64"), fx.scalar(big), fx.scalar(big + 3), fx.scalar(1)).toLongs())
                .containsExactly(big, big + 1, big + 2);
        assertThat(fx.error("ov.Range", attrs("output_type", "i64"), fx.scalar(0), fx.scalar((1L << 32) + 5), fx.scalar(1)))
                .contains("range of 4294967301 elements is too large");
        assertThat(fx.eval1("ov.Range", attrs("output_type", "i64"), fx.scalar(Long.MIN_VALUE), fx.scalar(Long.MAX_VALUE),
                fx.scalar(1L << 62)).toLongs()).containsExactly(Long.MIN_VALUE, -(1L << 62), 0, 1L << 62);
        assertThat(fx.error("ov.Range", attrs("output_type", "f32"), fx.scalarF(0), fx.scalarF(1e10), fx.scalarF(1)))
                .contains("range of 1.0E10 elements is too large");
    }

    @Test
    void rangeOfUnknownBoundsHasADynamicLength() {
        OvFixture g = new OvFixture(TensorType.scalar(ElementType.I64));
        Operation r = g.op("ov.Range", attrs("output_type", "i32"), g.scalar(0), g.arg(0), g.scalar(1));
        assertThat(r.result().type()).isEqualTo(TensorType.of(ElementType.I32, TensorType.DYNAMIC));
    }

    @Test
    void reductions() {
        var x = fx.f32(shape(2, 3), 1, 5, 3, -4, 0, 2);
        assertThat(fx.eval1("ov.ReduceMean", attrs("keep_dims", true), x, fx.ints(1)).toDoubles()).containsExactly(3, (float) (-2.0 / 3));
        assertThat(fx.eval1("ov.ReduceMax", none(), x, fx.scalar(0)).toDoubles()).containsExactly(1, 5, 3);
        assertThat(fx.eval1("ov.ReduceMin", none(), x, fx.ints(0, 1)).toDoubles()).containsExactly(-4);
        assertThat(fx.eval1("ov.ReduceProd", none(), x, fx.ints(0)).toDoubles()).containsExactly(-4, 0, 6);
        assertThat(fx.eval1("ov.ReduceSum", none(), x, fx.ints()).type().shape()).containsExactly(2, 3);
        // Integer means truncate toward zero: (1 + 2 + 4 - 3 - 3) / 5 = 0.2 -> 0; -7 / 2 -> -3.
        assertThat(fx.eval1("ov.ReduceMean", none(), fx.ints(1, 2, 4, -3, -3), fx.ints(0)).toLongs()).containsExactly(0);
        assertThat(fx.eval1("ov.ReduceMean", none(), fx.ints(-3, -4), fx.ints(0)).toLongs()).containsExactly(-3);
    }

    @Test
    void cumSumVariants() {
        var x = fx.f32(shape(3), 1, 2, 3);
        assertThat(fx.eval1("ov.CumSum", none(), x, fx.scalar(0)).toDoubles()).containsExactly(1, 3, 6);
        assertThat(fx.eval1("ov.CumSum", attrs("exclusive", true), x, fx.scalar(0)).toDoubles()).containsExactly(0, 1, 3);
        assertThat(fx.eval1("ov.CumSum", attrs("reverse", true), x, fx.scalar(-1)).toDoubles()).containsExactly(6, 5, 3);
        assertThat(fx.eval1("ov.CumSum", attrs("exclusive", true, "reverse", true), x, fx.scalar(0)).toDoubles())
                .containsExactly(5, 3, 0);
        assertThat(fx.error("ov.CumSum", none(), x)).contains("expects 2 operands, got 1");
    }

    @Test
    void cumSumOfAnEmptyTensorIsEmpty() {
        Tensor r = fx.eval1("ov.CumSum", none(), fx.f32(shape(2, 0)), fx.scalar(0));
        assertThat(r.type()).isEqualTo(f32t(2, 0));
        assertThat(fx.eval1("ov.CumSum", attrs("reverse", true), fx.ints(), fx.scalar(0)).size()).isZero();
    }

    @Test
    void matMulAndEinsum() {
        var a = fx.f32(shape(2, 3), 1, 2, 3, 4, 5, 6);
        var v = fx.f32(shape(3), 1, 0, -1);
        Tensor mv = fx.eval1("ov.MatMul", none(), a, v);
        assertThat(mv.type().shape()).containsExactly(2);
        assertThat(mv.toDoubles()).containsExactly(-2, -2);
        Tensor e = fx.eval1("ov.Einsum", attrs("equation", "ij,j->i"), a, v);
        assertThat(e.toDoubles()).containsExactly(-2, -2);
        Tensor t = fx.eval1("ov.Einsum", attrs("equation", "ij"), a);
        assertThat(t.toDoubles()).containsExactly(1, 2, 3, 4, 5, 6);
        Tensor trace = fx.eval1("ov.Einsum", attrs("equation", "ii->i"), fx.f32(shape(2, 2), 1, 2, 3, 4));
        assertThat(trace.toDoubles()).containsExactly(1, 4);
        Tensor outer = fx.eval1("ov.Einsum", attrs("equation", "i,j->ji"), v, fx.f32(shape(2), 1, 2));
        assertThat(outer.type().shape()).containsExactly(2, 3);
        assertThat(fx.error("ov.Einsum", attrs("equation", "...ij,jk"), a, a)).contains("ellipsis");
        assertThat(fx.error("ov.Einsum", attrs("equation", "ij,jk->ik"), a, a)).contains("letter 'j' has sizes 3 and 2");
    }

    @Test
    void einsumLettersAreAsciiOnly() {
        // Other letters were accepted, then indexed a table of the 128 ASCII codes.
        var a = fx.f32(shape(2, 3), 1, 2, 3, 4, 5, 6);
        assertThat(fx.error("ov.Einsum", attrs("equation", "\u03b1\u03b2->\u03b2\u03b1"), a))
                .contains("has '\u03b1', expected letters a-z or A-Z");
        assertThat(fx.error("ov.Einsum", attrs("equation", "ij->j\u00e9"), a)).contains("expected letters a-z or A-Z");
        assertThat(fx.eval1("ov.Einsum", attrs("equation", "Zj->jZ"), a).type()).isEqualTo(f32t(3, 2));
    }

    @Test
    void bidirectionalBroadcastToAnUnknownShapeKeepsTheDimsOtherThanOne() {
        // A dim of x other than 1 is the output's whatever the target holds (else the broadcast is invalid), as
        // onnx.Expand infers; legalize-ov needs the two types equal.
        OvFixture g = new OvFixture(f32t(3, 1, -1, 0), TensorType.of(ElementType.I64, 5));
        Operation b = g.op("ov.Broadcast", attrs("mode", "bidirectional"), g.arg(0), g.arg(1));
        assertThat(b.result().type()).isEqualTo(f32t(-1, 3, -1, -1, 0));
        Operation numpy = g.op("ov.Broadcast", none(), g.arg(0), g.arg(1));
        assertThat(numpy.result().type()).isEqualTo(f32t(-1, -1, -1, -1, -1));
    }

    @Test
    void dynamicDimsPropagate() {
        OvFixture g = new OvFixture(f32t(-1, 4));
        assertThat(g.op("ov.Concat", attrs("axis", 1), g.arg(0), g.arg(0)).result().type()).isEqualTo(f32t(-1, 8));
        assertThat(g.op("ov.ShapeOf", none(), g.arg(0)).result().type()).isEqualTo(TensorType.of(ElementType.I64, 2));
        assertThat(g.op("ov.Tile", none(), g.arg(0), g.ints(2, 2)).result().type()).isEqualTo(f32t(-1, 8));
    }
}
