package dev.xamba.ir.diag;

/**
 * A bug in the compiler, not a problem of the input: an exception that escaped a pass, a kernel or type
 * inference. It is never shown as a located diagnostic; {@code xambac} reports it as "internal error" with
 * exit code 3 and keeps the original exception as the cause, so that its stack trace is not lost.
 *
 * <p>Problems of the input are {@link DiagnosticException}s (or an op's {@code OpError}, which the verifier
 * locates); anything else that is thrown is wrapped in this class where it is caught, with what the compiler
 * was doing ("type inference of 'ov.MatMul' at m.xir:4:5").
 */
public class InternalCompilerError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param context what the compiler was doing when {@code cause} was thrown
     * @param cause   the unexpected exception (or error, such as a {@link StackOverflowError})
     */
    public InternalCompilerError(String context, Throwable cause) {
        super(context + ": " + describe(cause), cause);
    }

    /** Another report of the same bug (the same message and cause), e.g. with more context attached by a caller. */
    protected InternalCompilerError(InternalCompilerError same) {
        super(same.getMessage(), same.getCause());
        setStackTrace(same.getStackTrace());
    }

    /** {@code java.lang.IllegalStateException: boom}: class names are what a bug report needs. */
    private static String describe(Throwable t) {
        if (t instanceof InternalCompilerError inner) return inner.getMessage(); // already says what broke
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
