package studio.vincie.data.dataset;

import java.io.UncheckedIOException;
import java.io.IOException;

/**
 * A dataset folder that cannot be read: missing or malformed {@code manifest.json} or {@code session.json},
 * missing images, wrong sizes. The message names the file and what to do (usually: run
 * {@code vincie prepare} again).
 */
public final class DatasetFormatException extends UncheckedIOException {

    public DatasetFormatException(String message) {
        super(message, new IOException(message));
    }

    public DatasetFormatException(String message, IOException cause) {
        super(message, cause);
    }
}
