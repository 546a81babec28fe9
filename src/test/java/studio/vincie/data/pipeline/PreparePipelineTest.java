package studio.vincie.data.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import studio.vincie.data.StudioVideosFixture;
import studio.vincie.data.dataset.Dataset;
import studio.vincie.data.dataset.TrainingSession;
import studio.vincie.data.video.StudioSidecar;
import studio.vincie.data.world.EditCategory;

/** The whole {@code prepare} pipeline on a folder of studio videos, a captioned video and two bad files. */
class PreparePipelineTest {

    @TempDir
    static Path root;
    static Path videos;

    @BeforeAll
    static void folder() throws IOException {
        videos = Files.createDirectories(root.resolve("videos"));
        List<Path> studio = StudioVideosFixture.videos();
        for (int i = 0; i < 3; i++) {
            Path mp4 = studio.get(i);
            Files.copy(mp4, videos.resolve(mp4.getFileName()));
            Path json = StudioSidecar.pathFor(mp4);
            Files.copy(json, videos.resolve(json.getFileName()));
        }
        Files.write(videos.resolve("broken.mp4"), "definitely not an mp4 file".repeat(50).getBytes());
        Files.writeString(videos.resolve("broken.captions.txt"), "0 1 something happens\n"); // describable, not decodable
        Files.copy(studio.get(3), videos.resolve("plain.mp4")); // no sidecar, no captions, no VLM
        // A "foreign" video: the same pixels, described only by a captions file written from its events.
        Files.copy(studio.get(3), videos.resolve("captioned.mp4"));
        StudioSidecar s = StudioSidecar.read(StudioSidecar.pathFor(studio.get(3)));
        StringBuilder captions = new StringBuilder("# start end text\n");
        for (StudioSidecar.EventEntry e : s.events()) {
            captions.append(e.startFrame() / (double) s.fps()).append(' ').append(e.endFrame() / (double) s.fps())
                    .append(' ').append(e.instruction()).append('\n');
        }
        Files.writeString(videos.resolve("captioned.captions.txt"), captions);
    }

    private static PrepareReport prepare(Path out, long seed, int threads, List<String> warnings) throws Exception {
        PrepareOptions o = PrepareOptions.defaults(videos, out, seed).withThreads(threads);
        return new PreparePipeline(o).run(warnings::add);
    }

    @Test
    void writesALoadableDatasetAndSkipsBadVideos() throws Exception {
        List<String> warnings = new ArrayList<>();
        Path out = root.resolve("ds1");
        PrepareReport r = prepare(out, 5, 2, warnings);
        assertThat(r.videosFound()).isEqualTo(6);
        assertThat(r.videosUsed()).isEqualTo(4);
        assertThat(r.skipped()).hasSize(2);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("broken.mp4").contains("cannot open video"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("plain.mp4").contains("no way to describe"));
        assertThat(r.sessions()).isGreaterThanOrEqualTo(5);

        Dataset ds = Dataset.open(out);
        assertThat(ds.size()).isEqualTo(r.sessions());
        assertThat(ds.imageSize()).isEqualTo(128);
        Set<String> labels = Stream.of(EditCategory.values()).map(EditCategory::label).collect(Collectors.toSet());
        int turns = 0;
        for (String id : ds.ids(null)) {
            TrainingSession s = ds.load(id);
            assertThat(s.turns()).isBetween(1, 5);
            turns += s.turns();
            for (BufferedImage img : s.images()) {
                assertThat(img.getWidth()).isEqualTo(128);
            }
            String source = Files.readString(out.resolve("sessions").resolve(id).resolve("session.json"));
            if (source.contains("studio_")) {
                assertThat(labels).containsAll(s.categories());
                assertThat(s.currentMasks()).doesNotContainNull();
                assertThat(s.nextMasks()).doesNotContainNull();
            } else {
                assertThat(source).contains("captioned.mp4");
                // a pair that overlaps two captions joins them ("..., then ...") under "multiple"
                assertThat(s.categories()).isSubsetOf("unknown", "multiple");
            }
        }
        assertThat(turns).isEqualTo(r.turns());
        assertThat(r.splits().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(r.sessions());
    }

    @Test
    void sameSeedSameDatasetWhateverTheThreads() throws Exception {
        Path a = root.resolve("a");
        Path b = root.resolve("b");
        Path c = root.resolve("c");
        prepare(a, 9, 2, new ArrayList<>());
        prepare(b, 9, 1, new ArrayList<>());
        prepare(c, 10, 2, new ArrayList<>());
        assertThat(Files.readString(b.resolve("manifest.json"))).isEqualTo(Files.readString(a.resolve("manifest.json")));
        for (String id : Dataset.open(a).ids(null)) {
            Path sa = a.resolve("sessions").resolve(id);
            Path sb = b.resolve("sessions").resolve(id);
            try (Stream<Path> files = Files.list(sa)) {
                for (Path f : files.toList()) {
                    assertThat(Files.readAllBytes(sb.resolve(f.getFileName()))).as(f.toString())
                            .isEqualTo(Files.readAllBytes(f));
                }
            }
        }
        assertThat(sessionTexts(c)).isNotEqualTo(sessionTexts(a));
    }

    private static String sessionTexts(Path ds) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String id : Dataset.open(ds).ids(null)) {
            sb.append(Files.readString(ds.resolve("sessions").resolve(id).resolve("session.json")));
        }
        return sb.toString();
    }
}
