package studio.vincie.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import studio.vincie.data.video.StudioVideoGenerator;

/**
 * Studio videos shared by the data tests: generated once per test JVM (about half a second each) into a
 * temporary folder that is deleted at exit. Tests copy files out of it rather than writing into it.
 */
public final class StudioVideosFixture {

    public static final long SEED = 11;
    public static final int COUNT = 4;
    private static Path dir;
    private static List<Path> videos;

    private StudioVideosFixture() {
    }

    /** The MP4 files (each with its .json sidecar beside it). */
    public static synchronized List<Path> videos() {
        if (videos == null) {
            try {
                dir = Files.createTempDirectory("vincie-studio-videos");
                StudioVideoGenerator gen = new StudioVideoGenerator(new StudioVideoGenerator.Options(128, 12, 6));
                List<Path> out = new ArrayList<>();
                for (int i = 0; i < COUNT; i++) {
                    out.add(gen.generate(dir, SEED, i));
                }
                videos = List.copyOf(out);
                Runtime.getRuntime().addShutdownHook(new Thread(StudioVideosFixture::delete));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return videos;
    }

    private static void delete() {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
