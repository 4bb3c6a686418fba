package dev.xamba.codegen;

import static dev.xamba.codegen.TestGraph.attrs;
import static dev.xamba.codegen.TestGraph.f32;
import static dev.xamba.codegen.TestGraph.i64t;
import static dev.xamba.codegen.TestGraph.ints;

import dev.xamba.codegen.RoundTrip.Tolerance;
import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.loc.Location;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contractions, scans, reductions and shape ops on OpenVINO's CPU against the Java reference. */
class ShapeRoundTripTest {
    @ParameterizedTest
    @CsvSource({"false,false", "true,false", "false,true", "true,true"})
    void batchedMatMul(boolean transA, boolean transB) {
        TestGraph g = TestGraph.withInputs(transA ? f32(2, 1, 6, 5) : f32(2, 1, 5, 6), transB ? f32(3, 4, 6) : f32(3, 6, 4));
        RoundTrip.check(g.ret(g.op("ov.MatMul", attrs("transpose_a", transA, "transpose_b", transB), g.arg(0), g.arg(1))),
                Tolerance.F32);
    }

    @Test
    void matMulWithVectors() {
        TestGraph g = TestGraph.withInputs(f32(6), f32(2, 6, 3), f32(3));
        Value left = g.op("ov.MatMul", Map.of(), g.arg(0), g.arg(1));
        RoundTrip.check(g.ret(left, g.op("ov.MatMul", Map.of(), g.arg(1), g.arg(2))), Tolerance.F32);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bij,bjk->bik", "bld,bnd->bln", "ij,ij->i", "bij,bjk"})
    void einsum(String equation) {
        long[][] shapes = switch (equation) {
            case "bld,bnd->bln" -> new long[][] {{2, 5, 4}, {2, 3, 4}};
            case "ij,ij->i" -> new long[][] {{3, 4}, {3, 4}};
            default -> new long[][] {{2, 3, 4}, {2, 4, 5}};
        };
        TestGraph g = TestGraph.withInputs(f32(shapes[0]), f32(shapes[1]));
        RoundTrip.check(g.ret(g.op("ov.Einsum", attrs("equation", equation), g.arg(0), g.arg(1))), Tolerance.F32);
    }

    @ParameterizedTest
    @CsvSource({"false,false,1", "true,false,-1", "false,true,0", "true,true,2"})
    void cumSum(boolean exclusive, boolean reverse, long axis) {
        TestGraph g = TestGraph.withInputs(f32(3, 5, 4));
        RoundTrip.check(g.ret(g.op("ov.CumSum", attrs("exclusive", exclusive, "reverse", reverse), g.arg(0), g.i64(axis))),
                Tolerance.F32);
    }

    @Test
    void cumSumOfIntegers() {
        TestGraph g = TestGraph.withInputs(i64t(4, 3));
        RoundTrip.check(g.ret(g.op("ov.CumSum", attrs("exclusive", true), g.arg(0), g.i64(0))), Tolerance.F32);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ov.ReduceSum", "ov.ReduceMean", "ov.ReduceMax", "ov.ReduceMin", "ov.ReduceProd"})
    void reductions(String op) {
        TestGraph g = TestGraph.withInputs(f32(2, 3, 4), i64t(5, 3));
        Value kept = g.op(op, attrs("keep_dims", true), g.arg(0), g.i64s(-1, 0));
        Value dropped = g.op(op, Map.of(), g.arg(0), g.i64(1));
        Value all = g.op(op, Map.of(), g.arg(0), g.i64s(0, 1, 2));
        Value ints = g.op(op, Map.of(), g.arg(1), g.i64s(0));
        RoundTrip.check(g.ret(kept, dropped, all, ints), Tolerance.F32);
    }

    @Test
    void reshapesAndTransposes() {
        TestGraph g = TestGraph.withInputs(f32(2, 3, 4));
        Value flat = g.op("ov.Reshape", attrs("special_zero", false), g.arg(0), g.i64s(6, -1));
        Value copied = g.op("ov.Reshape", attrs("special_zero", true), g.arg(0), g.i64s(0, 2, -1));
        Value perm = g.op("ov.Transpose", Map.of(), g.arg(0), g.i64s(2, 0, 1));
        Value reversed = g.op("ov.Transpose", Map.of(), g.arg(0), g.i64s());
        RoundTrip.check(g.ret(flat, copied, perm, reversed), Tolerance.F32);
    }

    @Test
    void squeezeAndUnsqueeze() {
        TestGraph g = TestGraph.withInputs(f32(1, 3, 1, 4));
        Value some = g.op("ov.Squeeze", Map.of(), g.arg(0), g.i64s(-2));
        Value all = g.op("ov.Squeeze", Map.of(), g.arg(0));
        Value scalarAxis = g.op("ov.Squeeze", Map.of(), g.arg(0), g.i64(0));
        Value un = g.op("ov.Unsqueeze", Map.of(), all, g.i64s(0, -1));
        RoundTrip.check(g.ret(some, all, scalarAxis, un), Tolerance.F32);
    }

    @Test
    void concatAndSplits() {
        TestGraph g = TestGraph.withInputs(f32(2, 3), f32(2, 5), f32(2, 1));
        Value cat = g.op("ov.Concat", attrs("axis", -1), g.arg(0), g.arg(1), g.arg(2));
        Operation split = g.create("ov.Split", attrs("num_splits", 3), Location.name("split"), cat, g.i64(1));
        Operation variadic = g.create("ov.VariadicSplit", Map.of(), Location.name("vsplit"), cat, g.i64(-1), g.i64s(2, -1, 3));
        RoundTrip.check(g.ret(split.result(0), split.result(2), variadic.result(0), variadic.result(1), variadic.result(2), cat),
                Tolerance.F32);
    }

    @Test
    void broadcastModes() {
        TestGraph g = TestGraph.withInputs(f32(3, 1), f32(3));
        Value numpy = g.op("ov.Broadcast", Map.of(), g.arg(0), g.i64s(2, 3, 4));
        Value bidirectional = g.op("ov.Broadcast", attrs("mode", "bidirectional"), g.arg(0), g.i64s(1, 5));
        Value explicit = g.op("ov.Broadcast", attrs("mode", "explicit"), g.arg(1), g.i64s(2, 3, 4), g.i64s(1));
        RoundTrip.check(g.ret(numpy, bidirectional, explicit), Tolerance.F32);
    }

    @Test
    void tiles() {
        TestGraph g = TestGraph.withInputs(f32(2, 3));
        Value same = g.op("ov.Tile", Map.of(), g.arg(0), g.i64s(2, 1));
        Value longer = g.op("ov.Tile", Map.of(), g.arg(0), g.i64s(2, 1, 3));
        Value shorter = g.op("ov.Tile", Map.of(), g.arg(0), g.i64s(2));
        RoundTrip.check(g.ret(same, longer, shorter), Tolerance.F32);
    }

    @Test
    void shapeOfAndRange() {
        TestGraph g = TestGraph.withInputs(f32(2, 3, 4));
        Value shape = g.op("ov.ShapeOf", Map.of(), g.arg(0));
        Value shape32 = g.op("ov.ShapeOf", attrs("output_type", "i32"), g.arg(0));
        Value ints = g.op("ov.Range", attrs("output_type", "i64"), g.i64(7), g.i64(-3), g.i64(-2));
        Value floats = g.op("ov.Range", attrs("output_type", "f32"), g.f32(0.5f), g.f32(3.2f), g.f32(0.25f));
        // Range-4 casts float inputs to an integer output_type first: (1.7, 6.2, 1.6) becomes (1, 6, 1).
        Value truncated = g.op("ov.Range", attrs("output_type", "i64"), g.f32(1.7f), g.f32(6.2f), g.f32(1.6f));
        RoundTrip.check(g.ret(shape, shape32, ints, floats, truncated), Tolerance.F32);
    }

    @Test
    void shapeComputedAtRunTime() {
        // ShapeOf feeding Reshape and Range: OpenVINO folds them, our reference evaluates them.
        TestGraph g = TestGraph.withInputs(f32(3, 4));
        Value shape = g.op("ov.ShapeOf", Map.of(), g.arg(0));
        Value rows = g.op("ov.Gather", Map.of(), shape, g.i64(0), g.i64(0));
        Value range = g.op("ov.Range", attrs("output_type", "f32"), g.i64(0), rows, g.i64(1));
        Value scaled = g.op("ov.Multiply", Map.of(), g.arg(0), g.op("ov.Reshape", attrs("special_zero", false), range,
                g.i64s(-1, 1)));
        RoundTrip.check(g.ret(scaled, shape), Tolerance.F32);
    }

    @Test
    void ellipsisFreeStridedSlices() {
        long[] none = ints();
        TestGraph g = TestGraph.withInputs(f32(4, 5, 6));
        Value basic = g.op("ov.StridedSlice", attrs("begin_mask", ints(0, 1), "end_mask", ints(0, 0)),
                g.arg(0), g.i64s(1, 0), g.i64s(3, -1), g.i64s(1, 2));
        Value negative = g.op("ov.StridedSlice", attrs("begin_mask", ints(1, 0, 0), "end_mask", ints(1, 0, 1)),
                g.arg(0), g.i64s(0, -1, 5), g.i64s(0, -6, 0), g.i64s(1, -2, -1));
        RoundTrip.check(g.ret(basic, negative), Tolerance.F32);
        assert none.length == 0;
    }
}
