package studio.vincie.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import studio.vincie.data.pipeline.Progress;
import studio.vincie.data.video.StudioVideoGenerator;
import studio.vincie.data.video.VideoException;
import studio.vincie.data.video.VideoWriter;

/**
 * {@code vincie videos}: writes studio-world timelines as H.264 MP4 files, each with a JSON sidecar holding
 * the scene graph of every frame and the event intervals. Deterministic by seed.
 */
@Command(name = "videos", mixinStandardHelpOptions = true,
        description = "Generate studio-world videos (H.264 MP4 + per-frame scene-graph JSON sidecar).")
public final class VideosCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(VideosCommand.class);

    @Option(names = "--count", required = true, description = "Number of videos to write.")
    int count;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "128", description = "Frame width and height, even (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--fps", defaultValue = "12", description = "Frames per second (default: ${DEFAULT-VALUE}).")
    int fps;

    @Option(names = "--events", defaultValue = "6", description = "Events per video (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--out", required = true, description = "Output folder (created if missing).")
    Path out;

    @Mixin
    WorkerOptions workers;

    @Override
    public Integer call() {
        try {
            if (count < 1) {
                throw new IllegalArgumentException("--count must be at least 1, was " + count);
            }
            StudioVideoGenerator generator = new StudioVideoGenerator(new StudioVideoGenerator.Options(size, fps, events));
            Files.createDirectories(out);
            String encoder = VideoWriter.encoderName();
            long t0 = System.nanoTime();
            int failed = 0;
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers.workers(), count)));
            try (Progress progress = new Progress("videos", count, workers.progress())) {
                List<Future<Path>> jobs = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    final int index = i;
                    jobs.add(pool.submit(() -> {
                        try {
                            return generator.generate(out, seed, index);
                        } finally {
                            progress.step();
                        }
                    }));
                }
                for (int i = 0; i < count; i++) {
                    try {
                        jobs.get(i).get();
                    } catch (ExecutionException e) {
                        failed++;
                        System.err.println("video " + StudioVideoGenerator.name(i) + " failed: " + e.getCause().getMessage());
                        LOG.debug("video {} failed", i, e.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("Wrote %d videos (%dx%d, %d fps, %d events each, encoder %s) to %s in %.1f s%n",
                    count - failed, size, size, fps, events, encoder, out, seconds);
            return failed == 0 ? 0 : 1;
        } catch (IllegalArgumentException | VideoException e) {
            return CliErrors.error(LOG, "videos", e.getMessage(), e);
        } catch (IOException e) {
            return CliErrors.error(LOG, "videos", "cannot write to " + out + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            return CliErrors.interrupted();
        }
    }
}
