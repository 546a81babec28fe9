package studio.vincie.session.io;

import java.io.IOException;

/**
 * A {@code .vincie} session file could not be read: it is damaged, truncated, written by a newer
 * Vincie Studio, or internally inconsistent. {@link #getMessage()} is written for the user: it says
 * what is wrong with which file and what to do about it, and can be shown in a dialog as is.
 */
public class SessionFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public SessionFileException(String message) {
        super(message);
    }

    public SessionFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
