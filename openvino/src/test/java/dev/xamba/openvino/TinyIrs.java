package dev.xamba.openvino;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Hand-written IR v11 models for the tests, spelled as in docs/OPENVINO_IR.md section 1. */
final class TinyIrs {
    private TinyIrs() {}

    /** x: f32[1,4] -> ReLU -> y. */
    static final String RELU_XML = """
            <?xml version="1.0"?>
            <net name="tiny_relu" version="11">
            	<layers>
            		<layer id="0" name="x" type="Parameter" version="opset1">
            			<data shape="1,4" element_type="f32"/>
            			<output>
            				<port id="0" precision="FP32" names="x"><dim>1</dim><dim>4</dim></port>
            			</output>
            		</layer>
            		<layer id="1" name="relu" type="ReLU" version="opset1">
            			<input>
            				<port id="0" precision="FP32"><dim>1</dim><dim>4</dim></port>
            			</input>
            			<output>
            				<port id="1" precision="FP32" names="y"><dim>1</dim><dim>4</dim></port>
            			</output>
            		</layer>
            		<layer id="2" name="y/sink_port_0" type="Result" version="opset1">
            			<input>
            				<port id="0" precision="FP32"><dim>1</dim><dim>4</dim></port>
            			</input>
            		</layer>
            	</layers>
            	<edges>
            		<edge from-layer="0" from-port="0" to-layer="1" to-port="0"/>
            		<edge from-layer="1" from-port="1" to-layer="2" to-port="0"/>
            	</edges>
            	<rt_info/>
            </net>
            """;

    /** a: f32[1,3] -> MatMul with Const W f32[3,2] (from the .bin, offset 0) -> y. */
    static final String MATMUL_XML = """
            <?xml version="1.0"?>
            <net name="tiny_matmul" version="11">
            	<layers>
            		<layer id="0" name="a" type="Parameter" version="opset1">
            			<data shape="1,3" element_type="f32"/>
            			<output>
            				<port id="0" precision="FP32" names="a"><dim>1</dim><dim>3</dim></port>
            			</output>
            		</layer>
            		<layer id="1" name="W" type="Const" version="opset1">
            			<data element_type="f32" shape="3,2" offset="0" size="24"/>
            			<output>
            				<port id="0" precision="FP32"><dim>3</dim><dim>2</dim></port>
            			</output>
            		</layer>
            		<layer id="2" name="matmul" type="MatMul" version="opset1">
            			<data transpose_a="false" transpose_b="false"/>
            			<input>
            				<port id="0" precision="FP32"><dim>1</dim><dim>3</dim></port>
            				<port id="1" precision="FP32"><dim>3</dim><dim>2</dim></port>
            			</input>
            			<output>
            				<port id="2" precision="FP32" names="y_matmul"><dim>1</dim><dim>2</dim></port>
            			</output>
            		</layer>
            		<layer id="3" name="y_matmul/sink_port_0" type="Result" version="opset1">
            			<input>
            				<port id="0" precision="FP32"><dim>1</dim><dim>2</dim></port>
            			</input>
            		</layer>
            	</layers>
            	<edges>
            		<edge from-layer="0" from-port="0" to-layer="2" to-port="0"/>
            		<edge from-layer="1" from-port="0" to-layer="2" to-port="1"/>
            		<edge from-layer="2" from-port="2" to-layer="3" to-port="0"/>
            	</edges>
            	<rt_info/>
            </net>
            """;

    /** W = [[1,2],[3,4],[5,6]] row-major f32, the whole .bin of {@link #MATMUL_XML}. */
    static byte[] matmulWeights() {
        ByteBuffer bin = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (float w : new float[] {1, 2, 3, 4, 5, 6}) {
            bin.putFloat(w);
        }
        return bin.array();
    }

    /** in: T[2,3] -> Result, i.e. the identity, for any element type T. */
    static String identityXml(OvElementType type) {
        // Port precision uses the serializer's legacy names (docs/OPENVINO_IR.md section 1.4).
        String precision = switch (type) {
            case BOOLEAN -> "BOOL";
            case F16, F32, F64 -> "FP" + type.irName().substring(1);
            default -> type.irName().toUpperCase();
        };
        return """
                <?xml version="1.0"?>
                <net name="identity" version="11">
                	<layers>
                		<layer id="0" name="in" type="Parameter" version="opset1">
                			<data shape="2,3" element_type="%1$s"/>
                			<output>
                				<port id="0" precision="%2$s" names="in"><dim>2</dim><dim>3</dim></port>
                			</output>
                		</layer>
                		<layer id="1" name="in/sink_port_0" type="Result" version="opset1">
                			<input>
                				<port id="0" precision="%2$s"><dim>2</dim><dim>3</dim></port>
                			</input>
                		</layer>
                	</layers>
                	<edges>
                		<edge from-layer="0" from-port="0" to-layer="1" to-port="0"/>
                	</edges>
                </net>
                """.formatted(type.irName(), precision);
    }

    /** s: f32 scalar -> ReLU -> r, with an empty Parameter shape and no dims. */
    static final String SCALAR_RELU_XML = """
            <?xml version="1.0"?>
            <net name="scalar_relu" version="11">
            	<layers>
            		<layer id="0" name="s" type="Parameter" version="opset1">
            			<data shape="" element_type="f32"/>
            			<output><port id="0" precision="FP32" names="s"/></output>
            		</layer>
            		<layer id="1" name="relu" type="ReLU" version="opset1">
            			<input><port id="0" precision="FP32"/></input>
            			<output><port id="1" precision="FP32" names="r"/></output>
            		</layer>
            		<layer id="2" name="r/sink_port_0" type="Result" version="opset1">
            			<input><port id="0" precision="FP32"/></input>
            		</layer>
            	</layers>
            	<edges>
            		<edge from-layer="0" from-port="0" to-layer="1" to-port="0"/>
            		<edge from-layer="1" from-port="1" to-layer="2" to-port="0"/>
            	</edges>
            </net>
            """;

    /** {@link #RELU_XML} with a dynamic batch: Parameter shape {@code ?,4}, dims -1. */
    static String dynamicBatchReluXml() {
        return RELU_XML.replace("shape=\"1,4\"", "shape=\"?,4\"").replace("<dim>1</dim><dim>4</dim>",
                "<dim>-1</dim><dim>4</dim>");
    }

    /**
     * An ONNX model y = Neg(x), x and y f32[1,3], opset 13: 70 bytes of protobuf written by the onnx
     * Python package (helper.make_model, ir_version 8), Base64-encoded.
     */
    static byte[] onnxNegModel() {
        return Base64.getDecoder().decode(
                "CAgSADo6CgsKAXgSAXkiA05lZxIBZ1oTCgF4Eg4KDAgBEggKAggBCgIIA2ITCgF5Eg4KDAgBEggKAggBCgIIA0IECgAQDQ==");
    }

    /** Writes {@code xml} (and {@code bin} when not null) as {@code name.xml} / {@code name.bin}; returns the xml path. */
    static Path write(Path dir, String name, String xml, byte[] bin) throws IOException {
        Path xmlPath = dir.resolve(name + ".xml");
        Files.writeString(xmlPath, xml);
        if (bin != null) {
            Files.write(dir.resolve(name + ".bin"), bin);
        }
        return xmlPath;
    }
}
