package dev.xamba.opt.xamba;

import dev.xamba.ir.Operation;
import dev.xamba.ir.Value;
import dev.xamba.ir.attr.FloatAttr;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.ops.ov.view.BinaryOp;
import dev.xamba.ir.ops.ov.view.MatMulOp;
import dev.xamba.ir.ops.ov.view.SwishOp;
import dev.xamba.ir.ops.ov.view.UnaryOp;
import dev.xamba.ir.type.ElementType;
import dev.xamba.ir.type.TensorType;
import dev.xamba.opt.pass.PassOption;
import dev.xamba.opt.rewrite.OvBuilder;
import dev.xamba.opt.rewrite.RewriteFailure;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code xamba-actiba}: XAMBA's ActiBA. SoftPlus, Swish/SiLU and an unfused {@code x · Sigmoid(x)} become a
 * piecewise-linear form of ops the NPU runs on its DPU (ReLU fuses into the op before it):
 * <pre>
 *   %y = ov.SoftPlus(%x)                   →  %y = ov.ReLU(%x)                      (softplus=relu, error ln 2)
 *   %y = ov.Swish(%x)  (or SoftPlus)       →  %r = ov.ReLU(Reshape(%x, [..., 1]) − %t)   // one column per breakpoint
 *                                             %y = Reshape(ov.MatMul(%r, %d)) + %c
 * </pre>
 * The breakpoints interpolate the activation ({@link PiecewiseLinear}); the exact maximum error of the emitted
 * coefficients over {@code [-range, range]} is recorded on the last new op as {@code xamba.max_error}, in the
 * remark and in the decision. It is the form's error in exact arithmetic; in f16 the ops' own rounding comes on top
 * (the remark says so), as it does for the activation replaced. Approximate: the driver runs it only when asked.
 *
 * <p>Restrictions: static shapes; f32/f16; Swish with beta 1; {@code x · Sigmoid(x)} only when the Sigmoid has no
 * other user.
 */
final class PiecewiseLinearActivation extends XambaRewrite {
    static final PassOption<String> SOFTPLUS = PassOption.stringOption("softplus", "pwl",
            "pwl (interpolated, within max-error) or relu (XAMBA's choice: ReLU, error ln 2)")
            .checkedBy(PassOption.oneOf("relu", "pwl"));
    static final PassOption<Integer> SEGMENTS = PassOption.intOption("segments", 0,
            "linear pieces between the outer breakpoints (at most " + PiecewiseLinear.MAX_SEGMENTS + "); 0 means as few as max-error needs")
            .atLeast(0).atMost(PiecewiseLinear.MAX_SEGMENTS);
    static final PassOption<Double> MAX_ERROR = PassOption.doubleOption("max-error", 1e-2,
            "largest absolute error allowed over [-range, range] (ignored with segments > 0)").atLeast(0);
    static final PassOption<Double> RANGE = PassOption.doubleOption("range", 16.0,
            "the input range [-range, range] the error bound is stated over").atLeast(1);
    static final List<PassOption<?>> OPTIONS = List.of(SOFTPLUS, SEGMENTS, MAX_ERROR, RANGE);

    /** The configured approximation. */
    record Settings(boolean softplusAsRelu, int segments, double maxError, double range) {}

    static final String MAX_ERROR_ATTR = "xamba.max_error";

    private final Settings settings;

    PiecewiseLinearActivation(XambaContext context, Settings settings) {
        super(List.of(UnaryOp.SOFTPLUS, SwishOp.KIND, BinaryOp.MULTIPLY), context);
        this.settings = settings;
    }

    static Settings settings(XambaPass pass) {
        return new Settings(pass.option(SOFTPLUS).equals("relu"), pass.option(SEGMENTS), pass.option(MAX_ERROR), pass.option(RANGE));
    }

    @Override public String patternName() { return "xamba-actiba"; }

    @Override public boolean isCandidate(Operation op) {
        return UnaryOp.SOFTPLUS.matches(op) || SwishOp.KIND.matches(op) || sigmoidFactor(op) != null;
    }

    /** For {@code Multiply(x, Sigmoid(x))} (either order): the Sigmoid; else null. */
    private static UnaryOp sigmoidFactor(Operation op) {
        BinaryOp mul = BinaryOp.MULTIPLY.match(op).orElse(null);
        if (mul == null) return null;
        UnaryOp s = UnaryOp.SIGMOID.definingOp(mul.lhs()).orElse(null);
        if (s != null && s.input() == mul.rhs()) return s;
        s = UnaryOp.SIGMOID.definingOp(mul.rhs()).orElse(null);
        return s != null && s.input() == mul.lhs() ? s : null;
    }

    @Override
    protected List<Operation> plan(Operation root, OvBuilder ov) {
        UnaryOp sigmoid = sigmoidFactor(root);
        Value x = root.operand(0); // SoftPlus's or Swish's input
        if (sigmoid != null) {
            x = sigmoid.input();
            if (sigmoid.result().numUses() > 1) throw new RewriteFailure("the Sigmoid has other users: it would stay");
            if (!x.type().equals(root.result().type())) throw new RewriteFailure("x · Sigmoid(x) broadcasts");
        }
        if (SwishOp.KIND.matches(root)) {
            var beta = SwishOp.KIND.cast(root).beta();
            if (beta.isEmpty() || beta.getAsDouble() != 1.0) throw new RewriteFailure("Swish beta is not the constant 1");
        }
        TensorType t = x.tensorType();
        if (!t.hasStaticShape()) throw new RewriteFailure("the input " + t + " has a dynamic dim");
        ElementType et = t.elementType();
        if (et != ElementType.F32 && et != ElementType.F16) throw new RewriteFailure("the input is " + et + ", not f32 or f16");
        boolean softplus = UnaryOp.SOFTPLUS.matches(root);
        PiecewiseLinear form = approximation(activationOf(root), et);
        Value y;
        if (form.t().length == 1 && form.t()[0] == 0 && form.d()[0] == 1 && form.c() == 0) {
            y = ov.create(UnaryOp.RELU, x);
        } else {
            y = emit(ov, x, form);
        }
        ov.replace(y);
        return sigmoid == null ? List.of() : List.of(sigmoid.op());
    }

    private static PiecewiseLinear.Activation activationOf(Operation root) {
        return UnaryOp.SOFTPLUS.matches(root) ? PiecewiseLinear.Activation.SOFTPLUS : PiecewiseLinear.Activation.SWISH;
    }

    /** The forms fitted so far, by activation and element type: a pure function of the settings, fitted once. */
    private final Map<String, PiecewiseLinear> fitted = new HashMap<>();

    private PiecewiseLinear approximation(PiecewiseLinear.Activation a, ElementType et) {
        return fitted.computeIfAbsent(a + " " + et, k -> fit(a, et)); // a fit that fails throws, and is not kept
    }

    private PiecewiseLinear fit(PiecewiseLinear.Activation a, ElementType et) {
        if (a == PiecewiseLinear.Activation.SOFTPLUS && settings.softplusAsRelu()) return PiecewiseLinear.relu(a, et, settings.range());
        if (settings.segments() > 0) {
            double span = Math.min(settings.range(), 8);
            return PiecewiseLinear.interpolate(a, et, settings.segments(), span, settings.range());
        }
        return PiecewiseLinear.fit(a, et, settings.maxError(), settings.range()).orElseThrow(() -> new RewriteFailure(
                "no fit within max-error=" + settings.maxError() + " in " + PiecewiseLinear.MAX_SEGMENTS + " segments"));
    }

    /** {@code c + MatMul(ReLU(x[..., None] − t), d)}. */
    private static Value emit(OvBuilder ov, Value x, PiecewiseLinear form) {
        TensorType t = x.tensorType();
        int n = form.t().length;
        long[] column = new long[t.rank() + 1];
        System.arraycopy(t.shape(), 0, column, 0, t.rank());
        column[t.rank()] = 1;
        Value xs = ov.reshaped(x, column);
        Value breaks = ov.constant(Tensor.ofDoubles(TensorType.of(t.elementType(), n), form.t()));
        Value ramps = ov.create(UnaryOp.RELU, ov.create(BinaryOp.SUBTRACT, xs, breaks));
        Value slopes = ov.constant(Tensor.ofDoubles(TensorType.of(t.elementType(), n, 1), form.d()));
        Value sum = ov.reshaped(ov.create(MatMulOp.KIND, ramps, slopes), t.shape());
        return ov.create(BinaryOp.ADD, sum, ov.scalar(t.elementType(), form.c()));
    }

    @Override
    protected String afterCommit(Operation root, OvBuilder ov) {
        List<Operation> made = ov.planned();
        Operation last = made.get(made.size() - 1);
        PiecewiseLinear form = approximation(activationOf(root), last.result().tensorType().elementType());
        last.setAttr(MAX_ERROR_ATTR, new FloatAttr(form.maxError(), ElementType.F64));
        boolean f32 = last.result().tensorType().elementType() == ElementType.F32;
        return String.format(Locale.ROOT, "; %d breakpoints, max error %.3e over [-%s, %s]%s", form.t().length,
                form.maxError(), trim(form.range()), trim(form.range()),
                f32 ? "" : " in exact arithmetic (f16's own rounding comes on top)");
    }

    private static String trim(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }
}
