package studio.vincie.data.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import studio.vincie.data.world.Event;
import studio.vincie.data.world.Scene;
import studio.vincie.data.world.SceneJson;

/**
 * The JSON sidecar written beside every studio video ({@code <name>.json} next to {@code <name>.mp4}): the
 * scene graph of every frame and the events with their frame intervals. It is the studio world's ground
 * truth; {@code vincie prepare} reads it to describe transitions and to draw exact region masks.
 *
 * @param frames the scene graph shown at each frame index (frame i of the decoded video)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StudioSidecar(int formatVersion, long seed, int fps, int width, int height, int frameCount,
                            List<EventEntry> events, List<Scene> frames) {

    public static final int FORMAT_VERSION = 1;

    /**
     * One event: it unfolds from {@code startFrame} (scene before) to {@code endFrame} (scene after).
     *
     * @param instruction a ground-truth phrasing of the event (the pipeline draws its own per session)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EventEntry(int index, String type, String category, int startFrame, int endFrame, Event event,
                             String instruction) {
    }

    public StudioSidecar {
        events = events == null ? List.of() : List.copyOf(events);
        frames = frames == null ? List.of() : List.copyOf(frames);
    }

    /** The sidecar file of a video: same folder, same base name, {@code .json}. */
    public static Path pathFor(Path video) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return video.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }

    public void write(Path file) throws IOException {
        SceneJson.MAPPER.writeValue(file.toFile(), this);
    }

    /**
     * Reads and checks a sidecar.
     *
     * @throws IOException with a message naming the file when it is not a studio sidecar
     */
    public static StudioSidecar read(Path file) throws IOException {
        StudioSidecar s;
        try {
            s = SceneJson.MAPPER.readValue(Files.readAllBytes(file), StudioSidecar.class);
        } catch (IOException e) {
            throw new IOException("studio sidecar " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (s == null || s.formatVersion() != FORMAT_VERSION) {
            throw new IOException("studio sidecar " + file + " has formatVersion "
                    + (s == null ? "none" : s.formatVersion()) + "; expected " + FORMAT_VERSION
                    + ". Regenerate the videos with `vincie videos`");
        }
        if (s.frames().size() != s.frameCount()) {
            throw new IOException("studio sidecar " + file + " lists " + s.frames().size() + " scenes for "
                    + s.frameCount() + " frames; regenerate the videos");
        }
        return s;
    }
}
