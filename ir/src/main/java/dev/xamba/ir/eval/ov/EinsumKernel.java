package dev.xamba.ir.eval.ov;

import dev.xamba.ir.eval.Indexing;
import dev.xamba.ir.eval.Tensor;
import dev.xamba.ir.type.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * OpenVINO Einsum-7 without ellipsis: an equation such as {@code bij,bjk->bik} names each input dim by a letter;
 * output letters are kept, the others summed. Without {@code ->}, the output is every letter used once, in
 * alphabetical order. A letter repeated inside one input takes the diagonal.
 */
public final class EinsumKernel {
    private EinsumKernel() {}

    /** A parsed equation: the letters of each input and of the output. */
    public record Equation(List<String> inputs, String output) {
        /**
         * Parses {@code equation} for {@code count} inputs.
         *
         * @throws IllegalArgumentException when it is malformed or uses an ellipsis
         */
        public static Equation parse(String equation, int count) {
            String e = equation.replace(" ", "");
            if (e.contains(".")) throw new IllegalArgumentException("ellipsis ('...') in einsum equations is not supported");
            int arrow = e.indexOf("->");
            String lhs = arrow < 0 ? e : e.substring(0, arrow);
            List<String> inputs = List.of(lhs.split(",", -1));
            if (inputs.size() != count) {
                throw new IllegalArgumentException("equation \"" + equation + "\" names " + inputs.size() + " inputs, got " + count);
            }
            for (String in : inputs) requireLetters(in, equation);
            String output;
            if (arrow >= 0) {
                output = e.substring(arrow + 2);
                requireLetters(output, equation);
                for (char c : output.toCharArray()) {
                    if (output.indexOf(c) != output.lastIndexOf(c)) throw new IllegalArgumentException("output letter '" + c + "' repeats");
                    if (!lhs.contains(String.valueOf(c))) throw new IllegalArgumentException("output letter '" + c + "' is in no input");
                }
            } else {
                TreeSet<Character> once = new TreeSet<>();
                String all = lhs.replace(",", "");
                for (char c : all.toCharArray()) if (all.indexOf(c) == all.lastIndexOf(c)) once.add(c);
                StringBuilder sb = new StringBuilder();
                once.forEach(sb::append);
                output = sb.toString();
            }
            return new Equation(inputs, output);
        }

        /** Only a-z and A-Z, as OpenVINO accepts: {@link #letterSizes} indexes its table by the letter's code. */
        private static void requireLetters(String s, String equation) {
            for (char c : s.toCharArray()) {
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                    throw new IllegalArgumentException("equation \"" + equation + "\" has '" + c + "', expected letters a-z or A-Z");
                }
            }
        }

        /** The size of every letter, checked against the input shapes (dynamic dims fit anything). */
        public long[] letterSizes(List<long[]> shapes) {
            long[] size = new long[128];
            Arrays.fill(size, Long.MIN_VALUE);
            for (int i = 0; i < inputs.size(); i++) {
                String in = inputs.get(i);
                long[] s = shapes.get(i);
                if (s.length != in.length()) throw new IllegalArgumentException("input #" + i + " has rank " + s.length
                        + " but \"" + in + "\" names " + in.length() + " dims");
                for (int d = 0; d < s.length; d++) {
                    char c = in.charAt(d);
                    if (size[c] == Long.MIN_VALUE || size[c] == TensorType.DYNAMIC) size[c] = s[d];
                    else if (s[d] != TensorType.DYNAMIC && s[d] != size[c]) {
                        throw new IllegalArgumentException("letter '" + c + "' has sizes " + size[c] + " and " + s[d]);
                    }
                }
            }
            return size;
        }

        public long[] outShape(long[] letterSizes) {
            long[] r = new long[output.length()];
            for (int d = 0; d < r.length; d++) r[d] = letterSizes[output.charAt(d)];
            return r;
        }
    }

    /** Evaluates the equation in double precision, rounding once into {@code out}. */
    public static Tensor evaluate(Equation eq, List<Tensor> inputs, TensorType out) {
        List<long[]> shapes = new ArrayList<>();
        for (Tensor t : inputs) shapes.add(t.type().shape());
        long[] size = eq.letterSizes(shapes);
        String summed = summedLetters(eq);
        String letters = eq.output() + summed;
        long[] loop = new long[letters.length()];
        for (int i = 0; i < loop.length; i++) loop[i] = size[letters.charAt(i)];
        // For each input, the stride of each loop letter (letters repeated in an input add up: the diagonal).
        long[][] strides = new long[inputs.size()][loop.length];
        for (int i = 0; i < inputs.size(); i++) {
            long[] st = Indexing.strides(shapes.get(i));
            String in = eq.inputs().get(i);
            for (int d = 0; d < in.length(); d++) strides[i][letters.indexOf(in.charAt(d))] += st[d];
        }
        int outCount = Math.toIntExact(out.numElements());
        long inner = 1;
        for (int i = eq.output().length(); i < loop.length; i++) inner *= loop[i];
        double[] r = new double[outCount];
        long[] c = new long[loop.length];
        for (long flat = 0; flat < outCount * inner; flat++) {
            long rest = flat;
            for (int d = loop.length - 1; d >= 0; d--) {
                c[d] = rest % loop[d];
                rest /= loop[d];
            }
            double product = 1;
            for (int i = 0; i < inputs.size(); i++) {
                long off = 0;
                for (int d = 0; d < loop.length; d++) off += c[d] * strides[i][d];
                product *= inputs.get(i).getDouble((int) off);
            }
            r[(int) (flat / inner)] += product;
        }
        if (out.elementType().isFloat()) return Tensor.ofDoubles(out, r);
        long[] l = new long[r.length];
        for (int i = 0; i < l.length; i++) l[i] = (long) r[i];
        return Tensor.ofLongs(out, l);
    }

    private static String summedLetters(Equation eq) {
        StringBuilder sb = new StringBuilder();
        for (String in : eq.inputs()) {
            for (char c : in.toCharArray()) {
                if (eq.output().indexOf(c) < 0 && sb.indexOf(String.valueOf(c)) < 0) sb.append(c);
            }
        }
        return sb.toString();
    }
}
