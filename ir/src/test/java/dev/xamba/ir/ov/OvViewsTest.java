package dev.xamba.ir.ov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.BoolAttr;
import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpRegistry;
import dev.xamba.ir.ops.OpViewKind;
import dev.xamba.ir.ops.onnx.view.OnnxOp;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.CompareOp;
import dev.xamba.ir.ops.ov.view.GatherOp;
import dev.xamba.ir.ops.ov.view.LogicalOp;
import dev.xamba.ir.ops.ov.view.OneHotOp;
import dev.xamba.ir.ops.ov.view.PadOp;
import dev.xamba.ir.ops.ov.view.RangeOp;
import dev.xamba.ir.ops.ov.view.SelectOp;
import dev.xamba.ir.ops.ov.view.SliceOp;
import dev.xamba.ir.ops.ov.view.SplitOp;
import dev.xamba.ir.ops.ov.view.TileOp;
import dev.xamba.ir.ops.ov.view.BroadcastOp;
import dev.xamba.ir.ops.ov.view.ClampOp;
import dev.xamba.ir.ops.ov.view.ConcatOp;
import dev.xamba.ir.ops.ov.view.ConstantOp;
import dev.xamba.ir.ops.ov.view.ConvertOp;
import dev.xamba.ir.ops.ov.view.ConvolutionOp;
import dev.xamba.ir.ops.ov.view.CumSumOp;
import dev.xamba.ir.ops.ov.view.MatMulOp;
import dev.xamba.ir.ops.ov.view.ReduceOp;
import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.ir.ops.ov.view.ShapeOfOp;
import dev.xamba.ir.ops.ov.view.SwishOp;
import dev.xamba.ir.ops.ov.view.TransposeOp;
import dev.xamba.ir.ops.ov.view.UnaryOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed views of ov ops: every name they claim is registered, and accessors read operands and defaults. */
class OvViewsTest {
    private static final List<OpViewKind<?>> KINDS = List.of(BinaryOp.ANY, BroadcastOp.KIND, ClampOp.KIND, ConcatOp.KIND,
            ConstantOp.KIND, ConvertOp.KIND, ConvolutionOp.ANY, CumSumOp.KIND, MatMulOp.KIND, ReduceOp.ANY,
            ReshapeOp.ANY, ShapeOfOp.KIND, SwishOp.KIND, TransposeOp.KIND, UnaryOp.ANY, CompareOp.ANY, LogicalOp.ANY,
            SelectOp.KIND, TileOp.KIND, SplitOp.ANY, SliceOp.ANY, GatherOp.KIND, PadOp.KIND, RangeOp.KIND, OneHotOp.KIND);

    /** Every ONNX op kind the optimizer matches, read off OnnxOp's public constants. */
    private static List<OpViewKind<?>> onnxKinds() throws IllegalAccessException {
        List<OpViewKind<?>> kinds = new java.util.ArrayList<>();
        for (var field : OnnxOp.class.getFields()) {
            if (field.get(null) instanceof OpViewKind<?> k) kinds.add(k);
        }
        return kinds;
    }

    @Test
    void everyOnnxKindIsARegisteredOnnxOp() throws IllegalAccessException {
        List<OpViewKind<?>> kinds = onnxKinds();
        assertThat(kinds).hasSizeGreaterThan(50);
        for (OpViewKind<?> k : kinds) {
            assertThat(k.opName()).startsWith("onnx.");
            assertThat(OpRegistry.lookup(k.opName())).as(k.opName()).isPresent();
        }
    }

    @Test
    void aSingleOpKindNamesTheOpToBuildAFamilyDoesNot() {
        assertThat(ReduceOp.MAX.opName()).isEqualTo("ov.ReduceMax");
        assertThat(ReduceOp.ANY.names()).containsExactly("ov.ReduceSum", "ov.ReduceMean", "ov.ReduceMax", "ov.ReduceMin",
                "ov.ReduceProd");
        assertThatThrownBy(() -> ReduceOp.ANY.opName()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shapeOfKnowsAStaticShapeAndBroadcastItsNoOpForm() {
        OvFixture f = new OvFixture(TensorType.of(ElementType.F32, 2, 3), TensorType.of(ElementType.F32, TensorType.DYNAMIC, 3));
        assertThat(ShapeOfOp.KIND.cast(f.op("ov.ShapeOf", Map.of(), f.arg(0))).staticShape()).hasValueSatisfying(
                s -> assertThat(s).containsExactly(2, 3));
        assertThat(ShapeOfOp.KIND.cast(f.op("ov.ShapeOf", Map.of(), f.arg(1))).staticShape()).isEmpty();
    }

    @Test
    void everyViewedOpIsRegistered() {
        for (OpViewKind<?> k : KINDS) {
            for (String n : k.names()) assertThat(OpRegistry.lookup(n)).as(n).isPresent();
        }
    }

    @Test
    void cumSumReadsANegativeConstantAxisAndFlagDefaults() {
        OvFixture f = new OvFixture(TensorType.of(ElementType.F32, 2, 3, 4));
        Operation op = f.op("ov.CumSum", Map.of("reverse", BoolAttr.TRUE), f.arg(0), f.scalar(-1));
        CumSumOp cs = CumSumOp.KIND.match(op).orElseThrow();
        assertThat(cs.axis()).hasValue(2);
        assertThat(cs.reverse()).isTrue();
        assertThat(cs.exclusive()).isFalse();
        assertThat(MatMulOp.KIND.match(op)).isEmpty();
        assertThatThrownBy(() -> MatMulOp.KIND.cast(op)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cumSumAxisFromAnArgumentIsUnknown() {
        OvFixture f = new OvFixture(TensorType.of(ElementType.F32, 2, 3), TensorType.scalar(ElementType.I64));
        CumSumOp cs = CumSumOp.KIND.cast(f.op("ov.CumSum", Map.of(), f.arg(0), f.arg(1)));
        assertThat(cs.axis()).isEmpty();
    }

    @Test
    void reduceAxesAreNormalizedSortedAndDistinct() {
        OvFixture f = new OvFixture(TensorType.of(ElementType.F32, 2, 3, 4));
        ReduceOp r = ReduceOp.ANY.cast(f.op("ov.ReduceSum", Map.of("keep_dims", BoolAttr.TRUE), f.arg(0), f.ints(-1, 0, 2)));
        assertThat(r.axes()).hasValueSatisfying(a -> assertThat(a).containsExactly(0, 2));
        assertThat(r.keepDims()).isTrue();
        assertThat(r.isSum()).isTrue();
        assertThat(r.isMean()).isFalse();
    }

    @Test
    void transposeNormalizesItsOrderAndSpotsALastTwoSwap() {
        OvFixture f = new OvFixture(TensorType.of(ElementType.F32, 2, 3, 4));
        TransposeOp t = TransposeOp.KIND.cast(f.op("ov.Transpose", Map.of(), f.arg(0), f.ints(0, -1, 1)));
        assertThat(t.order()).hasValueSatisfying(o -> assertThat(o).containsExactly(0, 2, 1));
        assertThat(t.swapsLastTwo()).isTrue();
        TransposeOp rev = TransposeOp.KIND.cast(f.op("ov.Transpose", Map.of(), f.arg(0), f.i64(new long[] {0})));
        assertThat(rev.order()).hasValueSatisfying(o -> assertThat(o).containsExactly(2, 1, 0));
        assertThat(rev.swapsLastTwo()).isFalse();
    }

    @Test
    void matMulFlagsDefaultToFalse() {
        OvFixture f = new OvFixture(TensorType.of(ElementType.F32, 2, 3), TensorType.of(ElementType.F32, 4, 3));
        MatMulOp mm = MatMulOp.KIND.cast(f.op("ov.MatMul", Map.of("transpose_b", BoolAttr.TRUE), f.arg(0), f.arg(1)));
        assertThat(mm.transposeA()).isFalse();
        assertThat(mm.transposeB()).isTrue();
        assertThat(mm.b()).isSameAs(f.arg(1));
    }

    @Test
    void binaryFamilyAndSplatConstants() {
        OvFixture f = new OvFixture(TensorType.of(ElementType.F32, 2, 3));
        Value one = f.f32(new long[] {1}, 1.0);
        BinaryOp mul = BinaryOp.ANY.cast(f.op("ov.Multiply", Map.of(), f.arg(0), one));
        assertThat(BinaryOp.MULTIPLY.matches(mul.op())).isTrue();
        assertThat(BinaryOp.ADD.matches(mul.op())).isFalse();
        assertThat(mul.autoBroadcast()).isEqualTo("numpy");
        assertThat(mul.isSameShape()).isFalse();
        assertThat(ConstantOp.KIND.definingOp(mul.rhs()).orElseThrow().splatValue()).hasValue(1.0);
        assertThat(SwishOp.KIND.cast(f.op("ov.Swish", Map.of(), f.arg(0))).beta()).hasValue(1.0);
    }

    /** An interface attached from outside the dialect is found through the op, and cannot be silently replaced. */
    interface Describe { String describe(Operation op); }

    @Test
    void externalModelsAttachToDefinitions() {
        OpDefinition clamp = OpRegistry.lookup("ov.Clamp").orElseThrow();
        Describe model = op -> "clamp " + ClampOp.KIND.cast(op).min();
        OpRegistry.attachInterface(Describe.class, model, ClampOp.KIND.names());
        OpRegistry.attachInterface(Describe.class, model, ClampOp.KIND.names());  // same model again: fine
        assertThat(clamp.getInterface(Describe.class)).containsSame(model);
        assertThatThrownBy(() -> clamp.attachInterface(Describe.class, op -> "other")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OpRegistry.attachInterface(Describe.class, model, List.of("ov.NoSuchOp")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OpRegistry.lookup("ov.ReLU").orElseThrow().getInterface(Describe.class)).isEmpty();
    }
}
