package studio.vincie.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import studio.vincie.data.describe.VlmConfig;
import studio.vincie.data.frames.FrameSelectionConfig;
import studio.vincie.data.masks.DifferenceMaskConfig;
import studio.vincie.data.pipeline.PrepareOptions;
import studio.vincie.data.pipeline.PreparePipeline;
import studio.vincie.data.pipeline.PrepareReport;

/**
 * {@code vincie prepare}: turns a folder of videos into a training dataset (frame selection, transition
 * description, region masks, splits). See docs/data-pipeline.md.
 */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = {"Cut videos into multi-turn training sessions (manifest + images + masks + JSON).",
                "Studio videos use their .json sidecar; other videos need a <name>.captions.json/.txt",
                "sidecar or an OpenAI-compatible vision-language endpoint (--vlm-url)."})
public final class PrepareCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PrepareCommand.class);

    @Option(names = "--videos", required = true, description = "Folder of videos (any format FFmpeg decodes).")
    Path videos;

    @Option(names = "--out", required = true, description = "Dataset folder to write.")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for session lengths, phrasing and splits (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "128", description = "Image size of the dataset (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--val", defaultValue = "0.05", description = "Share of the val split (default: ${DEFAULT-VALUE}).")
    double val;

    @Option(names = "--test", defaultValue = "0.05", description = "Share of the test split (default: ${DEFAULT-VALUE}).")
    double test;

    @Option(names = "--vlm-url", description = "OpenAI-compatible API base, e.g. http://localhost:8000/v1 (or env " + VlmConfig.ENV_URL + ").")
    String vlmUrl;

    @Option(names = "--vlm-model", description = "Model name for the VLM (or env " + VlmConfig.ENV_MODEL + ").")
    String vlmModel;

    @Option(names = "--vlm-key-env", description = "Environment variable holding the API key (default: " + VlmConfig.DEFAULT_KEY_ENV + " if set).")
    String vlmKeyEnv;

    @Option(names = "--vlm-timeout", defaultValue = "60", description = "VLM request timeout in seconds (default: ${DEFAULT-VALUE}).")
    int vlmTimeout;

    @Mixin
    WorkerOptions workers;

    @Override
    public Integer call() {
        try {
            VlmConfig vlm = VlmConfig.resolve(vlmUrl, vlmModel, vlmKeyEnv, Duration.ofSeconds(Math.max(1, vlmTimeout)),
                    System.getenv());
            PrepareOptions options = new PrepareOptions(videos, out, seed, size, FrameSelectionConfig.DEFAULT,
                    DifferenceMaskConfig.DEFAULT, vlm, val, test, workers.workers(), 20_000, workers.progress());
            PrepareReport r = new PreparePipeline(options).run(line -> System.err.println(line));
            print(r);
            if (r.sessions() == 0) {
                System.err.println("Error: no sessions were written; see the messages above");
                return 1;
            }
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            return CliErrors.error(LOG, "prepare", e.getMessage(), e);
        } catch (InterruptedException e) {
            return CliErrors.interrupted();
        }
    }

    private void print(PrepareReport r) {
        System.out.printf("Videos: %d found, %d used, %d skipped%n", r.videosFound(), r.videosUsed(), r.skipped().size());
        System.out.printf("Sessions: %d (%d turns; %d frame pairs without a describable change were cut)%n",
                r.sessions(), r.turns(), r.undescribedPairs());
        System.out.println("Splits: " + r.splits());
        StringBuilder cats = new StringBuilder();
        for (Map.Entry<String, Integer> e : r.categories().entrySet()) {
            cats.append(String.format("  %-12s %6d%n", e.getKey(), e.getValue()));
        }
        System.out.print("Turns per category:\n" + cats);
        System.out.printf("Time: %.1f s, %.2f sessions/s -> %s%n", r.seconds(), r.sessionsPerSecond(), out);
    }
}
