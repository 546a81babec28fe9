package studio.vincie.bench;

import java.io.IOException;
import java.nio.file.Path;

import studio.vincie.model.EditModel;

/**
 * Opens a model folder ({@code config.json}, {@code weights.safetensors}, {@code tokenizer.json}) as an
 * {@link EditModel}. Implementations register through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/studio.vincie.bench.EditModelLoader}) or are passed to {@link BenchModels}
 * directly, so the benchmark needs no compile-time dependency on a particular model.
 */
public interface EditModelLoader {

    /** Whether this loader understands the folder (e.g. its config names an architecture it knows). */
    boolean accepts(Path folder);

    /**
     * Opens the folder on {@code device} ({@code cpu}, {@code gpu} or {@code auto}); loaders that run
     * on one device only may ignore it.
     *
     * @throws IllegalArgumentException when the device is unknown or not available
     */
    EditModel load(Path folder, String device) throws IOException;
}
