package dev.xamba.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the calibration lands. */
@Command(name = "calibrate", hidden = true)
final class CalibrateCommand implements Callable<Integer> {
    @Override public Integer call() { throw new UserError("calibrate: not yet"); }
}
