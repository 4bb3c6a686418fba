package dev.xamba.frontend.onnx;

import dev.xamba.ir.ops.FoldWork;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@link OnnxImporter} reads a model.
 *
 * @param inputShapes       full shapes for graph inputs by ONNX input name, fixing their symbolic dimensions (a
 *                          {@code -1} entry keeps a dimension dynamic); fixed model dimensions must agree. Default: none.
 * @param foldConstants     evaluate ops whose operands are all constants while importing, so that shape
 *                          arithmetic disappears and types become static. Default: true.
 * @param maxFoldElements   ops with an operand or result larger than this many elements are not folded. Default: 2^20.
 * @param maxInlineElements constants with more elements become {@code dense_resource} blobs (weights), smaller ones
 *                          {@code dense<...>} literals. Default: 64.
 * @param baseDir           external data files must lie inside this folder (after following links); null means the
 *                          model's own folder. Default: null.
 * @param maxFoldWork       ops that cost more multiply-adds than this to evaluate ({@link FoldWork}) are not folded.
 *                          Default: {@link FoldWork#DEFAULT_MAX}.
 * @param freezeInitializerInputs compile a graph input that has an initializer of its name (from IR version 4 on, a
 *                          default value a caller may override: {@code torch.onnx.export(keep_initializers_as_inputs=True)}
 *                          lists every weight so) as that constant, as OpenVINO's reader does; refused otherwise, since
 *                          the input would silently disappear. Default: false.
 */
public record ImportOptions(Map<String, long[]> inputShapes, boolean foldConstants, long maxFoldElements,
                            int maxInlineElements, Path baseDir, long maxFoldWork, boolean freezeInitializerInputs) {
    public static final long DEFAULT_MAX_FOLD_ELEMENTS = 1L << 20;
    public static final int DEFAULT_MAX_INLINE_ELEMENTS = 64;

    public ImportOptions {
        Map<String, long[]> copy = new LinkedHashMap<>();
        inputShapes.forEach((k, v) -> copy.put(k, v.clone()));
        inputShapes = Collections.unmodifiableMap(copy);
        if (maxFoldElements < 0) throw new IllegalArgumentException("maxFoldElements must not be negative");
        if (maxInlineElements < 0) throw new IllegalArgumentException("maxInlineElements must not be negative");
        if (maxFoldWork < 0) throw new IllegalArgumentException("maxFoldWork must not be negative");
    }

    /** Every option at its default. */
    public static ImportOptions defaults() {
        return new ImportOptions(Map.of(), true, DEFAULT_MAX_FOLD_ELEMENTS, DEFAULT_MAX_INLINE_ELEMENTS, null, FoldWork.DEFAULT_MAX, false);
    }

    /** The given shape of an input, or null. */
    public long[] inputShape(String inputName) {
        long[] s = inputShapes.get(inputName);
        return s == null ? null : s.clone();
    }

    public ImportOptions withInputShape(String inputName, long... shape) {
        Map<String, long[]> m = new LinkedHashMap<>(inputShapes);
        m.put(inputName, shape.clone());
        return new ImportOptions(m, foldConstants, maxFoldElements, maxInlineElements, baseDir, maxFoldWork, freezeInitializerInputs);
    }

    public ImportOptions withFoldConstants(boolean fold) {
        return new ImportOptions(inputShapes, fold, maxFoldElements, maxInlineElements, baseDir, maxFoldWork, freezeInitializerInputs);
    }

    public ImportOptions withMaxFoldElements(long max) {
        return new ImportOptions(inputShapes, foldConstants, max, maxInlineElements, baseDir, maxFoldWork, freezeInitializerInputs);
    }

    public ImportOptions withMaxInlineElements(int max) {
        return new ImportOptions(inputShapes, foldConstants, maxFoldElements, max, baseDir, maxFoldWork, freezeInitializerInputs);
    }

    public ImportOptions withBaseDir(Path dir) {
        return new ImportOptions(inputShapes, foldConstants, maxFoldElements, maxInlineElements, dir, maxFoldWork, freezeInitializerInputs);
    }

    public ImportOptions withMaxFoldWork(long max) {
        return new ImportOptions(inputShapes, foldConstants, maxFoldElements, maxInlineElements, baseDir, max, freezeInitializerInputs);
    }

    public ImportOptions withFreezeInitializerInputs(boolean freeze) {
        return new ImportOptions(inputShapes, foldConstants, maxFoldElements, maxInlineElements, baseDir, maxFoldWork, freeze);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder("ImportOptions[inputShapes={");
        inputShapes.forEach((k, v) -> sb.append(k).append('=').append(Arrays.toString(v)).append(' '));
        return sb.append("}, foldConstants=").append(foldConstants).append(", maxFoldElements=").append(maxFoldElements)
                .append(", maxInlineElements=").append(maxInlineElements).append(", baseDir=").append(baseDir).append(", maxFoldWork=").append(maxFoldWork)
                .append(", freezeInitializerInputs=").append(freezeInitializerInputs).append(']').toString();
    }
}
