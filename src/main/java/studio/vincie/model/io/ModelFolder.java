package studio.vincie.model.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.util.JsonUtils;
import studio.vincie.model.ModelConfig;
import studio.vincie.model.nn.DitWeights;
import studio.vincie.model.text.Tokenizer;

/**
 * A model folder (design.md 3.7): {@code config.json}, {@code weights.safetensors} (PyTorch-style
 * names), {@code tokenizer.json}, optionally {@code MODEL_CARD.md}. {@link #load} checks the config
 * fields, the tokenizer against the config and every tensor name and shape before creating a single
 * NDArray: it fails as a whole with a {@link ModelLoadException} naming what is wrong, never half-loads.
 */
public final class ModelFolder {

    public static final String CONFIG = "config.json";
    public static final String WEIGHTS = "weights.safetensors";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String CARD = "MODEL_CARD.md";
    private static final Logger LOG = LoggerFactory.getLogger(ModelFolder.class);

    /** What {@link #load} returns; closing it frees the weights. */
    public record Loaded(Path folder, ModelConfig config, Tokenizer tokenizer, DitWeights weights)
            implements AutoCloseable {
        @Override
        public void close() {
            weights.close();
        }
    }

    private ModelFolder() {
    }

    /** Writes the three files (weights atomically); creates the folder when needed. */
    public static void save(Path folder, DitWeights weights, Tokenizer tokenizer) throws IOException {
        ModelConfig c = weights.config();
        if (tokenizer.vocabSize() != c.vocabSize() || tokenizer.length() != c.textLength()) {
            throw new IllegalArgumentException("tokenizer (vocab " + tokenizer.vocabSize() + ", length "
                    + tokenizer.length() + ") does not match config (vocab " + c.vocabSize() + ", length "
                    + c.textLength() + ")");
        }
        Files.createDirectories(folder);
        TensorFiles.write(folder.resolve(WEIGHTS), weights.tensors(), Map.of("format", "pt", "config", c.name()));
        Files.writeString(folder.resolve(CONFIG), JsonUtils.GSON_PRETTY.toJson(c.toJson()), StandardCharsets.UTF_8);
        tokenizer.save(folder.resolve(TOKENIZER));
        LOG.info("saved model '{}' ({} parameters) to {}", c.name(), weights.parameterCount(), folder);
    }

    /** Reads and checks only config.json (no weights). */
    public static ModelConfig readConfig(Path folder) {
        checkFolder(folder);
        Path file = require(folder, CONFIG);
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            return ModelConfig.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(file + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Loads a folder onto the manager's device; see the class Javadoc for the checks. */
    public static Loaded load(Path folder, NDManager manager) {
        ModelConfig config = readConfig(folder);
        Tokenizer tokenizer;
        try {
            tokenizer = Tokenizer.load(require(folder, TOKENIZER));
        } catch (IOException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
        if (tokenizer.vocabSize() != config.vocabSize() || tokenizer.length() != config.textLength()) {
            throw new ModelLoadException(folder.resolve(TOKENIZER) + " has vocab " + tokenizer.vocabSize()
                    + " and length " + tokenizer.length() + " but config.json says vocabSize " + config.vocabSize()
                    + " and textLength " + config.textLength() + "; the files come from different models");
        }
        Map<String, NDArray> arrays = TensorFiles.read(require(folder, WEIGHTS), DitWeights.expectedShapes(config),
                "config.json (config '" + config.name() + "', width " + config.width() + ", depth " + config.depth()
                        + ")", manager);
        LOG.info("loaded model '{}' from {} on {}", config.name(), folder, manager.getDevice());
        return new Loaded(folder, config, tokenizer, DitWeights.of(config, manager, arrays));
    }

    private static void checkFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ModelLoadException("model folder " + folder.toAbsolutePath() + " does not exist or is not a "
                    + "folder; it must hold " + CONFIG + ", " + WEIGHTS + " and " + TOKENIZER);
        }
    }

    private static Path require(Path folder, String name) {
        Path p = folder.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new ModelLoadException("model folder " + folder.toAbsolutePath() + " has no " + name
                    + "; a model folder holds " + CONFIG + ", " + WEIGHTS + " and " + TOKENIZER);
        }
        return p;
    }
}
