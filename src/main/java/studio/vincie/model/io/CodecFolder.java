package studio.vincie.model.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.util.JsonUtils;
import studio.vincie.model.codec.Autoencoder;
import studio.vincie.model.codec.LearnedCodec;

/**
 * A learned codec on disk: {@code codec.json} (the {@link Autoencoder.Spec}) and
 * {@code codec.safetensors}. {@code vincie train-codec} writes such a folder; a model trained with
 * {@code --codec DIR} carries a copy of both files beside its own weights. Loading checks every tensor
 * name and shape first and fails as a whole with a {@link ModelLoadException} naming what is wrong.
 */
public final class CodecFolder {

    public static final String SPEC = "codec.json";
    public static final String WEIGHTS = "codec.safetensors";

    private CodecFolder() {
    }

    /** Writes both files (the weights atomically); creates the folder when needed. */
    public static void save(Path folder, Autoencoder.Spec spec, Map<String, NDArray> weights) throws IOException {
        Files.createDirectories(folder);
        TensorFiles.write(folder.resolve(WEIGHTS), weights, Map.of("format", "pt", "codec", "autoencoder"));
        JsonObject json = new JsonObject();
        json.addProperty("type", "autoencoder");
        json.addProperty("imageSize", spec.imageSize());
        json.addProperty("downsample", spec.downsample());
        json.addProperty("latentChannels", spec.latentChannels());
        JsonArray widths = new JsonArray();
        for (int w : spec.widths()) {
            widths.add(w);
        }
        json.add("widths", widths);
        Path tmp = folder.resolve(SPEC + ".tmp");
        Files.writeString(tmp, JsonUtils.GSON_PRETTY.toJson(json), StandardCharsets.UTF_8);
        Files.move(tmp, folder.resolve(SPEC), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Copies both files from one folder to another (a run's codec into its exported model). */
    public static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : new String[] {WEIGHTS, SPEC}) {
            Path tmp = to.resolve(name + ".tmp");
            Files.copy(require(from, name), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, to.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Reads and checks {@code codec.json}. */
    public static Autoencoder.Spec readSpec(Path folder) {
        Path file = require(folder, SPEC);
        try {
            JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            String type = json.has("type") ? json.get("type").getAsString() : "";
            if (!type.equals("autoencoder")) {
                throw new ModelLoadException(file + ": codec type is '" + type + "'; this version reads 'autoencoder'");
            }
            for (String field : new String[] {"imageSize", "downsample", "latentChannels", "widths"}) {
                if (!json.has(field) || json.get(field).isJsonNull()) {
                    throw new ModelLoadException(file + " has no '" + field + "'; write the codec again with "
                            + "`vincie train-codec`");
                }
            }
            JsonArray w = json.getAsJsonArray("widths");
            int[] widths = new int[w.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = w.get(i).getAsInt();
            }
            return new Autoencoder.Spec(json.get("imageSize").getAsInt(), json.get("downsample").getAsInt(),
                    json.get("latentChannels").getAsInt(), widths);
        } catch (ModelLoadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(file + " is not a valid codec description (" + e.getMessage()
                    + "); write it again with `vincie train-codec`", e);
        }
    }

    /** The raw tensors of the folder's codec on {@code manager}, checked against its spec. */
    public static Map<String, NDArray> loadWeights(Path folder, Autoencoder.Spec spec, NDManager manager) {
        return TensorFiles.read(require(folder, WEIGHTS), Autoencoder.expectedShapes(spec), SPEC + " (" + spec + ")",
                manager);
    }

    /**
     * A codec folder opened on its own, on the CPU, with masks at the codec's cell size; closing the
     * codec frees everything.
     */
    public static LearnedCodec open(Path folder) {
        Autoencoder.Spec spec = readSpec(folder);
        NDManager manager = NDManager.newBaseManager(ai.djl.Device.cpu());
        try {
            return new LearnedCodec(spec, loadWeights(folder, spec, manager), manager, spec.downsample())
                    .owningManager();
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * The image codec of a model: pixel patches (then {@code modelFolder} is not read and may be null),
     * or the learned codec stored in the folder, checked against the config (image size, cell size =
     * patch size, latent channels).
     */
    public static studio.vincie.model.codec.ImageCodec forModel(studio.vincie.model.ModelConfig c, Path modelFolder,
                                                                 NDManager manager) {
        if (!c.learnedCodec()) {
            return studio.vincie.model.codec.PatchCodec.of(c);
        }
        Autoencoder.Spec spec = readSpec(modelFolder);
        checkMatches(spec, c, modelFolder);
        return new LearnedCodec(spec, loadWeights(modelFolder, spec, manager), manager, c.maskPatchSize());
    }

    /** Fails naming the mismatch when a codec cannot serve a model config. */
    public static void checkMatches(Autoencoder.Spec spec, studio.vincie.model.ModelConfig c, Path where) {
        if (spec.imageSize() != c.imageSize() || spec.downsample() != c.patchSize()
                || spec.latentChannels() != c.latentChannels()) {
            throw new ModelLoadException("codec in " + where.toAbsolutePath() + " (" + spec.imageSize() + " px, "
                    + spec.downsample() + " px cells, " + spec.latentChannels() + " channels) does not fit the model ("
                    + c.imageSize() + " px, patchSize " + c.patchSize() + ", latentChannels " + c.latentChannels()
                    + "); the files come from different runs");
        }
    }

    private static Path require(Path folder, String name) {
        Path p = folder.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new ModelLoadException(folder.toAbsolutePath() + " has no " + name + "; a learned codec folder "
                    + "holds " + SPEC + " and " + WEIGHTS + " (made by `vincie train-codec`)");
        }
        return p;
    }
}
