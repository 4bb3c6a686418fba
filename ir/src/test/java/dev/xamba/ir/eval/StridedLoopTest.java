package dev.xamba.ir.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StridedLoopTest {
    /** The offsets a loop visits, flat index by flat index, for each operand. */
    private static int[][] visit(long[] shape, long[]... strides) {
        int n = Indexing.size(shape);
        int[][] seen = new int[strides.length][n];
        StridedLoop loop = StridedLoop.of(shape, strides);
        int len = loop.innerLength();
        for (int base = 0; base < n; base += len, loop.next()) {
            for (int k = 0; k < strides.length; k++) {
                for (int j = 0; j < len; j++) seen[k][base + j] = loop.offset(k) + j * loop.innerStride(k);
            }
        }
        return seen;
    }

    @Test
    void broadcastOffsetsMatchDivisionAndRemainderOnRandomShapes() {
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            int rank = random.nextInt(6);
            long[] out = new long[rank];
            long[] a = new long[rank];
            long[] b = new long[random.nextInt(rank + 1)];
            for (int d = 0; d < rank; d++) {
                out[d] = 1 + random.nextInt(4);
                a[d] = random.nextBoolean() ? out[d] : 1;
            }
            for (int d = 0; d < b.length; d++) {
                long o = out[rank - b.length + d];
                b[d] = random.nextInt(3) == 0 ? 1 : o;
            }
            long[] sa = Indexing.broadcastStrides(a, out);
            long[] sb = Indexing.broadcastStrides(b, out);
            int[][] seen = visit(out, sa, sb);
            for (int i = 0; i < Indexing.size(out); i++) {
                assertThat(seen[0][i]).as("a at %d", i).isEqualTo(Indexing.offset(i, out, sa));
                assertThat(seen[1][i]).as("b at %d", i).isEqualTo(Indexing.offset(i, out, sb));
            }
        }
    }

    @Test
    void contiguousDimsMergeIntoOneRunAndSizeOneDimsDisappear() {
        long[] shape = {2, 1, 3, 4};
        StridedLoop loop = StridedLoop.of(shape, Indexing.strides(shape), new long[] {0, 0, 4, 1});
        // the first operand is contiguous throughout, the second repeats [3, 4] twice: runs of 12, stride 1
        assertThat(loop.innerLength()).isEqualTo(12);
        assertThat(loop.innerStride(0)).isEqualTo(1);
        loop.next();
        assertThat(loop.offset(0)).isEqualTo(12);
        assertThat(loop.offset(1)).isZero();
    }

    @Test
    void permutedStridesWalkATranspose() {
        long[] in = {2, 3};
        long[] st = Indexing.strides(in);
        int[][] seen = visit(new long[] {3, 2}, new long[] {st[1], st[0]});
        assertThat(seen[0]).containsExactly(0, 3, 1, 4, 2, 5);
    }
}
