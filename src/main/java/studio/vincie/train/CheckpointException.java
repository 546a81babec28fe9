package studio.vincie.train;

/** A checkpoint that cannot be used: missing, truncated, damaged, or written by another run. */
public final class CheckpointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
