package dev.xamba.ir.ops;

import dev.xamba.ir.type.TensorType;
import java.util.function.Supplier;

/**
 * Overflow-checked shape arithmetic for type inference and kernels. A count that does not fit is a problem of
 * the input (a model with a 2^65-element tensor), so it is an {@link OpError} that says what overflowed, never a
 * bare {@code ArithmeticException} ("long overflow") that would read as a compiler bug. What the error names comes
 * as a {@link Supplier}, built only when the check fails: type inference calls these for every op it types, and a
 * message such as {@code "element count of shape " + Arrays.toString(target)} costs more than the product it guards.
 */
public final class ElementCounts {
    /**
     * The most dims a result type may be given by an operand's length (e.g. {@code Tile}'s repeats): far above
     * any real model, far below what would exhaust memory just to hold the shape.
     */
    public static final int MAX_RANK = 1 << 16;

    private ElementCounts() {}

    /** {@code rank} as an int, or an error saying that {@code what} asks for more dims than {@link #MAX_RANK}. */
    public static int rank(long rank, Supplier<String> what) {
        if (rank <= MAX_RANK) return (int) rank;
        throw new OpError(what.get() + " has " + rank + " entries, more than the " + MAX_RANK + " dims a result may have");
    }

    /** {@code a * b}; {@code what} names the product in the error ("element count of the input"). */
    public static long multiply(long a, long b, Supplier<String> what) {
        long p = a * b;
        long hi = Math.multiplyHigh(a, b);
        if ((hi == 0 && p >= 0) || (hi == -1 && p < 0)) return p;
        throw new OpError(what.get() + " overflows 64 bits");
    }

    /** The product of {@code dims}, checked; {@code what} names it in the error. */
    public static long product(long[] dims, Supplier<String> what) {
        long n = 1;
        for (long d : dims) n = multiply(n, d, what);
        return n;
    }

    /**
     * The element count of a static tensor the reference evaluator is to hold in one Java array (at most
     * 2^31 - 1 elements).
     */
    public static int forEvaluator(TensorType type) {
        return forEvaluator(type.numElements(), type::toString);
    }

    /**
     * The length of the integer range {@code start, start + step, ...} that stops before {@code limit}:
     * {@code max(ceil((limit - start) / step), 0)}, exact for any longs (the span {@code limit - start} may need 65
     * bits, so its magnitude is taken unsigned), or an error when it is more than a tensor of the reference evaluator
     * holds. {@code step} is not 0.
     */
    public static int rangeLength(long start, long limit, long step) {
        if (step > 0 ? limit <= start : limit >= start) return 0;
        long span = step > 0 ? limit - start : start - limit; // unsigned, 1 to 2^64 - 1
        long n = Long.divideUnsigned(span - 1, step > 0 ? step : -step) + 1; // -Long.MIN_VALUE is 2^63 unsigned
        if (Long.compareUnsigned(n, Integer.MAX_VALUE) > 0) {
            throw new OpError("range of " + Long.toUnsignedString(n) + " elements is too large");
        }
        return (int) n;
    }

    /** {@code n} as an array length, or an error naming {@code what} holds that many elements. */
    public static int forEvaluator(long n, Supplier<String> what) {
        if (n >= 0 && n <= Integer.MAX_VALUE) return (int) n;
        String count = n == Long.MAX_VALUE ? "2^63 or more" : Long.toString(n);
        throw new OpError(what.get() + " has " + count + " elements, more than the reference evaluator holds in one tensor ("
                + Integer.MAX_VALUE + ")");
    }
}
