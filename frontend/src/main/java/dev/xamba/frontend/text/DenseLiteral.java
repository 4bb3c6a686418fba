package dev.xamba.frontend.text;

import dev.xamba.frontend.text.XambaIrParser.DenseElementContext;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;
import org.antlr.v4.runtime.Token;

/**
 * Turns the inside of {@code dense<...> : tensor<...>} into a tensor: either one scalar (a splat filling the
 * whole shape) or lists nested exactly as deep as the rank, each as long as its dimension.
 */
final class DenseLiteral {
    /** A splat expands to every element; beyond this a constant belongs in a dense_resource blob. */
    static final long MAX_ELEMENTS = 1 << 24;

    private final SourceFile src;
    private final NumberLiterals numbers;

    DenseLiteral(SourceFile src, NumberLiterals numbers) {
        this.src = src;
        this.numbers = numbers;
    }

    Tensor build(DenseElementContext root, TensorType type, Token typeToken) {
        if (!type.hasStaticShape()) throw src.error(typeToken, "dense attribute needs a static shape, got " + type);
        long n = type.numElements();
        if (n > MAX_ELEMENTS) {
            throw src.error(typeToken, type + " has " + n + " elements, more than a dense attribute may hold ("
                    + MAX_ELEMENTS + "); use dense_resource");
        }
        Elements out = new Elements(type, (int) n);
        if (root.LBRACKET() == null) {
            // A splat: check the scalar even when the shape is empty, then copy it everywhere.
            Elements one = n > 0 ? out : new Elements(TensorType.scalar(type.elementType()), 1);
            one.set(0, root);
            out.fillWithFirst();
        } else {
            fill(root, 0, out, 0);
        }
        return out.toTensor();
    }

    /** Writes the elements of a list at dimension {@code dim} from flat index {@code index}; returns the next index. */
    private int fill(DenseElementContext c, int dim, Elements out, int index) {
        TensorType type = out.type;
        if (dim == type.rank()) {
            if (c.LBRACKET() != null) {
                throw src.error(c.getStart(), "dense literal is nested deeper than the rank " + type.rank() + " of " + type);
            }
            out.set(index, c);
            return index + 1;
        }
        if (c.LBRACKET() == null) {
            throw src.error(c.getStart(), "expected a list '[' for dimension " + dim + " of " + type + " but found '"
                    + c.getText() + "'");
        }
        int size = c.denseElement().size();
        if (size != type.dim(dim)) {
            throw src.error(c.getStart(), "dimension " + dim + " of " + type + " has " + type.dim(dim)
                    + " elements but this list has " + size);
        }
        // Recursion depth is at most the rank (the list depth is checked against it first).
        for (DenseElementContext e : c.denseElement()) index = fill(e, dim + 1, out, index);
        return index;
    }

    /** The element values being collected, as doubles for float types and longs otherwise. */
    private final class Elements {
        final TensorType type;
        final double[] floats;
        final long[] ints;

        Elements(TensorType type, int n) {
            this.type = type;
            this.floats = type.elementType().isFloat() ? new double[n] : null;
            this.ints = floats == null ? new long[n] : null;
        }

        void set(int i, DenseElementContext c) {
            ElementType et = type.elementType();
            Token t = c.getStart();
            if (c.TRUE() != null || c.FALSE() != null) {
                if (!et.isBool()) throw src.error(t, "expected a number for " + et + " but found '" + t.getText() + "'");
                ints[i] = c.TRUE() != null ? 1 : 0;
            } else if (floats != null) {
                floats[i] = numbers.floating(t, t.getType(), et);
            } else {
                ints[i] = numbers.integer(t, t.getType(), et);
            }
        }

        void fillWithFirst() {
            if (floats != null && floats.length > 0) Arrays.fill(floats, floats[0]);
            if (ints != null && ints.length > 0) Arrays.fill(ints, ints[0]);
        }

        Tensor toTensor() { return floats != null ? Tensor.ofDoubles(type, floats) : Tensor.ofLongs(type, ints); }
    }
}
