package studio.vincie.data.describe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Describes frame pairs from a captions sidecar beside the video: {@code <video>.captions.json} or
 * {@code <video>.captions.txt} (video name without its extension). Each caption is a timed instruction; a
 * pair is described by the captions whose interval ends after the "before" frame and starts before the
 * "after" frame, joined with "then". Formats (times in seconds):
 * <pre>
 * JSON: {"captions": [{"start": 1.0, "end": 2.5, "text": "open the door", "category": "interaction"}]}
 * TXT:  one caption a line, "START END text", '#' starts a comment line
 * </pre>
 */
public final class CaptionsDescriber implements TransitionDescriber {

    /** One timed caption. */
    public record Caption(double start, double end, String text, String category) {
        public Caption {
            if (!(end >= start) || start < 0) {
                throw new IllegalArgumentException("caption times must satisfy 0 <= start <= end (got " + start
                        + ", " + end + ")");
            }
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("caption at " + start + " s has no text");
            }
        }
    }

    private final List<Caption> captions;

    public CaptionsDescriber(List<Caption> captions) {
        this.captions = List.copyOf(captions);
    }

    @Override
    public String name() {
        return "captions";
    }

    /** The captions sidecar of {@code video}, or null when there is none. JSON wins over TXT. */
    public static Path sidecar(Path video) {
        String base = baseName(video);
        for (String ext : List.of(".captions.json", ".captions.txt")) {
            Path p = video.resolveSibling(base + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** File name of {@code video} without its extension. */
    public static String baseName(Path video) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Reads a captions sidecar file (JSON or TXT by extension). */
    public static CaptionsDescriber load(Path file) throws DescribeException {
        try {
            return new CaptionsDescriber(file.toString().endsWith(".json") ? readJson(file) : readText(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new DescribeException("captions file " + file + " is malformed: " + e.getMessage()
                    + " (see docs/data-pipeline.md for the format)", e);
        }
    }

    private static List<Caption> readJson(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode list = root == null ? null : root.path("captions");
        if (list == null || !list.isArray()) {
            throw new IOException("expected {\"captions\": [...]}");
        }
        List<Caption> out = new ArrayList<>();
        for (JsonNode c : list) {
            if (!c.path("start").isNumber() || !c.path("end").isNumber()) {
                throw new IOException("caption #" + out.size() + " lacks numeric start/end");
            }
            out.add(new Caption(c.path("start").asDouble(), c.path("end").asDouble(), c.path("text").asText(""),
                    c.path("category").asText("unknown")));
        }
        return out;
    }

    private static List<Caption> readText(Path file) throws IOException {
        List<Caption> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] parts = s.split("\\s+", 3);
            try {
                out.add(new Caption(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        parts.length > 2 ? parts[2] : "", "unknown"));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IOException("line " + lineNo + " is not \"START END text\": " + s);
            }
        }
        return out;
    }

    @Override
    public Transition describe(FramePair pair) {
        List<Caption> hits = new ArrayList<>();
        for (Caption c : captions) {
            if (c.end() > pair.fromSeconds() && c.start() < pair.toSeconds()) {
                hits.add(c);
            }
        }
        if (hits.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Caption c : hits) {
            if (text.length() > 0) {
                text.append(", then ");
            }
            text.append(c.text().strip().replaceAll("[.!]+$", ""));
        }
        String category = hits.size() == 1 ? hits.get(0).category() : "multiple";
        return new Transition(text.toString(), category);
    }
}
