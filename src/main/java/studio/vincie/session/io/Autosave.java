package studio.vincie.session.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.session.Session;

/**
 * Crash safety for the editor: keeps the latest unsaved state of the session in one
 * {@code .vincie} file in a directory (e.g. {@code ~/.vincie-studio/autosave}). Each save replaces
 * the previous one atomically; on start the editor asks {@link #latest()} whether there is a session
 * to recover, and calls {@link #clear()} once the user has saved or discarded it.
 */
public final class Autosave {

    private static final Logger LOG = LoggerFactory.getLogger(Autosave.class);

    static final String FILE_NAME = "autosave" + SessionStore.EXTENSION;

    private final Path directory;

    public Autosave(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The default location, {@code ~/.vincie-studio/autosave}. */
    public static Autosave inUserHome() {
        return new Autosave(Path.of(System.getProperty("user.home"), ".vincie-studio", "autosave"));
    }

    public Path directory() {
        return directory;
    }

    /** Writes {@code session} as the autosave, replacing the previous one atomically. */
    public void save(Session session) throws IOException {
        save(SessionSnapshot.of(session));
    }

    /** Writes a snapshot as the autosave; meant for a background thread (see {@link SessionSnapshot}). */
    public void save(SessionSnapshot snapshot) throws IOException {
        Files.createDirectories(directory);
        SessionStore.save(snapshot, file());
    }

    /** The autosaved session file, if there is one. */
    public Optional<Path> latest() {
        Path f = file();
        return Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
    }

    /** Deletes the autosave and any temporary file a crash left behind. */
    public void clear() throws IOException {
        Files.deleteIfExists(file());
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, AtomicFiles.TEMP_PREFIX + "*")) {
            for (Path p : leftovers) {
                LOG.debug("Removing leftover temporary file {}", p);
                Files.deleteIfExists(p);
            }
        }
    }

    private Path file() {
        return directory.resolve(FILE_NAME);
    }
}
