package studio.vincie.data.describe;

/** A describer could not produce an answer; the message says why and what to check. */
public final class DescribeException extends Exception {

    public DescribeException(String message) {
        super(message);
    }

    public DescribeException(String message, Throwable cause) {
        super(message, cause);
    }
}
