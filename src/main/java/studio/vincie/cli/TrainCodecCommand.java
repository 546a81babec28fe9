package studio.vincie.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import studio.vincie.data.dataset.Dataset;
import studio.vincie.model.codec.Autoencoder;
import studio.vincie.model.io.CodecFolder;
import studio.vincie.model.io.ModelLoadException;
import studio.vincie.train.CodecTrainer;

/**
 * {@code vincie train-codec}: trains the learned image codec (a small convolutional autoencoder, 128 px
 * to 8x8 tokens) on a prepared dataset and writes {@code codec.json} + {@code codec.safetensors} to
 * OUT, for {@code vincie train --codec OUT}. See docs/training.md, "Learned codec vs pixel patches".
 */
@Command(name = "train-codec", mixinStandardHelpOptions = true,
        description = {"Train the learned image codec (autoencoder) on a prepared dataset's images.",
                "Writes OUT/codec.json and OUT/codec.safetensors; use them with `vincie train --codec OUT`."})
public final class TrainCodecCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TrainCodecCommand.class);

    @Option(names = "--data", required = true, description = "Dataset folder (from `vincie prepare`).")
    Path data;

    @Option(names = "--out", required = true, description = "Codec folder to write.")
    Path out;

    @Option(names = "--steps", defaultValue = "2000", description = "Optimizer steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", defaultValue = "8", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--latent-channels", defaultValue = "32",
            description = "Values per token (8x8 tokens per 128 px image; default: ${DEFAULT-VALUE}).")
    int latentChannels;

    @Option(names = "--image-size", defaultValue = "128",
            description = "Image size in pixels, a multiple of the cell size (the model's imageSize; default: ${DEFAULT-VALUE}).")
    int imageSize;

    @Option(names = "--cell-size", defaultValue = "16",
            description = "Pixels per token side, a power of two (the model's patchSize: 16 for base, 8 for tiny; "
                    + "default: ${DEFAULT-VALUE}).")
    int cellSize;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of weights and image order (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--minutes", defaultValue = "0", description = "Stop and write the codec after this many minutes (0 = no limit).")
    double minutes;

    @Option(names = "--no-progress", description = "Print a status line every 100 steps instead of a progress bar.")
    boolean noProgress;

    @Option(names = "--force", description = "Overwrite a codec already in OUT.")
    boolean force;

    @Override
    public Integer call() {
        try {
            if (!force && Files.exists(out.resolve(CodecFolder.WEIGHTS))) {
                return CliErrors.error(LOG, "train-codec", out.resolve(CodecFolder.WEIGHTS)
                        + " exists; choose another --out or add --force to overwrite it", null);
            }
            Autoencoder.Spec spec = Autoencoder.Spec.of(imageSize, cellSize, latentChannels);
            CodecTrainer.Options options = new CodecTrainer.Options(steps, batch, lr, Math.min(100, steps / 10), seed,
                    64, minutes, 5, !noProgress);
            Dataset dataset = Dataset.open(data);
            CodecTrainer trainer = new CodecTrainer(dataset, spec, options, out).console(System.out::println);
            try (StopOnSignal stop = StopOnSignal.install("vincie-train-codec-shutdown", trainer::requestStop,
                    trainer::awaitDone, 120)) {
                CodecTrainer.Result r = trainer.run();
                System.out.printf("Codec: %d steps in %.1f s, loss %.5f, val reconstruction PSNR %.2f dB%s; written to "
                        + "%s%n", r.steps(), r.seconds(), r.lastLoss(), r.valPsnr(),
                        r.finished() ? "" : " (stopped early)", out);
                System.out.flush();
                return 0;
            }
        } catch (IllegalArgumentException | IllegalStateException | ModelLoadException | java.io.IOException
                 | java.io.UncheckedIOException e) {
            return CliErrors.error(LOG, "train-codec", e.getMessage(), e);
        }
    }
}
