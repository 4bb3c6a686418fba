package dev.xamba.codegen;

import static dev.xamba.codegen.TestGraph.attrs;
import static dev.xamba.codegen.TestGraph.bool;
import static dev.xamba.codegen.TestGraph.f32;
import static dev.xamba.codegen.TestGraph.ints;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The XML and weights the writer produces, checked against OpenVINO IR v11's rules (docs/OPENVINO_IR.md). */
class OvIrWriterXmlTest {
    /** The doc's section 1.9 example: x -> CumSum -> y_cumsum and a -> MatMul(W) -> y_matmul. */
    static Operation tinyModel() {
        TestGraph g = TestGraph.named("tiny_cumsum_matmul", f32(1, 4), f32(1, 3));
        g.arg(0).setNameHint("x");
        g.arg(1).setNameHint("a");
        Value axis = g.create("ov.Constant", attrs("value", new dev.xamba.ir.attr.DenseElementsAttr(
                Tensor.ofLongs(TensorType.scalar(ElementType.I64), new long[] {1}))), Location.name("cumsum_axis")).result();
        Value cumsum = g.create("ov.CumSum", Map.of(), Location.name("cumsum"), g.arg(0), axis).result();
        cumsum.setNameHint("y_cumsum");
        Value w = g.create("ov.Constant", attrs("value", new dev.xamba.ir.attr.DenseElementsAttr(
                Tensor.ofDoubles(f32(3, 2), new double[] {1, 2, 3, 4, 5, 6}))), Location.name("W")).result();
        Value matmul = g.create("ov.MatMul", Map.of(), Location.name("matmul"), g.arg(1), w).result();
        matmul.setNameHint("y_matmul");
        return g.ret(cumsum, matmul);
    }

    static final String TINY_XML = """
            <?xml version="1.0"?>
            <net name="tiny_cumsum_matmul" version="11">
            	<layers>
            		<layer id="0" name="x" type="Parameter" version="opset1">
            			<data shape="1,4" element_type="f32"/>
            			<output>
            				<port id="0" precision="FP32" names="x">
            					<dim>1</dim>
            					<dim>4</dim>
            				</port>
            			</output>
            		</layer>
            		<layer id="1" name="a" type="Parameter" version="opset1">
            			<data shape="1,3" element_type="f32"/>
            			<output>
            				<port id="0" precision="FP32" names="a">
            					<dim>1</dim>
            					<dim>3</dim>
            				</port>
            			</output>
            		</layer>
            		<layer id="2" name="cumsum_axis" type="Const" version="opset1">
            			<data element_type="i64" shape="" offset="0" size="8"/>
            			<output>
            				<port id="0" precision="I64"/>
            			</output>
            		</layer>
            		<layer id="3" name="cumsum" type="CumSum" version="opset3">
            			<data exclusive="false" reverse="false"/>
            			<input>
            				<port id="0" precision="FP32">
            					<dim>1</dim>
            					<dim>4</dim>
            				</port>
            				<port id="1" precision="I64"/>
            			</input>
            			<output>
            				<port id="2" precision="FP32" names="y_cumsum">
            					<dim>1</dim>
            					<dim>4</dim>
            				</port>
            			</output>
            		</layer>
            		<layer id="4" name="W" type="Const" version="opset1">
            			<data element_type="f32" shape="3, 2" offset="8" size="24"/>
            			<output>
            				<port id="0" precision="FP32">
            					<dim>3</dim>
            					<dim>2</dim>
            				</port>
            			</output>
            		</layer>
            		<layer id="5" name="matmul" type="MatMul" version="opset1">
            			<data transpose_a="false" transpose_b="false"/>
            			<input>
            				<port id="0" precision="FP32">
            					<dim>1</dim>
            					<dim>3</dim>
            				</port>
            				<port id="1" precision="FP32">
            					<dim>3</dim>
            					<dim>2</dim>
            				</port>
            			</input>
            			<output>
            				<port id="2" precision="FP32" names="y_matmul">
            					<dim>1</dim>
            					<dim>2</dim>
            				</port>
            			</output>
            		</layer>
            		<layer id="6" name="y_cumsum/sink_port_0" type="Result" version="opset1">
            			<input>
            				<port id="0" precision="FP32">
            					<dim>1</dim>
            					<dim>4</dim>
            				</port>
            			</input>
            		</layer>
            		<layer id="7" name="y_matmul/sink_port_0" type="Result" version="opset1">
            			<input>
            				<port id="0" precision="FP32">
            					<dim>1</dim>
            					<dim>2</dim>
            				</port>
            			</input>
            		</layer>
            	</layers>
            	<edges>
            		<edge from-layer="0" from-port="0" to-layer="3" to-port="0"/>
            		<edge from-layer="1" from-port="0" to-layer="5" to-port="0"/>
            		<edge from-layer="2" from-port="0" to-layer="3" to-port="1"/>
            		<edge from-layer="3" from-port="2" to-layer="6" to-port="0"/>
            		<edge from-layer="4" from-port="0" to-layer="5" to-port="1"/>
            		<edge from-layer="5" from-port="2" to-layer="7" to-port="0"/>
            	</edges>
            </net>
            """;

    @Test
    void tinyModelIsWrittenExactlyAsTheDocumentedExample() {
        RenderedIr ir = OvIrWriter.render(tinyModel(), WriterOptions.DEFAULT);
        assertThat(ir.xmlText()).isEqualTo(TINY_XML);
        // i64 1, then W row-major, little-endian: the doc's 32-byte tiny.bin.
        ByteBuffer bin = ByteBuffer.wrap(ir.bin()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ir.bin()).hasSize(32);
        assertThat(bin.getLong(0)).isEqualTo(1);
        for (int i = 0; i < 6; i++) assertThat(bin.getFloat(8 + 4 * i)).isEqualTo(i + 1f);
    }

    @Test
    void multiOutputPortsContinueAfterInputsAndFeedByPort() {
        TestGraph g = TestGraph.withInputs(f32(2, 6));
        Operation split = g.create("ov.Split", attrs("num_splits", 3), Location.name("split"), g.arg(0), g.i64(1));
        Value sum = g.create("ov.Add", Map.of(), Location.name("sum"), split.result(2), split.result(0)).result();
        IrXml xml = IrXml.parse(OvIrWriter.render(g.ret(sum, split.result(1)), WriterOptions.DEFAULT));
        Element s = xml.layer("split");
        assertThat(IrXml.ports(s, "input")).extracting(p -> p.getAttribute("id")).containsExactly("0", "1");
        assertThat(IrXml.ports(s, "output")).extracting(p -> p.getAttribute("id")).containsExactly("2", "3", "4");
        String splitId = s.getAttribute("id");
        String sumId = xml.layer("sum").getAttribute("id");
        assertThat(xml.edges()).filteredOn(e -> e.getAttribute("to-layer").equals(sumId))
                .extracting(e -> e.getAttribute("from-layer") + ":" + e.getAttribute("from-port") + "->" + e.getAttribute("to-port"))
                .containsExactlyInAnyOrder(splitId + ":4->0", splitId + ":2->1");
    }

    @Test
    void everyInputPortHasExactlyOneEdgeAndEdgesAreSorted() {
        IrXml xml = IrXml.parse(OvIrWriter.render(SampleModels.mambaBlockLike(), WriterOptions.DEFAULT));
        for (Element layer : xml.layers()) {
            String id = layer.getAttribute("id");
            for (Element port : IrXml.ports(layer, "input")) {
                assertThat(xml.edges()).filteredOn(e -> e.getAttribute("to-layer").equals(id)
                        && e.getAttribute("to-port").equals(port.getAttribute("id"))).hasSize(1);
            }
        }
        List<long[]> keys = xml.edges().stream().map(e -> new long[] {Long.parseLong(e.getAttribute("from-layer")),
                Long.parseLong(e.getAttribute("from-port")), Long.parseLong(e.getAttribute("to-layer")),
                Long.parseLong(e.getAttribute("to-port"))}).toList();
        for (int i = 1; i < keys.size(); i++) assertThat(java.util.Arrays.compare(keys.get(i - 1), keys.get(i))).isNegative();
    }

    @Test
    void identicalConstantsShareOneBlob() {
        TestGraph g = TestGraph.withInputs(f32(2, 3));
        Tensor c = Tensor.ofDoubles(f32(3), new double[] {0.5, -1, 2});
        Value a = g.op("ov.Add", Map.of(), g.arg(0), g.constant(c));
        Value m = g.op("ov.Multiply", Map.of(), a, g.constant(c));
        Value other = g.op("ov.Subtract", Map.of(), m, g.constant(Tensor.ofDoubles(f32(3), new double[] {0.5, -1, 3})));
        RenderedIr ir = OvIrWriter.render(g.ret(other), WriterOptions.DEFAULT);
        List<Element> consts = IrXml.parse(ir).layersOfType("Const");
        assertThat(consts).extracting(l -> IrXml.data(l).getAttribute("offset") + "+" + IrXml.data(l).getAttribute("size"))
                .containsExactly("0+12", "0+12", "12+12");
        assertThat(ir.bin()).hasSize(24);
    }

    @Test
    void fp16CompressionWritesHalfConstantsAndMarkedConverts() {
        TestGraph g = TestGraph.withInputs(f32(1, 3));
        Value w = g.create("ov.Constant", attrs("value", new dev.xamba.ir.attr.DenseElementsAttr(Tensor.ofDoubles(f32(3, 2),
                new double[] {1, -2, 1e6, -1e6, Double.NEGATIVE_INFINITY, 0.1}))), Location.name("W")).result();
        Value mm = g.op("ov.MatMul", Map.of(), g.arg(0), w);
        Value range = g.op("ov.Range", attrs("output_type", "f32"), g.f32(0), g.f32(2), g.f32(1));
        RenderedIr ir = OvIrWriter.render(g.ret(g.op("ov.Add", Map.of(), mm, range)), WriterOptions.FP16_WEIGHTS);
        IrXml xml = IrXml.parse(ir);
        Element half = xml.layer("W_compressed");
        assertThat(IrXml.data(half).getAttribute("element_type")).isEqualTo("f16");
        assertThat(IrXml.data(half).getAttribute("size")).isEqualTo("12");
        assertThat(IrXml.ports(half, "output").get(0).getAttribute("precision")).isEqualTo("FP16");
        Element convert = xml.layer("W");
        assertThat(convert.getAttribute("type")).isEqualTo("Convert");
        assertThat(IrXml.data(convert).getAttribute("destination_type")).isEqualTo("f32");
        assertThat(IrXml.elements(convert, "attribute")).singleElement()
                .satisfies(a -> assertThat(a.getAttribute("name") + "/" + a.getAttribute("version")).isEqualTo("decompression/0"));
        assertThat(IrXml.ports(convert, "output").get(0).getAttribute("precision")).isEqualTo("FP32");
        ByteBuffer bin = ByteBuffer.wrap(ir.bin()).order(ByteOrder.LITTLE_ENDIAN);
        int offset = Integer.parseInt(IrXml.data(half).getAttribute("offset"));
        // 1, -2, then ±1e6 and -inf saturate to ±65504 (0x7BFF / 0xFBFF), 0.1 rounds to 0x2E66.
        assertThat(new int[] {bin.getShort(offset) & 0xffff, bin.getShort(offset + 2) & 0xffff, bin.getShort(offset + 4) & 0xffff,
                bin.getShort(offset + 6) & 0xffff, bin.getShort(offset + 8) & 0xffff, bin.getShort(offset + 10) & 0xffff})
                .containsExactly(0x3C00, 0xC000, 0x7BFF, 0xFBFF, 0xFBFF, 0x2E66);
        // Range's scalar inputs stay f32: OpenVINO needs their exact values to know the output length.
        assertThat(xml.layersOfType("Convert")).hasSize(1);
        assertThat(xml.layersOfType("Const")).filteredOn(l -> IrXml.data(l).getAttribute("element_type").equals("f32")).hasSize(3);
    }

    /** Input x (f32[4]) times a weight W of {@code values} and plus a small in-range weight B, rendered with f16 weights. */
    static RenderedIr scaledBy(double... values) {
        TestGraph g = TestGraph.withInputs(f32(values.length));
        Value w = g.create("ov.Constant", attrs("value", new dev.xamba.ir.attr.DenseElementsAttr(
                Tensor.ofDoubles(f32(values.length), values))), Location.name("W")).result();
        double[] small = new double[values.length];
        java.util.Arrays.fill(small, 0.25);
        Value b = g.create("ov.Constant", attrs("value", new dev.xamba.ir.attr.DenseElementsAttr(
                Tensor.ofDoubles(f32(values.length), small))), Location.name("B")).result();
        return OvIrWriter.render(g.ret(g.op("ov.Add", Map.of(), g.op("ov.Multiply", Map.of(), g.arg(0), w), b)),
                WriterOptions.FP16_WEIGHTS);
    }

    @Test
    void aConstantMostlyOutsideF16RangeStaysF32AsOpenVinosConverterKeepsIt() {
        // 3 of 4 values out of range (beyond 65504, or nonzero below f16's smallest subnormal 2^-24): kept, exactly.
        RenderedIr kept = scaledBy(1e6, -3.4e38, 1e-12, 2);
        IrXml xml = IrXml.parse(kept);
        Element w = xml.layer("W");
        assertThat(w.getAttribute("type")).isEqualTo("Const");
        assertThat(IrXml.data(w).getAttribute("element_type")).isEqualTo("f32");
        ByteBuffer bin = ByteBuffer.wrap(kept.bin()).order(ByteOrder.LITTLE_ENDIAN);
        int offset = Integer.parseInt(IrXml.data(w).getAttribute("offset"));
        assertThat(new float[] {bin.getFloat(offset), bin.getFloat(offset + 4), bin.getFloat(offset + 8), bin.getFloat(offset + 12)})
                .containsExactly(1e6f, -3.4e38f, 1e-12f, 2f);
        // The other weight is compressed as before: only the constant OpenVINO would keep is kept.
        assertThat(xml.layer("B").getAttribute("type")).isEqualTo("Convert");
        assertThat(IrXml.data(xml.layer("B_compressed")).getAttribute("element_type")).isEqualTo("f16");
        assertThat(xml.layersOfType("Convert")).hasSize(1);
        assertThat(kept.bin()).hasSize(16 + 8);

        // Below 75% (2 of 4; NaN counts as in range, as in OpenVINO) the constant is compressed and clamped.
        RenderedIr clamped = scaledBy(1e6, 1e-12, Double.NaN, 2);
        assertThat(IrXml.parse(clamped).layer("W").getAttribute("type")).isEqualTo("Convert");
        assertThat(clamped.bin()).hasSize(8 + 8);
    }

    @Test
    void aConvertOfAnF16ConstantToF32IsMarkedAsDecompressionLikeOpenVinosOwn() {
        TestGraph g = TestGraph.withInputs(f32(2), f32(2));
        Value half = g.constant(Tensor.ofDoubles(TensorType.of(ElementType.F16, 2), new double[] {0.5, -2}));
        Value weights = g.op("ov.Convert", attrs("destination_type", "f32"), half);
        Value notWeights = g.op("ov.Convert", attrs("destination_type", "f32"), g.op("ov.Convert", attrs("destination_type", "f16"), g.arg(1)));
        IrXml xml = IrXml.parse(OvIrWriter.render(g.ret(g.op("ov.Multiply", Map.of(), g.arg(0), weights),
                g.op("ov.Add", Map.of(), g.arg(0), notWeights)), WriterOptions.DEFAULT));
        assertThat(xml.layersOfType("Convert")).extracting(l -> IrXml.elements(l, "attribute").size()).containsExactly(1, 0, 0);
    }

    @Test
    void layerNamesComeFromLocationsAndAreUnique() {
        TestGraph g = TestGraph.withInputs(f32(4), f32(4));
        Value a = g.create("ov.Add", Map.of(), Location.name("/layers.0/Add"), g.arg(0), g.arg(1)).result();
        Value b = g.create("ov.Multiply", Map.of(), Location.name("/layers.0/Add"), a, a).result();
        Value c = g.create("ov.Exp", Map.of(), Location.fuse(List.of(Location.fileLineCol("m.xir", 3, 5),
                Location.name("exp_node"), Location.name("other"))), b).result();
        Value d = g.create("ov.ReLU", Map.of(), Location.fileLineCol("m.xir", 4, 5), c).result();
        Value e = g.create("ov.Sigmoid", Map.of(), Location.name("x0"), d).result(); // clashes with the input's name
        IrXml xml = IrXml.parse(OvIrWriter.render(g.ret(e), WriterOptions.DEFAULT));
        assertThat(xml.layers()).extracting(l -> l.getAttribute("name")).containsExactly(
                "x0", "x1", "/layers.0/Add", "/layers.0/Add_1", "exp_node", "ReLU_5", "x0_1", "output0/sink_port_0");
    }

    @Test
    void tensorNamesComeFromNameHintsOrAreGeneratedAndStayUnique() {
        TestGraph g = TestGraph.withInputs(f32(2), f32(2));
        g.arg(0).setNameHint(null);
        g.arg(1).setNameHint("ids, \"quoted\" & <more>");
        Value sum = g.op("ov.Add", Map.of(), g.arg(0), g.arg(1));
        sum.setNameHint("arg0"); // taken by the first input's generated name
        RenderedIr ir = OvIrWriter.render(g.ret(sum, sum, g.arg(1)), WriterOptions.DEFAULT);
        IrXml xml = IrXml.parse(ir);
        assertThat(xml.layersOfType("Parameter")).extracting(l -> IrXml.ports(l, "output").get(0).getAttribute("names"))
                .containsExactly("arg0", "ids\\, \"quoted\" & <more>");
        assertThat(IrXml.ports(xml.layersOfType("Add").get(0), "output").get(0).getAttribute("names")).isEqualTo("arg0_1");
        assertThat(xml.layersOfType("Result")).extracting(l -> l.getAttribute("name"))
                .containsExactly("arg0_1/sink_port_0", "arg0_1/sink_port_0_1", "ids, \"quoted\" & <more>/sink_port_0");
        assertThat(ir.xmlText()).contains("names=\"ids\\, &quot;quoted&quot; &amp; &lt;more&gt;\"");
    }

    @Test
    void attributesAreSpelledLikeOpenVinosSerializer() {
        TestGraph g = TestGraph.withInputs(f32(4, 6), bool(4, 6));
        Value slice = g.create("ov.StridedSlice", attrs("begin_mask", ints(1, 0), "end_mask", ints(0, 1)),
                Location.name("slice"), g.arg(0), g.i64s(0, 1), g.i64s(2, 0), g.i64s(1, 2)).result();
        Value clamp = g.create("ov.Clamp", attrs("min", -1.5, "max", 1e-5), Location.name("clamp"), g.arg(0)).result();
        Value conv = g.create("ov.Convert", attrs("destination_type", "boolean"), Location.name("convert"), g.arg(0)).result();
        Value and = g.create("ov.LogicalAnd", Map.of(), Location.name("and"), conv, g.arg(1)).result();
        Value cmask = g.constant(Tensor.ofLongs(bool(3), new long[] {1, 0, 1}));
        IrXml xml = IrXml.parse(OvIrWriter.render(g.ret(slice, clamp, and, cmask), WriterOptions.DEFAULT));
        Element ss = IrXml.data(xml.layer("slice"));
        assertThat(ss.getAttribute("begin_mask")).isEqualTo("1, 0");
        assertThat(ss.getAttribute("end_mask")).isEqualTo("0, 1");
        assertThat(ss.getAttribute("new_axis_mask")).isEmpty();
        assertThat(ss.hasAttribute("ellipsis_mask")).isTrue();
        Element cl = IrXml.data(xml.layer("clamp"));
        assertThat(Double.parseDouble(cl.getAttribute("min"))).isEqualTo(-1.5);
        assertThat(Double.parseDouble(cl.getAttribute("max"))).isEqualTo((double) 1e-5);
        assertThat(IrXml.data(xml.layer("convert")).getAttribute("destination_type")).isEqualTo("boolean");
        assertThat(IrXml.data(xml.layer("and")).getAttribute("auto_broadcast")).isEqualTo("numpy");
        assertThat(IrXml.ports(xml.layer("and"), "output").get(0).getAttribute("precision")).isEqualTo("BOOL");
        Element boolConst = xml.layersOfType("Const").get(xml.layersOfType("Const").size() - 1);
        assertThat(IrXml.data(boolConst).getAttribute("element_type")).isEqualTo("boolean");
        assertThat(IrXml.data(boolConst).getAttribute("size")).isEqualTo("3"); // one byte per boolean
    }

    @Test
    void infiniteFloatAttributesAreWrittenAsTheLargestFloat() {
        TestGraph g = TestGraph.withInputs(f32(2));
        Value clamp = g.create("ov.Clamp", attrs("min", Double.NEGATIVE_INFINITY, "max", 6.0), Location.name("relu6"), g.arg(0))
                .result();
        Element data = IrXml.data(IrXml.parse(OvIrWriter.render(g.ret(clamp), WriterOptions.DEFAULT)).layer("relu6"));
        // OpenVINO reads attributes with a C++ stream, which cannot parse "inf" (and silently keeps the default).
        assertThat(data.getAttribute("min")).isEqualTo("-3.4028234663852886e+38");
        assertThat(data.getAttribute("max")).isEqualTo("6");
    }

    @Test
    void dynamicDimsAreMinusOneAndPartialShapesUseQuestionMarks() {
        TestGraph g = TestGraph.withInputs(f32(-1, 4));
        IrXml xml = IrXml.parse(OvIrWriter.render(g.ret(g.op("ov.ReLU", Map.of(), g.arg(0))), WriterOptions.DEFAULT));
        Element p = xml.layersOfType("Parameter").get(0);
        assertThat(IrXml.data(p).getAttribute("shape")).isEqualTo("?,4");
        assertThat(IrXml.dims(IrXml.ports(p, "output").get(0))).containsExactly("-1", "4");
        assertThat(IrXml.dims(IrXml.ports(xml.layersOfType("ReLU").get(0), "input").get(0))).containsExactly("-1", "4");
    }

    @Test
    void deadConstantsAreNotWritten() {
        TestGraph g = TestGraph.withInputs(f32(2));
        g.constant(Tensor.ofDoubles(f32(1000), new double[1000]));
        RenderedIr ir = OvIrWriter.render(g.ret(g.op("ov.ReLU", Map.of(), g.arg(0))), WriterOptions.DEFAULT);
        assertThat(ir.bin()).isEmpty();
        assertThat(IrXml.parse(ir).layersOfType("Const")).isEmpty();
    }

    @Test
    void renderingIsDeterministic() {
        RenderedIr first = OvIrWriter.render(SampleModels.mambaBlockLike(), WriterOptions.FP16_WEIGHTS);
        RenderedIr second = OvIrWriter.render(SampleModels.mambaBlockLike(), WriterOptions.FP16_WEIGHTS);
        assertThat(second.xml()).isEqualTo(first.xml());
        assertThat(second.bin()).isEqualTo(first.bin());
    }
}
