package dev.xamba.ir.ops;

import dev.xamba.ir.eval.Kernels;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;
import java.util.Arrays;

/**
 * NumPy matmul shapes, shared by ONNX MatMul and OpenVINO MatMul-1: rank-1 operands are promoted (a to [1,K],
 * b to [K,1]) and the added dims removed from the result; batch dims broadcast; optional transposes of the last
 * two dims (OpenVINO's transpose_a/transpose_b, ignored for rank-1 operands).
 *
 * @param a       a's shape after promotion
 * @param b       b's shape after promotion
 * @param product the shape of the batched product, {@code [...batch, M, N]}
 * @param result  the op's result type (promoted dims removed)
 */
public record MatMulShapes(long[] a, long[] b, boolean transA, boolean transB, TensorType product, TensorType result) {

    public static MatMulShapes of(TensorType ta, TensorType tb, boolean transposeA, boolean transposeB) {
        if (ta.rank() == 0 || tb.rank() == 0) throw new OpError("operands must have rank >= 1, got " + ta + " and " + tb);
        boolean transA = transposeA && ta.rank() > 1;
        boolean transB = transposeB && tb.rank() > 1;
        long[] a = ta.rank() == 1 ? new long[] {1, ta.dim(0)} : ta.shape();
        long[] b = tb.rank() == 1 ? new long[] {tb.dim(0), 1} : tb.shape();
        long m = transA ? a[a.length - 1] : a[a.length - 2];
        long ka = transA ? a[a.length - 2] : a[a.length - 1];
        long kb = transB ? b[b.length - 1] : b[b.length - 2];
        long n = transB ? b[b.length - 2] : b[b.length - 1];
        if (ka != TensorType.DYNAMIC && kb != TensorType.DYNAMIC && ka != kb) {
            throw new OpError("incompatible matrix dimensions: " + ta + " and " + tb + " contract " + ka + " with " + kb);
        }
        long[] batch = Shapes.broadcast(Arrays.copyOf(a, a.length - 2), Arrays.copyOf(b, b.length - 2));
        long[] product = Arrays.copyOf(batch, batch.length + 2);
        product[batch.length] = m;
        product[batch.length + 1] = n;
        // Drop the dims that rank-1 promotion added: N (last) for b, then M for a.
        long[] resultShape = tb.rank() == 1 ? Arrays.copyOf(product, product.length - 1) : product.clone();
        if (ta.rank() == 1) {
            System.arraycopy(resultShape, batch.length + 1, resultShape, batch.length, resultShape.length - batch.length - 1);
            resultShape = Arrays.copyOf(resultShape, resultShape.length - 1);
        }
        return new MatMulShapes(a, b, transA, transB, TensorType.of(ta.elementType(), product),
                TensorType.of(ta.elementType(), resultShape));
    }

    /** The product of two constant operands, by the reference kernel. */
    public Tensor evaluate(Tensor x, Tensor y) {
        return Kernels.matmul(x.reshape(x.type().withShape(a)), y.reshape(y.type().withShape(b)), transA, transB, product)
                .reshape(result);
    }
}
