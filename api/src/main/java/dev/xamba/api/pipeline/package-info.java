/**
 * The compiler's pipeline pieces shared by {@link dev.xamba.api.Xamba} and the {@code xambac} command line:
 * reading inputs within limits, the pass pipelines, crash reproducers, and safe (atomic, never-clobbering)
 * output files. Public for {@code xambac}'s sake; not a stable API: use {@link dev.xamba.api.Xamba}.
 */
package dev.xamba.api.pipeline;
