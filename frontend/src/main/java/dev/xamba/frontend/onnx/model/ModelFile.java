package dev.xamba.frontend.onnx.model;

import dev.xamba.ir.attr.FileVersion;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import dev.xamba.frontend.onnx.proto.ModelProto;
import dev.xamba.ir.diag.DiagnosticException;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/** Reads an ONNX model file into its protobuf message without copying the weights. */
public final class ModelFile {
    private ModelFile() {}

    /** A parsed model and where its initializers' raw_data lie in the file. */
    public record Parsed(ModelProto proto, InitializerRegions regions) {}

    /** {@link #load}'s model alone. */
    public static ModelProto read(SourceFile file) {
        return load(file).proto();
    }

    /**
     * Maps the file and parses it. {@code bytes} fields (raw_data) alias the mapping: the wrapped
     * {@code ByteString} yields a decoder marked immutable, which is the only way protobuf-java aliases a direct
     * buffer ({@code CodedInputStream.newInstance(ByteBuffer)} copies every bytes field).
     */
    public static Parsed load(SourceFile file) {
        if (!Files.isRegularFile(file.path())) throw file.error("cannot read the model: no such file");
        ModelProto model;
        InitializerRegions regions;
        try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw file.error("the model file has " + size + " bytes, more than protobuf's 2 GB limit"
                        + " (store the weights as external data)");
            }
            FileVersion version = FileVersion.of(file.path()); // before the bytes: a later change then shows
            MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            CodedInputStream in = UnsafeByteOperations.unsafeWrap(mapped).newCodedInput();
            in.enableAliasing(true);
            in.setSizeLimit(Integer.MAX_VALUE);
            model = ModelProto.parseFrom(in);
            regions = InitializerRegions.locate(model, mapped, file.path().toAbsolutePath(), version);
        } catch (InvalidProtocolBufferException e) {
            throw file.error("not a valid ONNX model: " + oneLine(e.getMessage()));
        } catch (IOException e) {
            throw file.error("cannot read the model: " + oneLine(String.valueOf(e.getMessage())));
        } catch (DiagnosticException e) {
            throw e;
        } catch (RuntimeException e) {
            // protobuf's own invariants on malformed bytes, never expected: still the file's fault, not ours
            throw file.error("not a valid ONNX model: protobuf cannot decode it" + (e.getMessage() == null ? "" : " (" + oneLine(e.getMessage()) + ")"));
        }
        if (!model.hasGraph()) throw file.error("not an ONNX model: it has no graph");
        return new Parsed(model, regions);
    }

    static String oneLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
