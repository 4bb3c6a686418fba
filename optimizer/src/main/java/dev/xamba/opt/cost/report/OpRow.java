package dev.xamba.opt.cost.report;

/**
 * One op of a costed graph: its name (the OpenVINO layer name it will get), IR type, unit, predicted µs and
 * location; {@code measuredUs} is NaN unless the report was measured per layer.
 */
public record OpRow(String name, String type, String unit, double us, String location, double measuredUs) {
    public OpRow withMeasured(double us) { return new OpRow(name, type, unit, this.us, location, us); }
}
