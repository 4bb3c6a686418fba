package example;

import dev.xamba.api.CompileException;
import dev.xamba.api.CompileOptions;
import dev.xamba.api.CompileResult;
import dev.xamba.api.Xamba;
import dev.xamba.codegen.RenderedIr;
import dev.xamba.opt.cost.report.CostReport;
import java.nio.file.Path;

/** Compiles a model with the xamba library and prints what came out: the IR's size and the predicted speedup. */
public final class Embed {
    public static void main(String[] args) {
        Path model = Path.of(args.length > 0 ? args[0] : "model.onnx");
        CompileOptions options = CompileOptions.defaults()
                .withTarget("npu4")     // Lunar Lake's NPU: the cost model the XAMBA rewrites are chosen by
                .withXamba("auto")      // the rewrites predicted to pay off
                .withReport(true);      // also predict the cost, as `xambac report` does
        try {
            CompileResult result = Xamba.compile(model, options);
            RenderedIr ir = result.ir().orElseThrow();
            CostReport report = result.report().orElseThrow();
            System.out.printf("xamba %s compiled %s: %d bytes of .xml, %d bytes of .bin, %d warnings%n",
                    Xamba.version(), model.getFileName(), ir.xml().length, ir.bin().length, result.warnings().size());
            System.out.printf("predicted on %s: %.3f us, %.2fx faster than without XAMBA%n",
                    report.target(), report.after().totalUs(), report.speedup());
        } catch (CompileException e) {
            System.err.println("embed: " + e.getMessage()); // one line, e.g. "model.onnx: no such file"
            System.exit(1);
        }
    }
}
