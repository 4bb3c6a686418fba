package dev.xamba.frontend.text;

import static dev.xamba.frontend.text.ParserTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xamba.ir.Operation;
import dev.xamba.ir.diag.Diagnostic;
import dev.xamba.ir.loc.Location;
import dev.xamba.ir.ops.builtin.FuncOp;
import dev.xamba.ir.ops.builtin.ModuleOp;
import dev.xamba.ir.verify.Verifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser records where each op was written, so that the verifier's diagnostics point into the file. */
class VerifierIntegrationTest {

    @Test
    void forwardReferenceParsesAndTheVerifierReportsDominanceAtTheUse() {
        Operation module = parse("""
                module {
                  func.func @f(%arg0: tensor<4xf32>) -> tensor<4xf32> {
                    %0 = "ov.ReLU"(%1) : (tensor<4xf32>) -> tensor<4xf32>
                    %1 = "ov.Exp"(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
                    func.return %0 : tensor<4xf32>
                  }
                }
                """);
        List<Diagnostic> ds = Verifier.verify(module);
        assertThat(ds).hasSize(1);
        assertThat(ds.get(0).render()).isEqualTo("""
                t.xir:3:5: error: 'ov.ReLU' op operand #0 does not dominate this use
                t.xir:4:5: note: operand defined here, after its use""");
    }

    @Test
    void verifierErrorsPointAtTheOpAndNoteItsLocation() {
        Operation module = parse("""
                module {
                  func.func @f() {
                    "x.unknown"() : () -> () loc("node7")
                    func.return
                  }
                }
                """);
        assertThat(Verifier.verify(module)).extracting(Diagnostic::render).containsExactly("""
                t.xir:3:5: error: 'x.unknown' op is not a registered operation
                "node7": note: op location""");
    }

    @Test
    void everyOpGetsItsFirstTokenAsSourcePositionAndKeepsItsLocation() {
        Operation module = parse("""
                module @m {
                  // a comment does not move positions
                  func.func @f(%a: tensor<f32>) -> tensor<f32> {
                      %0 = "x.y"(%a) : (tensor<f32>) -> tensor<f32> loc("here.xir":7:9)
                    func.return %0 : tensor<f32> loc("ret")
                  }
                }
                """);
        assertThat(module.sourcePosition()).isEqualTo(new Location.FileLineCol("t.xir", 1, 1));
        FuncOp f = new ModuleOp(module).functions().get(0);
        assertThat(f.op().sourcePosition()).isEqualTo(new Location.FileLineCol("t.xir", 3, 3));
        Operation op = f.body().operations().first();
        assertThat(op.sourcePosition()).isEqualTo(new Location.FileLineCol("t.xir", 4, 7));
        assertThat(op.location()).isEqualTo(Location.fileLineCol("here.xir", 7, 9));
        Operation ret = f.returnOp();
        assertThat(ret.sourcePosition()).isEqualTo(new Location.FileLineCol("t.xir", 5, 5));
        assertThat(ret.location()).isEqualTo(Location.name("ret"));
    }

    @Test
    void implicitModuleIsPlacedAtTheFirstFunction() {
        Operation module = parse("// header\n\nfunc.func @f() {\n  func.return\n}\n");
        assertThat(module.sourcePosition()).isEqualTo(new Location.FileLineCol("t.xir", 3, 1));
    }
}
