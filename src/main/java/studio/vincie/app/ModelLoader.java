package studio.vincie.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import studio.vincie.model.EditModel;

/**
 * Where the editor's {@link EditModel} comes from: the default model shipped in {@code models/default}
 * (if installed) and a model folder the user opens. The editor starts and stays usable without one.
 */
public interface ModelLoader {

    /** The default model, or empty when none is installed. */
    Optional<EditModel> loadDefault() throws IOException;

    /** Loads the model folder ({@code config.json}, {@code weights.safetensors}, ...); the message says what is wrong. */
    EditModel load(Path folder) throws IOException;
}
