package dev.xamba.ir.ops;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.Attribute;
import dev.xamba.ir.attr.DenseElementsAttr;
import dev.xamba.ir.attr.DenseResourceAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;

/** Reading constant values out of the graph. */
public final class Constants {
    private Constants() {}

    public static boolean isConstant(Operation op) {
        return op.definition().map(d -> d.has(Trait.CONSTANT_LIKE)).orElse(false);
    }

    /** The value of a constant-like op's result, else empty. */
    public static Optional<Tensor> valueOf(Value v) {
        Operation def = v.definingOp();
        if (def == null || !isConstant(def)) return Optional.empty();
        // A constant whose value does not have its declared type is invalid (the verifier says so at the
        // constant); its users must not read the value as if it had the declared shape.
        return valueOf(def.attr("value")).filter(t -> t.type().equals(v.type()));
    }

    public static Optional<Tensor> valueOf(Attribute a) {
        if (a instanceof DenseElementsAttr d) return Optional.of(d.value());
        if (a instanceof DenseResourceAttr r && r.handle().isBound()) return Optional.of(r.value());
        return Optional.empty();
    }

    /**
     * The one value every element of the constant {@code a} has, if it is a non-empty splat. A weight held as bytes
     * is tested as bytes (a splat repeats one element's bytes) and only its first element is decoded: patterns ask
     * this of every constant operand, and decoding a whole weight for the answer cost more than the patterns saved.
     * Bytes are stricter than values only for NaNs with different payloads and booleans stored as different non-zero
     * bytes, which then do not count as splats.
     */
    public static OptionalDouble splatValueOf(Attribute a) {
        return splat(a, first -> true);
    }

    /**
     * Whether the constant {@code a} is a non-empty splat of {@code value} (compared with {@code ==}, so 0 matches -0
     * and NaN nothing). A constant whose first element differs is rejected without reading the rest: patterns ask
     * this of every constant operand on every sweep, and a large splat that is not the value asked for (Mamba's zero
     * initial state, 98 KB a layer, tested for x · 1) was scanned each time, most of canonicalize's time while the
     * JIT had not yet compiled the scan.
     */
    public static boolean isSplatOf(Attribute a, double value) {
        return splat(a, first -> first == value).isPresent();
    }

    /** The splat value of {@code a}, if it is a non-empty splat whose first element passes {@code wanted}. */
    private static OptionalDouble splat(Attribute a, DoublePredicate wanted) {
        if (a instanceof DenseResourceAttr r && r.handle().isBound() && r.handle().computedValue().isEmpty()) {
            return splatOfBytes(r.type(), r.handle().blob(), wanted);
        }
        Optional<Tensor> t = valueOf(a);
        if (t.isEmpty() || t.get().size() == 0) return OptionalDouble.empty();
        double first = t.get().getDouble(0);
        if (!wanted.test(first) || !t.get().isSplat()) return OptionalDouble.empty();
        return OptionalDouble.of(first);
    }

    private static OptionalDouble splatOfBytes(TensorType type, ByteBuffer bytes, DoublePredicate wanted) {
        if (!type.hasStaticShape() || type.numElements() == 0) return OptionalDouble.empty();
        ElementType et = type.elementType();
        int width = et.byteWidth();
        // too few bytes for the type (the verifier reports it), tested without multiplying an absurd element count
        if (width == 0 || type.numElements() > bytes.remaining() / width) return OptionalDouble.empty();
        double first = Tensor.fromBytes(TensorType.scalar(et), bytes.slice(0, width)).getDouble(0);
        if (!wanted.test(first)) return OptionalDouble.empty();
        int rest = (int) type.numElements() * width - width;
        if (bytes.slice(width, rest).mismatch(bytes.slice(0, rest)) >= 0) return OptionalDouble.empty();
        return OptionalDouble.of(first);
    }
}
