package dev.xamba.opt.cost.op;

import dev.xamba.ir.Operation;
import dev.xamba.ir.ops.OpRegistry;
import dev.xamba.ir.ops.ov.OvOpDefinition;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.BroadcastOp;
import dev.xamba.ir.ops.ov.view.ClampOp;
import dev.xamba.ir.ops.ov.view.ConcatOp;
import dev.xamba.ir.ops.ov.view.ConstantOp;
import dev.xamba.ir.ops.ov.view.ConvolutionOp;
import dev.xamba.ir.ops.ov.view.CumSumOp;
import dev.xamba.ir.ops.ov.view.GatherOp;
import dev.xamba.ir.ops.ov.view.MatMulOp;
import dev.xamba.ir.ops.ov.view.ReduceOp;
import dev.xamba.ir.ops.ov.view.ReshapeOp;
import dev.xamba.ir.ops.ov.view.ShapeOfOp;
import dev.xamba.ir.ops.ov.view.SliceOp;
import dev.xamba.ir.ops.ov.view.SplitOp;
import dev.xamba.ir.ops.ov.view.SwishOp;
import dev.xamba.ir.ops.ov.view.TransposeOp;
import dev.xamba.ir.ops.ov.view.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Attaches an {@link OpCosting} to every {@code ov} op definition, family by family: the one place that says
 * which op is costed how. {@code ov} ops without a family of their own are SHAVE kernels; ops of other dialects
 * have no costing (the cost model works on the OpenVINO opset).
 */
public final class OpCostings {
    private static boolean attached;

    private OpCostings() {}

    /** Attaches the models once; later calls do nothing. */
    public static synchronized void attachAll() {
        if (attached) return;
        attach(MatMulCosting.INSTANCE, MatMulOp.KIND.names());
        attach(ConvolutionCosting.INSTANCE, ConvolutionOp.ANY.names());
        attach(BinaryCosting.INSTANCE, BinaryOp.ANY.names());
        attach(ActivationCosting.INSTANCE, concat(UnaryOp.ANY.names(), ClampOp.KIND.names(), SwishOp.KIND.names()));
        attach(LayoutCosting.INSTANCE, concat(ReshapeOp.ANY.names(), TransposeOp.KIND.names(), ConcatOp.KIND.names(),
                SliceOp.ANY.names(), SplitOp.ANY.names()));
        attach(BroadcastCosting.INSTANCE, BroadcastOp.KIND.names());
        attach(ReductionCosting.INSTANCE, ReduceOp.ANY.names());
        attach(ScanCosting.INSTANCE, CumSumOp.KIND.names());
        attach(FreeCosting.INSTANCE, concat(ConstantOp.KIND.names(), ShapeOfOp.KIND.names()));
        attach(GatherCosting.INSTANCE, GatherOp.KIND.names());
        List<String> rest = new ArrayList<>();
        OpRegistry.all().forEach(d -> {
            if (d instanceof OvOpDefinition && d.getInterface(OpCosting.class).isEmpty()) rest.add(d.name());
        });
        attach(SoftwareKernelCosting.OTHER, rest);
        attached = true;
    }

    /**
     * The names a target's rate tables are keyed by ({@link Work#kernel()}): the IR type of every {@code ov} op
     * ({@code CumSum}, {@code MatMul}), each costed here.
     */
    public static SortedSet<String> kernels() {
        SortedSet<String> names = new TreeSet<>();
        OpRegistry.all().forEach(d -> {
            if (d instanceof OvOpDefinition) names.add(d.name().substring(d.name().indexOf('.') + 1));
        });
        return names;
    }

    /** The costing of {@code op}, if it is an {@code ov} op. */
    public static Optional<OpCosting> of(Operation op) {
        attachAll();
        return op.getInterface(OpCosting.class);
    }

    private static void attach(OpCosting model, List<String> names) { OpRegistry.attachInterface(OpCosting.class, model, names); }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) all.addAll(l);
        return all;
    }
}
