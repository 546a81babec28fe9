package studio.vincie.cli;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.vincie.model.DitEditModel;
import studio.vincie.model.EditModel;
import studio.vincie.model.ModelInfo;
import studio.vincie.session.EditSettings;
import studio.vincie.session.Session;
import studio.vincie.session.io.ImageFileException;
import studio.vincie.session.io.ImageFiles;

/**
 * {@code vincie edit}: batch editing (issue 5). Applies the instructions as successive turns of one
 * session with the trained model and writes {@code turn-k.png} (with the instruction and settings as
 * PNG text), the predicted masks when there are any, {@code session.vincie} and {@code storyboard.png}.
 * Example: {@code java -jar target/vincie.jar edit --image shoe.png --instruction "make the shoe red"
 * --instruction "put it on sand" --out out/shoe}. The work itself is {@link BatchEdit}.
 */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = {"Apply instructions as successive turns to an image; write each turn's image "
                + "and predicted masks, the session file and a storyboard PNG.",
                "Each turn's output is the next turn's context; --mask applies to the first turn."})
public final class EditCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EditCommand.class);
    static final Path DEFAULT_MODEL = Path.of("models/default");

    @Spec
    CommandSpec spec;

    @Option(names = "--image", required = true, description = "The source image (PNG or JPEG).")
    Path image;

    @Option(names = "--instruction", required = true, description = "An edit instruction; repeat for more turns, applied in order.")
    List<String> instructions;

    @Option(names = "--mask", description = "Where the first edit may happen: a grayscale PNG of the image's size, white = region.")
    Path mask;

    @Option(names = "--model", defaultValue = "models/default", description = "Model folder (default ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of turn 1; turn k uses seed + k - 1 (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steps", defaultValue = "0", description = "Denoising steps per edit (default: the model's).")
    int steps;

    @Option(names = "--guidance", description = "Instruction guidance scale (default: the model's).")
    Float guidance;

    @Mixin
    DeviceOption device;

    @Option(names = "--predict-masks", description = "Predict the edit regions (current and next masks) before each image and write them.")
    boolean predictMasks;

    @Option(names = "--out", required = true, description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--force", description = "Overwrite output files that already exist.")
    boolean force;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(spec.commandLine().getOut());
        } catch (IllegalArgumentException | ImageFileException | studio.vincie.model.io.ModelLoadException e) {
            // Bad input (an existing output without --force, a wrong mask, no model or a broken model folder,
            // an unreadable image).
            return fail(err, e, CliErrors.USAGE);
        } catch (Exception e) {
            return fail(err, e, 1);
        }
    }

    private static int fail(PrintWriter err, Exception e, int code) {
        LOG.debug("edit failed", e);
        err.println("edit: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        err.flush();
        return code;
    }

    private int run(PrintWriter stdout) throws Exception {
        // Everything that can be checked without the model is checked first: loading it takes seconds.
        List<Path> clash = BatchEdit.existing(out, instructions.size());
        if (!clash.isEmpty() && !force) {
            throw new IllegalArgumentException(out + " already holds " + clash.get(0).getFileName()
                    + (clash.size() > 1 ? " and " + (clash.size() - 1) + " more output file(s)" : "")
                    + "; choose another --out or pass --force to overwrite");
        }
        BufferedImage source = ImageFiles.read(image);
        BufferedImage firstMask = mask == null ? null : ImageFiles.readMask(mask);
        if (firstMask != null && (firstMask.getWidth() != source.getWidth() || firstMask.getHeight() != source.getHeight())) {
            throw new IllegalArgumentException("mask " + mask + " is " + firstMask.getWidth() + "x" + firstMask.getHeight()
                    + " but the image is " + source.getWidth() + "x" + source.getHeight()
                    + "; paint the mask at the image's size");
        }
        if (!Files.isRegularFile(model.resolve("config.json"))) {
            throw new IllegalArgumentException(Files.isDirectory(model)
                    ? model + " has no config.json, so it is not a model folder; pass --model with a folder such as models/default"
                    : "no model at " + model + ": train one with `vincie train` or pass --model");
        }
        try (EditModel editModel = DitEditModel.load(model, DitEditModel.parseDevice(device.device()))) {
            ModelInfo info = editModel.info();
            if (predictMasks) {
                if (editModel.supportsRegionPrediction()) {
                    editModel.setRegionPrediction(true);
                } else {
                    stdout.println("note: " + info.displayName() + " cannot predict edit regions; writing images only");
                }
            }
            EditSettings settings = new EditSettings(seed, steps > 0 ? steps : info.defaultSteps(),
                    guidance != null ? guidance : info.defaultGuidance());
            BatchEdit.Job job = new BatchEdit.Job(source, baseName(image), instructions, firstMask, settings);
            stdout.printf("model %s (%s), %d turn(s), %d steps, guidance %.1f, seed %d%n", info.displayName(), info.id(),
                    instructions.size(), settings.steps(), settings.guidance(), seed);
            stdout.flush();
            Session session;
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("edit")
                    .setStyle(ProgressBarStyle.ASCII)
                    .setInitialMax((long) instructions.size() * settings.steps())
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(200)
                    .build()) {
                session = BatchEdit.run(editModel, job, (turn, turns, done, total) -> {
                    // total counts every generated segment (1 to 3 per step), known once the turn starts.
                    bar.maxHint((long) turns * total);
                    bar.stepTo((long) (turn - 1) * total + done);
                    bar.setExtraMessage("turn " + turn + "/" + turns);
                });
            }
            for (Path file : BatchEdit.write(session, out)) {
                stdout.println("wrote " + file);
            }
        }
        return 0;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
