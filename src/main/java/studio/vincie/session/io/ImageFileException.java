package studio.vincie.session.io;

import java.io.IOException;

/**
 * An image or mask file could not be opened: it is missing, not an image, damaged or too large.
 * {@link #getMessage()} is written for the user (which file, what is wrong, what to do).
 */
public class ImageFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public ImageFileException(String message) {
        super(message);
    }

    public ImageFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
