package studio.vincie.data.pipeline;

import java.nio.file.Path;
import java.util.Objects;

import studio.vincie.data.describe.VlmConfig;
import studio.vincie.data.frames.FrameSelectionConfig;
import studio.vincie.data.masks.DifferenceMaskConfig;

/**
 * Everything {@link PreparePipeline} needs: input and output folders, seed, image size, the Stage 1 and
 * Stage 3 parameters, an optional vision-language endpoint, split fractions and worker threads.
 *
 * @param vlm            null when no VLM is configured (videos then need a studio or captions sidecar)
 * @param valFraction    share of sessions (or videos, see docs) in the val split
 * @param testFraction   share in the test split
 * @param maxVideoFrames frames decoded per video at most (longer videos are cut, with a warning)
 */
public record PrepareOptions(Path videos, Path out, long seed, int imageSize, FrameSelectionConfig selection,
                             DifferenceMaskConfig masks, VlmConfig vlm, double valFraction, double testFraction,
                             int threads, int maxVideoFrames, boolean progress) {

    public PrepareOptions {
        Objects.requireNonNull(videos, "videos");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(masks, "masks");
        if (imageSize < 16 || imageSize > 1024) {
            throw new IllegalArgumentException("--size " + imageSize + " must be 16..1024 (e.g. 128)");
        }
        if (!(valFraction >= 0) || !(testFraction >= 0) || valFraction + testFraction >= 1) {
            throw new IllegalArgumentException("--val and --test must be >= 0 and sum to less than 1 (got "
                    + valFraction + ", " + testFraction + ")");
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("--threads must be 1..64, was " + threads);
        }
        if (maxVideoFrames < 2) {
            throw new IllegalArgumentException("maxVideoFrames must be at least 2, was " + maxVideoFrames);
        }
    }

    /** Defaults for a folder of videos: 128 px, default selection and masks, 90/5/5 split, no VLM. */
    public static PrepareOptions defaults(Path videos, Path out, long seed) {
        return new PrepareOptions(videos, out, seed, 128, FrameSelectionConfig.DEFAULT, DifferenceMaskConfig.DEFAULT,
                null, 0.05, 0.05, Math.max(1, Runtime.getRuntime().availableProcessors()), 20_000, false);
    }

    public PrepareOptions withVlm(VlmConfig v) {
        return new PrepareOptions(videos, out, seed, imageSize, selection, masks, v, valFraction, testFraction,
                threads, maxVideoFrames, progress);
    }

    public PrepareOptions withThreads(int n) {
        return new PrepareOptions(videos, out, seed, imageSize, selection, masks, vlm, valFraction, testFraction,
                n, maxVideoFrames, progress);
    }

    public PrepareOptions withProgress(boolean p) {
        return new PrepareOptions(videos, out, seed, imageSize, selection, masks, vlm, valFraction, testFraction,
                threads, maxVideoFrames, p);
    }
}
