package studio.vincie.data.dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A prepared dataset folder (written by {@link DatasetWriter} / {@code vincie prepare}). {@link #open} reads
 * and validates {@code manifest.json} only; sessions are loaded lazily from disk by {@link #load} and
 * {@link #stream}, so opening a dataset of many thousand sessions is cheap. Layout: {@code docs/dataset-format.md}.
 */
public final class Dataset {

    private final Path dir;
    private final int imageSize;
    private final long seed;
    private final Map<String, ManifestJson.Entry> entries;

    private Dataset(Path dir, int imageSize, long seed, Map<String, ManifestJson.Entry> entries) {
        this.dir = dir;
        this.imageSize = imageSize;
        this.seed = seed;
        this.entries = entries;
    }

    /**
     * Opens a dataset folder and validates its manifest.
     *
     * @throws DatasetFormatException when the manifest is missing, malformed or inconsistent
     */
    public static Dataset open(Path dir) {
        Path file = dir.resolve("manifest.json");
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException("no manifest.json in " + dir
                    + "; is this a dataset folder? Create one with `vincie prepare --videos DIR --out " + dir + "`");
        }
        ManifestJson manifest;
        try {
            manifest = DatasetWriter.JSON.readValue(file.toFile(), ManifestJson.class);
        } catch (JsonProcessingException e) {
            throw new DatasetFormatException("manifest " + file + " is not valid JSON (" + e.getOriginalMessage()
                    + "); prepare the dataset again", e);
        } catch (IOException e) {
            throw new DatasetFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (manifest == null) {
            throw new DatasetFormatException("manifest " + file + " is empty; prepare the dataset again");
        }
        if (manifest.formatVersion() == null || manifest.formatVersion() != ManifestJson.FORMAT_VERSION) {
            throw new DatasetFormatException("manifest " + file + " has formatVersion " + manifest.formatVersion()
                    + " but this build reads version " + ManifestJson.FORMAT_VERSION
                    + "; prepare the dataset again with this build");
        }
        if (manifest.imageSize() == null || manifest.imageSize() < 1) {
            throw new DatasetFormatException("manifest " + file + " has no valid imageSize (" + manifest.imageSize()
                    + "); prepare the dataset again");
        }
        if (manifest.sessions() == null) {
            throw new DatasetFormatException("manifest " + file + " has no \"sessions\" list; prepare the dataset again");
        }
        Map<String, ManifestJson.Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < manifest.sessions().size(); i++) {
            ManifestJson.Entry e = manifest.sessions().get(i);
            String where = "manifest " + file + ", session #" + i;
            if (e == null || e.id() == null || e.id().isBlank()) {
                throw new DatasetFormatException(where + " has no id; prepare the dataset again");
            }
            if (e.split() == null || !TrainingSession.SPLITS.contains(e.split())) {
                throw new DatasetFormatException(where + " (" + e.id() + ") has split '" + e.split()
                        + "'; it must be train, val or test");
            }
            if (e.path() == null || e.path().isBlank() || Path.of(e.path()).isAbsolute()
                    || Path.of(e.path()).normalize().startsWith("..")) {
                throw new DatasetFormatException(where + " (" + e.id() + ") has path '" + e.path()
                        + "'; it must be a folder inside the dataset, e.g. sessions/" + e.id());
            }
            if (entries.put(e.id(), e) != null) {
                throw new DatasetFormatException(where + ": id " + e.id() + " appears twice; ids must be unique");
            }
        }
        return new Dataset(dir, manifest.imageSize(), manifest.seed() == null ? 0L : manifest.seed(), entries);
    }

    /** Side length in pixels of every image and mask. */
    public int imageSize() {
        return imageSize;
    }

    /** The seed the dataset was prepared with. */
    public long seed() {
        return seed;
    }

    /** The folder this dataset lives in. */
    public Path dir() {
        return dir;
    }

    /** Number of sessions over all splits. */
    public int size() {
        return entries.size();
    }

    /** Ids of the sessions in {@code split} ("train", "val" or "test"), in manifest order; null = all splits. */
    public List<String> ids(String split) {
        if (split != null && !TrainingSession.SPLITS.contains(split)) {
            throw new IllegalArgumentException("unknown split '" + split + "'; use train, val or test");
        }
        List<String> ids = new ArrayList<>();
        for (ManifestJson.Entry e : entries.values()) {
            if (split == null || e.split().equals(split)) {
                ids.add(e.id());
            }
        }
        return Collections.unmodifiableList(ids);
    }

    /** Categories of a session's turns, as listed in the manifest (no disk read). */
    public List<String> categories(String id) {
        return entry(id).categories() == null ? List.of() : List.copyOf(entry(id).categories());
    }

    /** Loads one session from disk. */
    public TrainingSession load(String id) {
        ManifestJson.Entry entry = entry(id);
        Path sessionDir = dir.resolve(entry.path());
        Path file = sessionDir.resolve("session.json");
        SessionJson json;
        try {
            json = DatasetWriter.JSON.readValue(file.toFile(), SessionJson.class);
        } catch (JsonProcessingException e) {
            throw new DatasetFormatException(file + " is not valid session JSON (" + e.getOriginalMessage()
                    + "); prepare the dataset again", e);
        } catch (IOException e) {
            throw new DatasetFormatException("cannot read " + file + " (" + e.getMessage()
                    + "); the dataset is incomplete, prepare it again", e);
        }
        if (json == null || json.image0() == null || json.turns() == null || json.turns().isEmpty()) {
            throw new DatasetFormatException(file + " lacks image0 or turns; prepare the dataset again");
        }
        try {
            List<BufferedImage> images = new ArrayList<>();
            List<String> instructions = new ArrayList<>();
            List<BufferedImage> current = new ArrayList<>();
            List<BufferedImage> next = new ArrayList<>();
            List<String> categories = new ArrayList<>();
            images.add(readImage(sessionDir, json.image0(), false));
            for (SessionJson.TurnJson t : json.turns()) {
                if (t == null || t.image() == null || t.instruction() == null || t.category() == null) {
                    throw new DatasetFormatException(file + " has a turn without image, instruction or category");
                }
                images.add(readImage(sessionDir, t.image(), false));
                instructions.add(t.instruction());
                categories.add(t.category());
                current.add(t.currentMask() == null ? null : readImage(sessionDir, t.currentMask(), true));
                next.add(t.nextMask() == null ? null : readImage(sessionDir, t.nextMask(), true));
            }
            return new TrainingSession(id, entry.split(), images, instructions, current, next, categories);
        } catch (IOException e) {
            throw new DatasetFormatException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(file + ": " + e.getMessage() + "; prepare the dataset again");
        }
    }

    private BufferedImage readImage(Path sessionDir, String name, boolean mask) throws IOException {
        Path file = sessionDir.resolve(name).normalize();
        if (!file.startsWith(sessionDir.normalize())) {
            throw new DatasetFormatException("file name '" + name + "' points outside " + sessionDir);
        }
        BufferedImage image = DatasetImages.readPng(file);
        if (image.getWidth() != imageSize || image.getHeight() != imageSize) {
            throw new DatasetFormatException(file + " is " + image.getWidth() + "x" + image.getHeight()
                    + " but the manifest says imageSize " + imageSize + "; prepare the dataset again");
        }
        return mask ? DatasetImages.toGray(image) : DatasetImages.toRgb(image);
    }

    /** Lazily loads the sessions of a split (null = all) in manifest order. */
    public Stream<TrainingSession> stream(String split) {
        return ids(split).stream().map(this::load);
    }

    /** Number of sessions per split, for summaries. */
    public Map<String, Integer> splitCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : List.of("train", "val", "test")) {
            counts.put(s, 0);
        }
        entries.values().forEach(e -> counts.merge(e.split(), 1, Integer::sum));
        return counts;
    }

    ManifestJson.Entry entry(String id) {
        ManifestJson.Entry e = entries.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no session '" + id + "' in dataset " + dir);
        }
        return e;
    }
}
