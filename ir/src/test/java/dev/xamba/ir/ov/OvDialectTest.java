package dev.xamba.ir.ov;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.ops.OpDefinition;
import dev.xamba.ir.ops.OpRegistry;
import dev.xamba.ir.ops.ov.OvElementTypes;
import dev.xamba.ir.ops.ov.OvLayerInfo;
import dev.xamba.ir.ops.ov.OvOpDefinition;
import dev.xamba.ir.type.ElementType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ov dialect's registry entries and their IR spellings. */
class OvDialectTest {
    private static Map<String, OvOpDefinition> ovOps() {
        Map<String, OvOpDefinition> m = new TreeMap<>();
        for (OpDefinition d : OpRegistry.all()) {
            if (d.name().startsWith("ov.")) {
                assertThat(d).as(d.name()).isInstanceOf(OvOpDefinition.class);
                m.put(d.name(), (OvOpDefinition) d);
            }
        }
        return m;
    }

    @Test
    void everyOvOpHasALayerInfoNamedAfterItsIrType() {
        Map<String, OvOpDefinition> ops = ovOps();
        assertThat(ops).hasSize(58);
        for (OvOpDefinition d : ops.values()) {
            OvLayerInfo info = d.layerInfo();
            assertThat(info.version()).as(d.name()).matches("opset\\d+");
            if (!d.name().equals("ov.Constant")) assertThat(d.name()).isEqualTo("ov." + info.type());
            // Every declared attribute is an OpenVINO <data> attribute, in declaration order.
            if (!d.name().equals("ov.Constant")) {
                assertThat(info.dataAttributes()).containsExactlyElementsOf(d.attributes().stream().map(a -> a.name()).toList());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "ov.Constant, Const, opset1", "ov.ReLU, ReLU, opset1", "ov.SoftPlus, SoftPlus, opset4", "ov.Swish, Swish, opset4",
        "ov.CumSum, CumSum, opset3", "ov.Gather, Gather, opset8", "ov.Slice, Slice, opset8", "ov.Pad, Pad, opset12",
        "ov.Range, Range, opset4", "ov.ShapeOf, ShapeOf, opset3", "ov.Broadcast, Broadcast, opset3",
        "ov.Einsum, Einsum, opset7", "ov.Squeeze, Squeeze, opset1", "ov.StridedSlice, StridedSlice, opset1",
        "ov.GroupConvolution, GroupConvolution, opset1", "ov.Convert, Convert, opset1", "ov.OneHot, OneHot, opset1",
        "ov.VariadicSplit, VariadicSplit, opset1", "ov.LogicalNot, LogicalNot, opset1", "ov.FloorMod, FloorMod, opset1"})
    void irTypeAndIntroducingOpset(String op, String type, String version) {
        OvLayerInfo info = ovOps().get(op).layerInfo();
        assertThat(info.type()).isEqualTo(type);
        assertThat(info.version()).isEqualTo(version);
    }

    @Test
    void requiredOpenVinoAttributesAreDeclaredWithOpenVinosNames() {
        Map<String, OvOpDefinition> ops = ovOps();
        assertThat(ops.get("ov.Divide").layerInfo().dataAttributes()).containsExactly("auto_broadcast", "m_pythondiv");
        assertThat(ops.get("ov.Convolution").layerInfo().dataAttributes())
                .containsExactly("strides", "pads_begin", "pads_end", "dilations", "auto_pad");
        assertThat(ops.get("ov.StridedSlice").layerInfo().dataAttributes())
                .containsExactly("begin_mask", "end_mask", "new_axis_mask", "shrink_axis_mask", "ellipsis_mask");
        assertThat(ops.get("ov.Reshape").attrSpec("special_zero").orElseThrow().required()).isTrue();
        assertThat(ops.get("ov.ReduceMean").layerInfo().dataAttributes()).containsExactly("keep_dims");
        assertThat(ops.get("ov.Clamp").layerInfo().dataAttributes()).containsExactly("min", "max");
        assertThat(ops.get("ov.ReLU").layerInfo().dataAttributes()).isEmpty();
    }

    @Test
    void elementTypesAreSpelledAsOpenVinoDoes() {
        assertThat(List.of(ElementType.values())).extracting(OvElementTypes::irName)
                .containsExactly("f64", "f32", "f16", "bf16", "i64", "i32", "i16", "i8", "u8", "boolean");
        assertThat(List.of(ElementType.values())).extracting(OvElementTypes::precision)
                .containsExactly("FP64", "FP32", "FP16", "BF16", "I64", "I32", "I16", "I8", "U8", "BOOL");
        assertThat(OvElementTypes.fromIrName("boolean")).contains(ElementType.I1);
        assertThat(OvElementTypes.fromIrName("i1")).isEmpty();
        assertThat(OvElementTypes.fromIrName("bool")).isEmpty();
    }
}
