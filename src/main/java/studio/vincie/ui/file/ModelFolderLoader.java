package studio.vincie.ui.file;

import java.nio.file.Path;
import java.util.Optional;

import studio.vincie.model.EditModel;

/**
 * How the editor gets an {@link EditModel}: the default one shipped beside the application (if any)
 * and one from a folder the user picks. Implemented in {@code studio.vincie.app}; tests pass a lambda.
 */
public interface ModelFolderLoader {

    /** The default model, or empty when none is installed. */
    Optional<EditModel> loadDefault() throws Exception;

    /** Loads the model in {@code folder}; the exception message says what is wrong with it. */
    EditModel load(Path folder) throws Exception;
}
