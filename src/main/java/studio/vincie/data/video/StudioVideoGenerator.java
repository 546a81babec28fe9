package studio.vincie.data.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import studio.vincie.data.world.EventSpan;
import studio.vincie.data.world.Scene;
import studio.vincie.data.world.SceneRenderer;
import studio.vincie.data.world.StudioScript;

/**
 * Writes studio-world timelines as real videos: renders every frame of a {@link StudioScript}, encodes the
 * frames to H.264 MP4 with {@link VideoWriter} and writes the {@link StudioSidecar} beside the video. The
 * video of index i under seed S is generated from script seed {@link #videoSeed(long, int)}, so any one video
 * can be regenerated alone and a run is deterministic whatever the thread count.
 */
public final class StudioVideoGenerator {

    /**
     * @param size   frame width and height in pixels (even)
     * @param fps    frames per second written to the container
     * @param events events per video
     */
    public record Options(int size, int fps, int events) {
        public Options {
            if (size < 16 || size % 2 != 0 || size > 2048) {
                throw new IllegalArgumentException("--size " + size + " must be even and 16..2048 (e.g. 128)");
            }
            if (fps < 1 || fps > 120) {
                throw new IllegalArgumentException("--fps " + fps + " must be 1..120 (e.g. 12)");
            }
            if (events < 1 || events > 100) {
                throw new IllegalArgumentException("--events " + events + " must be 1..100 (e.g. 6)");
            }
        }
    }

    private final Options options;

    public StudioVideoGenerator(Options options) {
        this.options = options;
    }

    /** Script seed of video {@code index} in a run with seed {@code seed} (a SplitMix64-style mix). */
    public static long videoSeed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1L) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** File name (without extension) of video {@code index}. */
    public static String name(int index) {
        return String.format("studio_%05d", index);
    }

    /** Generates video {@code index} into {@code dir}: {@code studio_NNNNN.mp4} and {@code .json}. */
    public Path generate(Path dir, long seed, int index) throws IOException {
        StudioScript script = StudioScript.generate(videoSeed(seed, index), options.events());
        Path mp4 = dir.resolve(name(index) + ".mp4");
        List<Scene> frames = new ArrayList<>(script.frameCount());
        try (VideoWriter writer = new VideoWriter(mp4, options.size(), options.size(), options.fps())) {
            for (int i = 0; i < script.frameCount(); i++) {
                Scene scene = script.frame(i);
                frames.add(scene);
                BufferedImage image = SceneRenderer.render(scene, options.size(), options.size());
                writer.write(image);
            }
        }
        List<StudioSidecar.EventEntry> events = new ArrayList<>();
        for (int k = 0; k < script.spans().size(); k++) {
            EventSpan span = script.spans().get(k);
            events.add(new StudioSidecar.EventEntry(k, span.event().type().name(),
                    span.event().type().category().label(), span.startFrame(), span.endFrame(), span.event(),
                    script.instruction(k).text()));
        }
        new StudioSidecar(StudioSidecar.FORMAT_VERSION, script.seed(), options.fps(), options.size(), options.size(),
                script.frameCount(), events, frames).write(StudioSidecar.pathFor(mp4));
        return mp4;
    }
}
