package studio.vincie.data.dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a dataset folder: each {@link #add added} session goes straight to {@code sessions/<id>/} (PNGs and
 * {@code session.json}); {@link #close()} writes {@code manifest.json} atomically (temporary file + move), so
 * a crashed run never leaves a manifest pointing at half-written sessions. Sessions are listed in the
 * manifest sorted by id, whatever order they were added in, so a dataset is byte-identical for one seed.
 * Thread-safe: sessions may be added from several worker threads.
 */
public final class DatasetWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetWriter.class);
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final int imageSize;
    private final long seed;
    private final String createdBy;
    private final List<ManifestJson.Entry> entries = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private boolean closed;

    public DatasetWriter(Path dir, int imageSize, long seed) {
        this(dir, imageSize, seed, "Vincie Studio DatasetWriter");
    }

    /** As {@link #DatasetWriter(Path, int, long)} with the {@code createdBy} text for the manifest. */
    public DatasetWriter(Path dir, int imageSize, long seed, String createdBy) {
        if (imageSize < 8) {
            throw new IllegalArgumentException("imageSize " + imageSize + " is too small; use at least 8 (e.g. 128)");
        }
        this.dir = dir;
        this.imageSize = imageSize;
        this.seed = seed;
        this.createdBy = createdBy;
        try {
            Files.createDirectories(dir.resolve("sessions"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create dataset folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Adds a session with no source-video information. */
    public void add(TrainingSession s) {
        add(s, "", List.of());
    }

    /**
     * Writes the session's files now and remembers it for the manifest.
     *
     * @param source       the video file name the session was cut from
     * @param frameIndices the frame index of each image {@code I0..In} in that video (empty if unknown)
     */
    public void add(TrainingSession s, String source, List<Integer> frameIndices) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("DatasetWriter for " + dir + " is already closed");
            }
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("session id " + s.id() + " was already added; ids must be unique");
            }
        }
        if (!frameIndices.isEmpty() && frameIndices.size() != s.images().size()) {
            throw new IllegalArgumentException("session " + s.id() + ": " + frameIndices.size()
                    + " frame indices for " + s.images().size() + " images; give one per image or none");
        }
        for (BufferedImage image : s.images()) {
            checkSize(s.id(), "image", image);
        }
        Path sessionDir = dir.resolve("sessions").resolve(s.id());
        try {
            Files.createDirectories(sessionDir);
            DatasetImages.writePng(DatasetImages.toRgb(s.images().get(0)), sessionDir.resolve("i0.png"));
            List<SessionJson.TurnJson> turns = new ArrayList<>();
            for (int k = 1; k <= s.turns(); k++) {
                String image = "i" + k + ".png";
                DatasetImages.writePng(DatasetImages.toRgb(s.images().get(k)), sessionDir.resolve(image));
                String current = writeMask(s, sessionDir, s.currentMasks().get(k - 1), "c" + k + ".png");
                String next = writeMask(s, sessionDir, s.nextMasks().get(k - 1), "n" + k + ".png");
                turns.add(new SessionJson.TurnJson(s.instructions().get(k - 1), s.categories().get(k - 1),
                        current, next, image));
            }
            SessionJson json = new SessionJson(s.id(), source, List.copyOf(frameIndices), "i0.png", turns);
            JSON.writeValue(sessionDir.resolve("session.json").toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write session " + s.id() + " to " + sessionDir + ": "
                    + e.getMessage(), e);
        }
        synchronized (this) {
            entries.add(new ManifestJson.Entry(s.id(), s.split(), "sessions/" + s.id(), s.turns(), s.categories()));
        }
    }

    private String writeMask(TrainingSession s, Path sessionDir, BufferedImage mask, String name) throws IOException {
        if (mask == null) {
            return null;
        }
        checkSize(s.id(), "mask " + name, mask);
        DatasetImages.writePng(DatasetImages.toGray(mask), sessionDir.resolve(name));
        return name;
    }

    private void checkSize(String id, String what, BufferedImage image) {
        if (image.getWidth() != imageSize || image.getHeight() != imageSize) {
            throw new IllegalArgumentException("session " + id + ": " + what + " is " + image.getWidth() + "x"
                    + image.getHeight() + " but this dataset is " + imageSize + "x" + imageSize
                    + "; resize frames before adding them");
        }
    }

    /** Number of sessions added so far. */
    public synchronized int size() {
        return entries.size();
    }

    /** Writes {@code manifest.json} (atomically). Closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ManifestJson.Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ManifestJson.Entry::id));
        writeManifest(dir, new ManifestJson(ManifestJson.FORMAT_VERSION, imageSize, seed, createdBy, sorted));
        LOG.info("Wrote dataset manifest with {} sessions to {}", sorted.size(), dir);
    }

    /** Writes {@code dir/manifest.json} atomically (temporary file, then rename), so no reader sees half of one. */
    static void writeManifest(Path dir, ManifestJson manifest) {
        Path tmp = dir.resolve("manifest.json.tmp");
        try {
            JSON.writeValue(tmp.toFile(), manifest);
            try {
                Files.move(tmp, dir.resolve("manifest.json"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve("manifest.json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("manifest.json") + ": " + e.getMessage(), e);
        }
    }
}
