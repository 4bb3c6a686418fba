package dev.xamba.cli;

import dev.xamba.api.Limits;
import dev.xamba.frontend.onnx.ImportOptions;
import dev.xamba.ir.io.Npy;
import dev.xamba.ir.ops.FoldWork;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Resource limits that keep a hostile or mistaken input from exhausting memory or time: each has a default that
 * real models stay far below and an option to raise it. Sizes take a K, M or G suffix (powers of 1024). A command
 * takes only the limits it applies ({@link Compiling}, {@link InputBytes}, {@link ArrayBytes}): an option that
 * changes nothing would let a user believe a limit was raised.
 */
final class LimitOptions {
    static final long DEFAULT_MAX_INPUT_BYTES = Limits.DEFAULT_MAX_INPUT_BYTES;

    private LimitOptions() {}

    /** {@code --max-input-bytes}: every command that reads files. */
    static final class InputBytes {
        @Option(names = "--max-input-bytes", paramLabel = "SIZE", converter = ByteSize.class,
                description = "Largest file read into memory: textual IR (.xir), a reference (.npz) or input (.npy). Default: 1G. ONNX and OpenVINO IR models are memory-mapped and may always be up to 2G (protobuf's cap).")
        long max = DEFAULT_MAX_INPUT_BYTES;
    }

    /** The limits of a command that compiles: the input's size and the constant-folding budget. */
    static final class Compiling {
        @Mixin
        InputBytes input;

        @Option(names = "--max-fold-work", paramLabel = "N", converter = Count.class,
                description = "Constant folding skips ops costing more than N multiply-adds (the pipeline's canonicalize too). Default: ${DEFAULT-VALUE}.")
        long maxFoldWork = FoldWork.DEFAULT_MAX;

        long maxInputBytes() { return input.max; }

        /** The library's limits these flags set. */
        Limits limits() { return new Limits(input.max, maxFoldWork); }

        ImportOptions apply(ImportOptions o) { return limits().apply(o); }

        /** {@code pipeline} with this fold budget given to each {@code canonicalize} (when it is not the default). */
        String apply(String pipeline) { return limits().apply(pipeline); }
    }

    /** {@code --max-array-bytes}: the commands that read {@code .npy} or {@code .npz} arrays. */
    static final class ArrayBytes {
        @Option(names = "--max-array-bytes", paramLabel = "SIZE", converter = ByteSize.class,
                description = "Largest array read from a .npy or .npz, after decompression. Default: 1G.")
        long max = Npy.DEFAULT_MAX_BYTES;

        /** The option that raises the limit a .npy/.npz read failed on, if that is why it failed. */
        static String hint(java.io.IOException e) {
            return String.valueOf(e.getMessage()).contains("is too large") ? " (raise it with --max-array-bytes)" : "";
        }
    }

    /** A non-negative whole number. */
    static final class Count implements ITypeConverter<Long> {
        @Override public Long convert(String value) {
            try {
                long n = Long.parseLong(value.trim());
                if (n >= 0) return n;
            } catch (NumberFormatException e) {
                // refused below, as a negative number is
            }
            throw new TypeConversionException("'" + value + "' is not a whole number of 0 or more");
        }
    }

    /**
     * A count of timed inferences ({@code report --runs}, {@code calibrate --runs}), from 1 to {@link #MAX}: every
     * run's time is kept, and 2147483647 of them ran out of memory (an error blaming the input) before the first.
     */
    static final class Runs implements ITypeConverter<Integer> {
        /** 100000 runs of a 1 ms model take minutes; more is not a measurement anyone waits for. */
        static final int MAX = 100_000;

        @Override public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1 && n <= MAX) return n;
            } catch (NumberFormatException e) {
                // refused below, as zero is
            }
            throw new TypeConversionException("'" + value + "' is not a whole number from 1 to " + MAX);
        }
    }

    /** {@code 1048576}, {@code 1024K}, {@code 1M}, {@code 2G}. */
    static final class ByteSize implements ITypeConverter<Long> {
        @Override public Long convert(String value) {
            String v = value.trim().toUpperCase(java.util.Locale.ROOT);
            int shift = v.endsWith("K") ? 10 : v.endsWith("M") ? 20 : v.endsWith("G") ? 30 : 0;
            if (shift > 0) v = v.substring(0, v.length() - 1);
            try {
                long n = Long.parseLong(v);
                if (n < 0 || n > (Long.MAX_VALUE >> shift)) throw new NumberFormatException();
                return n << shift;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a size (bytes, or a number with K, M or G)");
            }
        }
    }
}
