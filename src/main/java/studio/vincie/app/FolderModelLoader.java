package studio.vincie.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.model.EditModel;

/**
 * Finds {@code models/default} first relative to the working directory, then beside the jar, and
 * loads model folders through a factory ({@code DitEditModel::load} in the editor). A folder without
 * {@code config.json} is not a model folder; without a factory every load says the engine is missing.
 */
public final class FolderModelLoader implements ModelLoader {

    private static final Logger log = LoggerFactory.getLogger(FolderModelLoader.class);
    static final String DEFAULT_FOLDER = "models/default";

    /** Builds a model from a checked folder. */
    @FunctionalInterface
    public interface Factory {
        EditModel load(Path folder) throws IOException;
    }

    private final Factory factory;
    private final List<Path> defaultCandidates;

    public FolderModelLoader(Factory factory, List<Path> defaultCandidates) {
        this.factory = factory;
        this.defaultCandidates = List.copyOf(defaultCandidates);
    }

    /** Looks in {@code ./models/default} and in {@code models/default} beside the running jar. */
    public static FolderModelLoader standard(Factory factory) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(DEFAULT_FOLDER).toAbsolutePath());
        besideJar().ifPresent(dir -> candidates.add(dir.resolve(DEFAULT_FOLDER)));
        return new FolderModelLoader(factory, candidates);
    }

    @Override
    public Optional<EditModel> loadDefault() throws IOException {
        for (Path candidate : defaultCandidates) {
            if (Files.isRegularFile(candidate.resolve("config.json"))) {
                log.info("loading the default model from {}", candidate);
                return Optional.of(load(candidate));
            }
        }
        log.info("no default model in {}", defaultCandidates);
        return Optional.empty();
    }

    @Override
    public EditModel load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder; pick the folder that holds config.json");
        }
        if (!Files.isRegularFile(folder.resolve("config.json"))) {
            throw new IOException(folder + " has no config.json, so it is not a model folder;"
                    + " pick a folder such as models/default");
        }
        if (factory == null) {
            throw new IOException("this build of Vincie Studio cannot run models yet (no transformer engine);"
                    + " the editor still opens, masks and saves sessions");
        }
        return factory.load(folder);
    }

    private static Optional<Path> besideJar() {
        try {
            Path code = Path.of(FolderModelLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(code) ? Optional.ofNullable(code.getParent()) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
