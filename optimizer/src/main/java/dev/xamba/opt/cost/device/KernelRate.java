package dev.xamba.opt.cost.device;

/**
 * The time of one kernel launch as a fixed part plus a part proportional to its work: the unit of a target's
 * SHAVE kernel table and of the CPU's op-family table (VPUNN's SHAVE model is the same shape: intercept + slope ×
 * output bytes).
 *
 * @param fixedUs      launch overhead, µs
 * @param nsPerElement ns per counted element (output elements, or input elements for reductions), on one core
 * @param nsPerMac     ns per multiply-accumulate (MatMul and convolution families on the CPU), 0 elsewhere
 */
public record KernelRate(double fixedUs, double nsPerElement, double nsPerMac) {
    public KernelRate {
        if (!(fixedUs >= 0) || !(nsPerElement >= 0) || !(nsPerMac >= 0)
                || Double.isInfinite(fixedUs + nsPerElement + nsPerMac)) {
            throw new IllegalArgumentException("kernel rates must be finite and >= 0, got fixed_us=" + fixedUs
                    + ", ns_per_element=" + nsPerElement + ", ns_per_mac=" + nsPerMac);
        }
    }

    public static KernelRate perElement(double fixedUs, double nsPerElement) { return new KernelRate(fixedUs, nsPerElement, 0); }

    /** The variable part for {@code elements} elements and {@code macs} MACs, µs. */
    public double variableMicros(double elements, double macs) { return (nsPerElement * elements + nsPerMac * macs) / 1000.0; }

    /** Fixed plus variable, µs. */
    public double micros(double elements, double macs) { return fixedUs + variableMicros(elements, macs); }
}
