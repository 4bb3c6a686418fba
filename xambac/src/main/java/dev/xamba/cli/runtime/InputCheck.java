package dev.xamba.cli.runtime;

import dev.xamba.ir.eval.Tensor;
import dev.xamba.openvino.OvPortInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks the values given for a model's inputs against its parameters before OpenVINO sees them: every input
 * has a value and every value an input, element types and static dims agree, and integer ids stay below the
 * table they index ({@link EmbeddingBounds}). OpenVINO would report the first three in several lines of its own
 * text, and silently read out of bounds for the last.
 */
public final class InputCheck {
    private InputCheck() {}

    /** Thrown for a value that does not fit the model; the message is one line naming the input. */
    public static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param what   how the values were given, to start each message (e.g. {@code "--input "})
     * @param bounds input name → exclusive upper bound of its integer values
     */
    public static void check(List<OvPortInfo> parameters, Map<String, Tensor> values, Map<String, Long> bounds, String what) {
        List<String> names = parameters.stream().map(OvPortInfo::name).toList();
        for (String given : values.keySet()) {
            if (!names.contains(given)) throw new Rejected(what + given + ": the model has no such input (inputs: " + String.join(", ", names) + ")");
        }
        for (OvPortInfo p : parameters) {
            Tensor t = values.get(p.name());
            if (t == null) throw new Rejected("no value for the model's input '" + p.name() + "' (give " + what + p.name() + "=...)");
            if (TensorBridge.ovType(t.elementType()) != p.elementType()) {
                throw new Rejected(what + p.name() + ": the value is " + t.elementType() + " but the model's input is "
                        + p.elementType().name().toLowerCase(java.util.Locale.ROOT));
            }
            long[] want = p.shape();
            long[] have = t.type().shape();
            boolean fits = want == null || (want.length == have.length && dimsFit(want, have));
            if (!fits) {
                throw new Rejected(what + p.name() + ": the value has shape " + Arrays.toString(have) + " but the model's input has "
                        + Arrays.toString(want) + (want != null && Arrays.stream(want).anyMatch(d -> d < 0) ? " (-1: any)" : ""));
            }
            Long bound = bounds.get(p.name());
            if (bound != null && t.elementType().isInteger()) {
                for (int i = 0; i < t.size(); i++) {
                    long v = t.getLong(i);
                    if (v < 0 || v >= bound) {
                        throw new Rejected(what + p.name() + ": element #" + i + " is " + v + ", outside [0, " + bound
                                + ") (the rows of the table it indexes, e.g. the vocabulary)");
                    }
                }
            }
        }
    }

    private static boolean dimsFit(long[] want, long[] have) {
        for (int i = 0; i < want.length; i++) if (want[i] >= 0 && want[i] != have[i]) return false;
        return true;
    }
}
