package dev.xamba.ir.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.attr.ResourceHandle;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Constants#splatValueOf}: weights held as bytes are tested as bytes, with the answers a decoded tensor gives. */
class ConstantsSplatTest {
    private static DenseResourceAttr resource(TensorType type, ByteBuffer bytes) {
        return new DenseResourceAttr(new ResourceHandle("w", bytes), type);
    }

    private static DenseResourceAttr resource(Tensor t) {
        return resource(t.type(), ByteBuffer.wrap(t.toBytes()));
    }

    private static ByteBuffer f32(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) b.putFloat(v);
        return b.flip();
    }

    @Test
    void aSplatWeightIsReadAsItsFirstElement() {
        float[] v = new float[1536 * 16];
        java.util.Arrays.fill(v, 2.5f);
        assertThat(Constants.splatValueOf(resource(TensorType.of(ElementType.F32, 1536, 16), f32(v)))).hasValue(2.5);
        // f16 1.0 is 0x3C00
        ByteBuffer half = ByteBuffer.wrap(new byte[] {0x00, 0x3C, 0x00, 0x3C, 0x00, 0x3C});
        assertThat(Constants.splatValueOf(resource(TensorType.of(ElementType.F16, 3), half))).hasValue(1.0);
    }

    @Test
    void aWeightUnlikeAnywhereIsNoSplat() {
        for (int at : new int[] {0, 7, 999}) {
            float[] v = new float[1000];
            v[at] = 1e-30f;
            assertThat(Constants.splatValueOf(resource(TensorType.of(ElementType.F32, 1000), f32(v)))).as("at " + at).isEmpty();
        }
        assertThat(Constants.splatValueOf(resource(TensorType.of(ElementType.F32, 2), f32(0f, -0f)))).isEmpty();
    }

    @Test
    void aBlobShorterThanItsTypeIsNoSplatAndNoError() {
        assertThat(Constants.splatValueOf(resource(TensorType.of(ElementType.F32, 4), f32(1f, 1f, 1f)))).isEmpty();
        assertThat(Constants.splatValueOf(resource(TensorType.of(ElementType.F32, 0), f32()))).isEmpty();
        // an element count whose byte size overflows a long
        TensorType absurd = TensorType.of(ElementType.F32, 1L << 40, 1L << 40);
        assertThat(Constants.splatValueOf(resource(absurd, f32(1f, 1f)))).isEmpty();
    }

    /** Values where splats and near-splats differ in the ways bytes and decoded values could disagree on. */
    private static final float[] POOL = {0f, -0f, 1f, Float.NaN, Float.MIN_VALUE, -3.25f};

    /** One to nine values, each the same one of {@link #POOL} but for about a quarter drawn afresh. */
    private static float[] mostlyOneValue(Random r) {
        float[] v = new float[1 + r.nextInt(9)];
        float base = POOL[r.nextInt(POOL.length)];
        for (int i = 0; i < v.length; i++) v[i] = r.nextInt(4) == 0 ? POOL[r.nextInt(POOL.length)] : base;
        return v;
    }

    @Test
    void bytesAndDecodedTensorsAgree() {
        Random r = new Random(20261201);
        for (int trial = 0; trial < 2000; trial++) {
            float[] v = mostlyOneValue(r);
            int n = v.length;
            Tensor t = Tensor.ofFloats(TensorType.of(ElementType.F32, n), v);
            assertThat(Constants.splatValueOf(resource(t)))
                    .as(java.util.Arrays.toString(v))
                    .isEqualTo(Constants.splatValueOf(new DenseElementsAttr(t)));
            long[] ints = new long[n];
            for (int i = 0; i < n; i++) ints[i] = (long) v[i] == 0 ? 7 : -1;
            Tensor it = Tensor.ofLongs(TensorType.of(ElementType.I64, n), ints);
            assertThat(Constants.splatValueOf(resource(it))).isEqualTo(Constants.splatValueOf(new DenseElementsAttr(it)));
        }
    }

    @Test
    void isSplatOfAnswersAsTheSplatValueComparedWithEquals() {
        Random r = new Random(20261202);
        for (int trial = 0; trial < 2000; trial++) {
            float[] v = mostlyOneValue(r);
            Tensor t = Tensor.ofFloats(TensorType.of(ElementType.F32, v.length), v);
            double asked = POOL[r.nextInt(POOL.length)];
            for (var a : java.util.List.of(resource(t), new DenseElementsAttr(t))) {
                var splat = Constants.splatValueOf(a);
                assertThat(Constants.isSplatOf(a, asked))
                        .as(java.util.Arrays.toString(v) + " of " + asked + " as " + a.getClass().getSimpleName())
                        .isEqualTo(splat.isPresent() && splat.getAsDouble() == asked);
            }
        }
        float[] zeros = new float[1536 * 16];
        assertThat(Constants.isSplatOf(resource(TensorType.of(ElementType.F32, 1536, 16), f32(zeros)), 0.0)).isTrue();
        assertThat(Constants.isSplatOf(resource(TensorType.of(ElementType.F32, 1536, 16), f32(zeros)), 1.0)).isFalse();
        assertThat(Constants.isSplatOf(resource(TensorType.of(ElementType.F32, 4), f32(1f, 1f, 1f)), 1.0)).isFalse();
    }

    @Test
    void aTensorIsASplatExactlyWhenEveryElementComparesEqualToTheFirst() {
        assertThat(Tensor.ofFloats(TensorType.of(ElementType.F32, 3), new float[] {Float.NaN, Float.NaN, Float.NaN}).isSplat()).isTrue();
        assertThat(Tensor.ofFloats(TensorType.of(ElementType.F32, 2), new float[] {0f, -0f}).isSplat()).isFalse();
        assertThat(Tensor.ofDoubles(TensorType.of(ElementType.F64, 3), new double[] {4, 4, 4}).isSplat()).isTrue();
        assertThat(Tensor.ofDoubles(TensorType.of(ElementType.F64, 3), new double[] {4, 4, 5}).isSplat()).isFalse();
        assertThat(Tensor.ofLongs(TensorType.of(ElementType.I64, 3), new long[] {9, 8, 9}).isSplat()).isFalse();
        assertThat(Tensor.ofLongs(TensorType.of(ElementType.I64, 1), new long[] {9}).isSplat()).isTrue();
    }

    @Test
    void nansOfDifferentBitsAreNoSplat() {
        // As a splat, dense<[0x7FC00000, 0xFFC00001]> printed its first NaN alone and lost the second.
        float[] f = {Float.intBitsToFloat(0x7FC00000), Float.intBitsToFloat(0xFFC00001)};
        Tensor nans = Tensor.ofFloats(TensorType.of(ElementType.F32, 2), f);
        assertThat(nans.isSplat()).isFalse();
        assertThat(new DenseElementsAttr(nans).toString()).isEqualTo("dense<[0x7FC00000, 0xFFC00001]> : tensor<2xf32>");
        double[] d = {Double.longBitsToDouble(0x7FF8000000000000L), Double.longBitsToDouble(0x7FF8000000000001L)};
        assertThat(Tensor.ofDoubles(TensorType.of(ElementType.F64, 2), d).isSplat()).isFalse();
        float[] same = {Float.intBitsToFloat(0xFFC00001), Float.intBitsToFloat(0xFFC00001)};
        assertThat(Tensor.ofFloats(TensorType.of(ElementType.F32, 2), same).isSplat()).isTrue();
    }
}
