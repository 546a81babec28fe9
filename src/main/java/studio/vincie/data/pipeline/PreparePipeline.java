package studio.vincie.data.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.data.dataset.DatasetWriter;
import studio.vincie.data.dataset.TrainingSession;
import studio.vincie.data.describe.DescribeException;
import studio.vincie.data.describe.VisionLanguageDescriber;
import studio.vincie.data.video.StudioVideoGenerator;
import studio.vincie.data.video.VideoException;

/**
 * {@code vincie prepare}: turns a folder of videos into a dataset (see {@code docs/data-pipeline.md}). Every
 * file in the folder that is not a sidecar ({@code .json}, {@code .txt}) is tried as a video; one that cannot
 * be decoded or described is reported and skipped, never fatal for the batch. Videos run in parallel; each
 * video's sessions depend only on the seed and the video, so the dataset is the same for any thread count.
 * Session ids are {@code s<video number>_<session number>} in sorted file-name order. Splits are drawn per
 * video when there are at least {@link #MIN_VIDEOS_FOR_VIDEO_SPLITS} videos (no scene leaks from train into
 * test), otherwise per session.
 */
public final class PreparePipeline {

    private static final Logger LOG = LoggerFactory.getLogger(PreparePipeline.class);
    /** From this many videos on, a whole video goes to one split. */
    public static final int MIN_VIDEOS_FOR_VIDEO_SPLITS = 10;

    private final PrepareOptions options;

    public PreparePipeline(PrepareOptions options) {
        this.options = options;
    }

    /** The candidate video files of a folder, sorted by name (sidecars and hidden files excluded). */
    public static List<Path> listVideos(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("video folder " + dir + " does not exist or is not a folder");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return !n.startsWith(".") && !n.endsWith(".json") && !n.endsWith(".txt") && !n.endsWith(".md");
                    })
                    .sorted()
                    .toList();
        }
    }

    /**
     * Runs the pipeline.
     *
     * @param warnings receives one line per skipped video (also kept in the report)
     */
    public PrepareReport run(Consumer<String> warnings) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<Path> videos = listVideos(options.videos());
        if (videos.isEmpty()) {
            throw new IOException("no video files in " + options.videos()
                    + "; generate some with `vincie videos --count 10 --out " + options.videos() + "`");
        }
        VisionLanguageDescriber vlm = options.vlm() == null ? null : new VisionLanguageDescriber(options.vlm());
        VideoSessions cutter = new VideoSessions(options, vlm);
        boolean videoSplits = videos.size() >= MIN_VIDEOS_FOR_VIDEO_SPLITS;
        List<String> skipped = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> categories = new TreeMap<>();
        AtomicInteger sessions = new AtomicInteger();
        AtomicInteger turns = new AtomicInteger();
        AtomicInteger undescribed = new AtomicInteger();
        AtomicInteger used = new AtomicInteger();
        String createdBy = "vincie prepare --seed " + options.seed() + " --size " + options.imageSize();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), videos.size()));
        try (DatasetWriter writer = new DatasetWriter(options.out(), options.imageSize(), options.seed(), createdBy);
             Progress progress = new Progress("prepare", videos.size(), options.progress())) {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < videos.size(); i++) {
                final int index = i;
                final Path video = videos.get(i);
                jobs.add(pool.submit(() -> {
                    try {
                        String name = video.getFileName().toString();
                        long videoSeed = StudioVideoGenerator.videoSeed(options.seed(), name.hashCode());
                        VideoSessions.Result result = cutter.process(video, videoSeed);
                        undescribed.addAndGet(result.undescribedPairs());
                        used.incrementAndGet();
                        for (int k = 0; k < result.drafts().size(); k++) {
                            VideoSessions.Draft d = result.drafts().get(k);
                            String id = String.format("s%05d_%02d", index, k);
                            String split = Splits.assign(videoSplits ? name : id, options.seed(),
                                    options.valFraction(), options.testFraction());
                            writer.add(new TrainingSession(id, split, d.images(), d.instructions(), d.currentMasks(),
                                    d.nextMasks(), d.categories()), name, d.frameIndices());
                            synchronized (categories) {
                                d.categories().forEach(c -> categories.merge(c, 1, Integer::sum));
                            }
                            turns.addAndGet(d.instructions().size());
                        }
                        progress.message(sessions.addAndGet(result.drafts().size()) + " sessions");
                    } catch (VideoException | DescribeException e) {
                        String line = "skipped " + video.getFileName() + ": " + e.getMessage();
                        skipped.add(line);
                        warnings.accept(line);
                        LOG.debug("skipped {}", video, e);
                    } finally {
                        progress.step();
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                try {
                    job.get();
                } catch (ExecutionException e) {
                    // Anything but a bad video (e.g. a full disk) stops the run: the dataset would be incomplete.
                    pool.shutdownNow();
                    Throwable cause = e.getCause();
                    throw cause instanceof IOException io ? io
                            : new IOException("prepare failed: " + cause, cause);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> splits = studio.vincie.data.dataset.Dataset.open(options.out()).splitCounts();
        List<String> skippedSorted = new ArrayList<>(skipped);
        Collections.sort(skippedSorted);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new PrepareReport(videos.size(), used.get(), skippedSorted, sessions.get(), turns.get(),
                undescribed.get(), categories, splits, seconds);
    }
}
