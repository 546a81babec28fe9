package studio.vincie.model.io;

/**
 * A model folder that cannot be loaded. The message names the folder and what is wrong (missing
 * folder or file, missing or unexpected tensor, wrong shape, unknown config field) and what to do, so
 * the editor and the CLI can show it as is.
 */
public final class ModelLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
