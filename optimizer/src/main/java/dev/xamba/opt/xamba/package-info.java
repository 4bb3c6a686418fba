/**
 * The XAMBA rewrites (arXiv 2502.06924 and beyond) on the {@code ov} dialect, one class per pattern, each run
 * by its own pass ({@link dev.xamba.opt.xamba.XambaRules} names them):
 * <ul>
 *   <li>{@link dev.xamba.opt.xamba.ContractionRecovery} ({@code xamba-contract}): broadcast Multiply → ReduceSum
 *       becomes one batched MatMul;</li>
 *   <li>{@link dev.xamba.opt.xamba.CumSumToTriangularMatMul} ({@code xamba-cumba}): CumSum → MatMul with a
 *       triangular mask;</li>
 *   <li>{@link dev.xamba.opt.xamba.ReduceToOnesMatMul} ({@code xamba-reduba}): ReduceSum/Mean → MatMul with a
 *       ones (1/N) vector;</li>
 *   <li>{@link dev.xamba.opt.xamba.PiecewiseLinearActivation} ({@code xamba-actiba}): SoftPlus/Swish →
 *       ReLU-based piecewise-linear forms with a computed error bound.</li>
 * </ul>
 * Every pattern plans its replacement detached ({@link dev.xamba.opt.rewrite.OvBuilder#plan}), asks the target's
 * {@link dev.xamba.opt.cost.CostModel} whether it is cheaper, and records a
 * {@link dev.xamba.opt.cost.RewriteDecision} for every candidate, applied or not.
 */
package dev.xamba.opt.xamba;
