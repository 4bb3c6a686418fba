package dev.xamba.frontend.onnx.model;

import dev.xamba.frontend.onnx.proto.ModelProto;
import dev.xamba.frontend.onnx.proto.TensorProto;
import dev.xamba.ir.attr.FileRegion;
import dev.xamba.ir.attr.FileVersion;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where in the {@code .onnx} file each top-level initializer's {@code raw_data} lies. protobuf-java's aliased
 * {@code ByteString}s do not tell their offset, so this walks the wire format once more (skipping every payload, so
 * no weight page is read) to find them. The walk follows protobuf's merge rules: a repeated {@code graph} field
 * merges (initializers concatenate), a repeated {@code raw_data} field keeps the last value.
 *
 * <p>The regions only let the writer copy weights through the file instead of the mapping; whenever the walk and
 * the parsed model disagree in any way, there are simply none and the mapping is used.
 */
public final class InitializerRegions {
    private static final InitializerRegions NONE = new InitializerRegions(Map.of());

    // field numbers in onnx.proto
    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int TENSOR_RAW_DATA = 9;

    private static final int VARINT = 0, FIXED64 = 1, LENGTH_DELIMITED = 2, FIXED32 = 5;

    private final Map<TensorProto, FileRegion> regions;

    private InitializerRegions(Map<TensorProto, FileRegion> regions) { this.regions = regions; }

    /** No regions: every blob is read through its buffer. */
    public static InitializerRegions none() { return NONE; }

    /** The region of {@code t}'s raw_data in the model file, or null if it is not a top-level initializer's. */
    public FileRegion of(TensorProto t) { return regions.get(t); }

    /**
     * Locates the raw_data of {@code model}'s initializers in {@code bytes}, the whole content of {@code file} in
     * {@code version}.
     */
    static InitializerRegions locate(ModelProto model, ByteBuffer bytes, Path file, FileVersion version) {
        List<long[]> found = new ArrayList<>(); // {offset, length} of raw_data, or {-1, 0} for none
        try {
            Wire top = new Wire(bytes, 0, bytes.limit());
            while (top.hasMore()) {
                int tag = top.varint32();
                if (tag >>> 3 == MODEL_GRAPH && (tag & 7) == LENGTH_DELIMITED) {
                    Wire graph = top.embedded();
                    while (graph.hasMore()) {
                        int g = graph.varint32();
                        if (g >>> 3 == GRAPH_INITIALIZER && (g & 7) == LENGTH_DELIMITED) found.add(rawData(graph.embedded()));
                        else graph.skip(g);
                    }
                } else {
                    top.skip(tag);
                }
            }
        } catch (MalformedWire e) {
            return NONE;
        }
        List<TensorProto> initializers = model.getGraph().getInitializerList();
        if (found.size() != initializers.size()) return NONE;
        Map<TensorProto, FileRegion> regions = new IdentityHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            TensorProto t = initializers.get(i);
            long[] at = found.get(i);
            if (at[1] != t.getRawData().size()) return NONE;
            if (at[0] >= 0 && at[1] > 0) regions.put(t, new FileRegion(file, at[0], at[1], version));
        }
        return new InitializerRegions(regions);
    }

    private static long[] rawData(Wire tensor) throws MalformedWire {
        long[] at = {-1, 0};
        while (tensor.hasMore()) {
            int tag = tensor.varint32();
            if (tag >>> 3 == TENSOR_RAW_DATA && (tag & 7) == LENGTH_DELIMITED) {
                Wire raw = tensor.embedded();
                at = new long[] {raw.start, raw.end - raw.start};
            } else {
                tensor.skip(tag);
            }
        }
        return at;
    }

    private static final class MalformedWire extends Exception {
        MalformedWire() { super(null, null, false, false); }
    }

    /** A cursor over one message's bytes [pos, end) of the file. */
    private static final class Wire {
        private final ByteBuffer bytes;
        private final int start;
        private final int end;
        private int pos;

        Wire(ByteBuffer bytes, int start, int end) {
            this.bytes = bytes;
            this.start = start;
            this.end = end;
            this.pos = start;
        }

        boolean hasMore() { return pos < end; }

        long varint() throws MalformedWire {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) throw new MalformedWire();
                byte b = bytes.get(pos++);
                v |= (long) (b & 0x7f) << shift;
                if (b >= 0) return v;
            }
            throw new MalformedWire();
        }

        int varint32() throws MalformedWire { return (int) varint(); }

        /** The length-delimited payload that follows, as its own cursor; this one moves past it. */
        Wire embedded() throws MalformedWire {
            long length = varint();
            if (length < 0 || length > end - pos) throw new MalformedWire();
            Wire inner = new Wire(bytes, pos, pos + (int) length);
            pos += (int) length;
            return inner;
        }

        void skip(int tag) throws MalformedWire {
            switch (tag & 7) {
                case VARINT -> varint();
                case FIXED64 -> advance(8);
                case LENGTH_DELIMITED -> embedded();
                case FIXED32 -> advance(4);
                default -> throw new MalformedWire(); // groups: not in onnx.proto
            }
        }

        private void advance(int n) throws MalformedWire {
            if (n > end - pos) throw new MalformedWire();
            pos += n;
        }
    }
}
