package studio.vincie.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.model.EditModel;

/**
 * Turns the {@code --model} argument into an {@link EditModel}: {@code oracle}, {@code identity},
 * {@code oracle-blur:SIGMA} and {@code oracle-noise:AMOUNT} (judge calibration), {@code oracle-codec:DIR} (a learned codec's ceiling), or a model folder opened by the first
 * {@link EditModelLoader} that accepts it.
 */
public final class BenchModels {

    private static final Logger LOG = LoggerFactory.getLogger(BenchModels.class);

    private final List<EditModelLoader> loaders;

    /** Loaders found by {@link ServiceLoader} on the class path. */
    public BenchModels() {
        this(discover());
    }

    public BenchModels(List<EditModelLoader> loaders) {
        this.loaders = List.copyOf(loaders);
    }

    /** Opens {@code spec} on the default device. */
    public EditModel open(String spec) throws IOException {
        return open(spec, "auto");
    }

    /**
     * Opens {@code spec}; a model folder goes on {@code device} ({@code cpu}, {@code gpu} or
     * {@code auto}), the references ignore it.
     */
    public EditModel open(String spec, String device) throws IOException {
        if (spec.equals("oracle")) {
            return new OracleModel();
        }
        if (spec.equals("identity")) {
            return new IdentityModel();
        }
        if (spec.startsWith("oracle-blur:")) {
            return new BlurredOracleModel(number(spec, "oracle-blur", "a blur sigma in pixels, e.g. oracle-blur:0.7",
                    Double::parseDouble));
        }
        if (spec.startsWith("oracle-noise:")) {
            return new NoisyOracleModel(number(spec, "oracle-noise", "a whole noise amount of 255, e.g. oracle-noise:8",
                    Integer::parseInt));
        }
        if (spec.startsWith("oracle-codec:")) {
            Path dir = Path.of(spec.substring("oracle-codec:".length()));
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("oracle-codec needs a codec folder (from `vincie train-codec`), e.g. "
                        + "oracle-codec:codecs/ae32; " + dir.toAbsolutePath() + " is not a directory");
            }
            return new CodecOracleModel(dir);
        }
        Path folder = Path.of(spec);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("--model must be 'oracle', 'identity', 'oracle-blur:SIGMA', 'oracle-noise:AMOUNT', 'oracle-codec:DIR' or a model folder; "
                    + folder.toAbsolutePath() + " is not a directory");
        }
        if (!Files.isRegularFile(folder.resolve("config.json"))) {
            throw new IllegalArgumentException("model folder " + folder + " has no config.json; point --model at "
                    + "a folder like models/<name> with config.json and weights.safetensors");
        }
        for (EditModelLoader loader : loaders) {
            if (loader.accepts(folder)) {
                LOG.info("Loading {} with {}", folder, loader.getClass().getSimpleName());
                return loader.load(folder, device);
            }
        }
        throw new IllegalArgumentException("no model loader accepts " + folder + " (a DiT model folder needs "
                + "config.json and weights.safetensors); use --model oracle or --model identity to check the benchmark");
    }

    private static List<EditModelLoader> discover() {
        List<EditModelLoader> found = new ArrayList<>();
        ServiceLoader.load(EditModelLoader.class).forEach(found::add);
        return found;
    }

    /** The number after {@code NAME:} in {@code spec}, or a message saying what {@code NAME} needs. */
    private static <T> T number(String spec, String name, String needs, Function<String, T> parse) {
        String value = spec.substring(name.length() + 1);
        try {
            return parse.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs " + needs + "; got '" + value + "'");
        }
    }
}
