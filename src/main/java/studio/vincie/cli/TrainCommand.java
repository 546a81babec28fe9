package studio.vincie.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import studio.vincie.data.dataset.Dataset;
import studio.vincie.model.io.ModelLoadException;
import studio.vincie.train.CheckpointException;
import studio.vincie.train.TrainOptions;
import studio.vincie.train.Trainer;

/**
 * {@code vincie train}: trains a block-causal DiT on a prepared dataset (NIP + CSP + NSP flow
 * matching), checkpointing every few minutes and at exit, and exports the EMA weights as a model folder
 * {@code OUT/model}. {@code --resume} continues a stopped run bit-identically. See docs/training.md.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the editing model on a prepared dataset; exports the EMA model to OUT/model.",
                "Stop at any time (Ctrl-C checkpoints); continue with the same command plus --resume."})
public final class TrainCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);

    @Option(names = "--data", required = true, description = "Dataset folder (from `vincie prepare`).")
    Path data;

    @Option(names = "--config", defaultValue = "base", description = "Model preset: tiny, small or base (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--out", required = true, description = "Run folder: checkpoints, train.csv, loss.png, model/.")
    Path out;

    @Option(names = "--resume", description = "Continue from OUT/checkpoint.bin with the same options.")
    boolean resume;

    @Option(names = "--init-from", paramLabel = "MODEL",
            description = "Start a new run from a trained model folder's weights and tokenizer (warm start, e.g. "
                    + "after the architecture gained a tensor); optimizer state starts fresh.")
    Path initFrom;

    @Option(names = "--codec", paramLabel = "DIR",
            description = "Train over a learned codec's latents (a folder from `vincie train-codec`) instead of "
                    + "pixel patches; the run and its model keep a copy.")
    Path codec;

    @Option(names = "--steps", description = "Total optimizer steps (the cosine schedule ends here).")
    Integer steps;

    @Option(names = "--batch", description = "Sessions per step.")
    Integer batch;

    @Option(names = "--lr", description = "Peak learning rate.")
    Float lr;

    @Option(names = "--warmup", description = "Warm-up steps.")
    Integer warmup;

    @Option(names = "--seed", description = "Seed of weights, data order, dropout and noise.")
    Long seed;

    @Option(names = "--max-targets", description = "At most this many noisy copies per session (0 = all).")
    Integer maxTargets;

    @Option(names = "--edit-boost",
            description = "Extra loss weight of the image tokens an edit changes (0 = plain mean; e.g. 4).")
    Float editBoost;

    @Option(names = "--mask-weight", paramLabel = "W",
            description = "Weight of the mask losses (CSP + NSP) against the image loss (default 1).")
    Float maskWeight;

    @Option(names = "--low-noise-share", paramLabel = "F",
            description = "Share of training timesteps drawn near t = 0, where the last sampling step predicts "
                    + "the image (0 = off; e.g. 0.25).")
    Float lowNoiseShare;

    @Option(names = "--loss-t-floor", paramLabel = "T",
            description = "Weight the loss of a copy at noise level t by 1 / max(t, T)^2 (default 1: every level "
                    + "alike, which lets the model learn the instruction's words; 0.05 is the velocity loss of runs "
                    + "before 2026-11-28).")
    Float lossTFloor;

    @Option(names = "--ema-decay", description = "EMA decay of the exported weights.")
    Float emaDecay;

    @Option(names = "--val-every", description = "Validation loss every N steps.")
    Integer valEvery;

    @Option(names = "--minutes", defaultValue = "0",
            description = "Stop, checkpoint and export after this many minutes of this sitting (0 = no limit).")
    double minutes;

    @Option(names = "--checkpoint-minutes", defaultValue = "5", description = "Minutes between checkpoints (default: ${DEFAULT-VALUE}).")
    double checkpointMinutes;

    @Option(names = "--stop-at", defaultValue = "0", description = "Stop after this step in this sitting (0 = run to --steps).")
    int stopAt;

    @Option(names = "--no-progress", description = "Print a status line every 50 steps instead of a progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        try {
            // defaults() validates the preset and names the choices when it is wrong.
            TrainOptions d = TrainOptions.defaults(preset);
            TrainOptions options = new TrainOptions(preset, or(steps, d.steps()), or(batch, d.batch()), or(lr, d.lr()),
                    or(warmup, d.warmupSteps()), d.minLrRatio(), d.weightDecay(), d.clipNorm(),
                    or(emaDecay, d.emaDecay()), or(seed, d.seed()), or(maxTargets, d.maxTargets()), or(maskWeight, d.maskWeight()),
                    or(editBoost, d.editBoost()), or(lowNoiseShare, d.lowNoiseShare()),
                    or(lossTFloor, d.lossTFloor()),
                    d.maxVocab(), or(valEvery, d.valEvery()), d.valSessions(), checkpointMinutes, minutes, stopAt,
                    d.queueSize(), !noProgress);
            Dataset dataset = Dataset.open(data);
            Trainer trainer = new Trainer(dataset, options, out).console(System.out::println);
            if (initFrom != null) {
                trainer.initFrom(initFrom);
            }
            if (codec != null) {
                trainer.codec(codec);
            }
            try (StopOnSignal stop = StopOnSignal.install("vincie-train-shutdown", trainer::requestStop,
                    trainer::awaitDone, 300)) {
                Trainer.Result r = trainer.run(resume);
                System.out.printf("Steps %d..%d of %d in %.1f s (%.3f steps/s this sitting); loss %.4f -> %.4f, "
                                + "val %.4f%n", r.startStep(), r.endStep(), options.steps(), r.seconds(),
                        r.stepsPerSecond(), r.firstLoss(), r.lastLoss(), r.lastVal());
                System.out.println((r.finished() ? "Finished. " : "Stopped; continue with the same command plus "
                        + "--resume. ") + "EMA model: " + out.resolve(Trainer.MODEL_DIR));
                System.out.flush();
                return 0;
            }
        } catch (IllegalArgumentException | IllegalStateException | CheckpointException
                 | ModelLoadException | java.io.IOException | java.io.UncheckedIOException e) {
            return CliErrors.error(LOG, "train", e.getMessage(), e);
        } catch (InterruptedException e) {
            return CliErrors.interrupted();
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
