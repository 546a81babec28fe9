package studio.vincie.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import studio.vincie.data.dataset.Dataset;
import studio.vincie.data.dataset.TrainingSession;
import studio.vincie.model.ModelConfig;
import studio.vincie.model.codec.ImageCodec;
import studio.vincie.model.io.CodecFolder;
import studio.vincie.model.io.ModelFolder;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.DitWeights;
import studio.vincie.model.pack.FlowLosses;
import studio.vincie.model.pack.FlowObjective;
import studio.vincie.model.pack.PackOptions;
import studio.vincie.model.pack.PackedBatch;
import studio.vincie.model.pack.SessionPacker;
import studio.vincie.model.text.Tokenizer;

/**
 * The training loop of issue 5 (design.md 3.4-3.5): packed sessions, NIP + CSP + NSP flow-matching
 * losses, paper-style context and instruction dropout, AdamW with warm-up and cosine decay, global
 * gradient clipping, EMA weights, validation loss, CSV log, loss-curve PNG, and atomic checkpoints
 * every few minutes and at exit. The run is a pure function of (data, options): the batch of a step
 * depends only on seed and step ({@link BatchLoader}), and a checkpoint holds every other piece of
 * state, so stopping and resuming gives bit-identical weights.
 *
 * <p>Output folder: {@code checkpoint.bin} (+ {@code .prev}), {@code tokenizer.json},
 * {@code train.csv}, {@code loss.png}, and {@code model/} (the exported EMA model folder).
 *
 * <p>Threads: the calling thread trains (one DJL GradientCollector at a time, opened per step, so
 * grad mode is on only for forward and backward); the loader thread only builds host arrays.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    public static final String MODEL_DIR = "model";
    public static final String LOSS_PNG = "loss.png";
    public static final String TOKENIZER = "tokenizer.json";
    /** The run's copy of its learned codec (absent for pixel patches). */
    public static final String CODEC_DIR = "codec";

    /** What a sitting did. {@code stepsPerSecond} is over this sitting's steps only. */
    public record Result(int startStep, int endStep, double seconds, double stepsPerSecond, float firstLoss,
                         float lastLoss, float lastVal, boolean finished) {
    }

    private final Dataset dataset;
    private final TrainOptions options;
    private final Path out;
    private volatile boolean stopRequested;
    private int skipped;
    private java.util.Set<NDArray> resident = java.util.Set.of();
    private Path initFrom;
    private Path codecSource;
    private int consecutiveSkips;
    private final CountDownLatch done = new CountDownLatch(1);
    private Consumer<String> console = s -> { };

    public Trainer(Dataset dataset, TrainOptions options, Path out) {
        this.dataset = dataset;
        this.options = options;
        this.out = out;
    }

    /** Where status lines go (the CLI passes System.out; tests keep the default, silent). */
    public Trainer console(Consumer<String> sink) {
        this.console = sink;
        return this;
    }

    /** Asks the loop to stop after the current step, checkpoint and export (shutdown hook, Ctrl-C). */
    public void requestStop() {
        stopRequested = true;
    }

    /** Waits until {@link #run} has returned (for the shutdown hook). */
    public boolean awaitDone(long seconds) throws InterruptedException {
        return done.await(seconds, TimeUnit.SECONDS);
    }

    /**
     * Trains from scratch, or from {@code out/checkpoint.bin} when {@code resume}.
     *
     * @throws CheckpointException when resuming from a missing, damaged or incompatible checkpoint
     */
    public Result run(boolean resume) throws IOException, InterruptedException {
        try {
            return train(resume);
        } finally {
            done.countDown();
        }
    }

    private Result train(boolean resume) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        // Grad mode is thread-local and on by default: keep it off except inside the collector, so the
        // optimizer's in-place updates are not recorded. (Engine first: it loads the native library.)
        ai.djl.engine.Engine.getEngine("PyTorch");
        JniUtils.setGradMode(false);
        Files.createDirectories(out);
        Checkpoint checkpoint = resume ? Checkpoint.read(out.resolve(Checkpoint.FILE)) : null;
        if (checkpoint != null) {
            String diff = options.sameRun(checkpoint.options());
            if (diff != null) {
                throw new CheckpointException("checkpoint " + out.resolve(Checkpoint.FILE) + " was written with a "
                        + "different " + diff + "; resume with the same options or use another --out");
            }
        } else if (Files.exists(out.resolve(Checkpoint.FILE))) {
            throw new CheckpointException(out.resolve(Checkpoint.FILE) + " exists; add --resume to continue that run"
                    + " or choose an empty --out folder");
        }
        if (initFrom != null && checkpoint != null) {
            throw new CheckpointException("--init-from starts a new run; drop it when resuming " + out);
        }
        Tokenizer tokenizer = initFrom != null ? initTokenizer() : tokenizer(checkpoint != null);
        ModelConfig config = checkpoint != null ? checkpoint.model(tokenizer.vocabSize())
                : ModelConfig.preset(options.preset(), tokenizer.vocabSize());
        if (initFrom != null && Files.exists(initFrom.resolve(ModelFolder.CONFIG))) {
            // word pooling has no weights of its own: keep the folder's, so the run starts as that model
            config = config.withWordPooling(ModelFolder.readConfig(initFrom).wordPooling());
        }
        Path codecDir = codecDir(checkpoint != null, config);
        if (codecDir != null) {
            config = config.withLatentChannels(CodecFolder.readSpec(codecDir).latentChannels());
        }
        PackOptions packing = new PackOptions(0.1f, 0.7f, 0.05f, options.maxTargets(), true,
                options.lowNoiseShare());
        SessionPacker packer = new SessionPacker(config, tokenizer, packing);
        int start = checkpoint == null ? 0 : checkpoint.step();
        int end = options.stopAtStep() > 0 ? Math.min(options.stopAtStep(), options.steps()) : options.steps();
        LrSchedule schedule = new LrSchedule(options.lr(), options.warmupSteps(), options.steps(), options.minLrRatio());

        try (NDManager root = NDManager.newBaseManager();
             NDManager codecManager = NDManager.newBaseManager();
             ImageCodec codec = CodecFolder.forModel(config, codecDir, codecManager); // pixel patches without one
             BatchLoader loader = new BatchLoader(dataset, codec, tokenizer, packer, options.batch(), options.seed(),
                     options.queueSize());
             TrainLog log = new TrainLog(out, start)) {
            DitWeights weights = DitWeights.init(root.newSubManager(), config, options.seed(), true);
            AdamW adam = new AdamW(root.newSubManager(), weights.tensors(), options.weightDecay());
            if (initFrom != null) {
                initWeights(weights);
            }
            if (checkpoint != null) {
                restore(weights.tensors(), checkpoint.group("w."), "weight");
                adam.restore(checkpoint.group("adam."), checkpoint.adamSteps());
            }
            NDManager emaManager = root.newSubManager();
            Ema ema = new Ema(emaManager, weights.tensors(), options.emaDecay());
            if (checkpoint != null) {
                ema.restore(checkpoint.group("ema."));
            }
            weights.attachGradients();
            BlockCausalDiT model = new BlockCausalDiT(weights);
            DitWeights emaWeights = DitWeights.of(config, emaManager, ema.weights());
            BlockCausalDiT emaModel = new BlockCausalDiT(emaWeights);
            resident = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            resident.addAll(weights.manager().getManagedArrays());
            resident.addAll(emaManager.getManagedArrays());
            // The validation loss keeps the default timesteps, so runs with and without low-noise ones compare.
            List<PackedBatch> val = validationBatches(codec, tokenizer,
                    new SessionPacker(config, tokenizer, packing.withLowNoiseShare(0f)));
            console.accept(String.format("Training %s (%,d parameters%s) on %d train sessions, steps %d..%d of %d, "
                            + "batch %d%s", config.name(), weights.parameterCount(),
                    codecDir == null ? ", pixel patches" : ", learned codec " + config.latentChannels() + " channels",
                    loader.trainSessions(), start, end,
                    options.steps(), options.batch(), checkpoint == null ? "" : " (resumed)"));

            loader.start(start, end);
            long deadline = options.minutes() > 0 ? t0 + (long) (options.minutes() * 60e9) : Long.MAX_VALUE;
            long nextCheckpoint = System.nanoTime() + (long) (options.checkpointMinutes() * 60e9);
            float firstLoss = Float.NaN;
            float lastLoss = Float.NaN;
            float lastVal = Float.NaN;
            int step = start;
            long loopStart = System.nanoTime();
            try (StepProgress progress = new StepProgress(options.progressBar(), start, end)) {
                while (step < end && !stopRequested && System.nanoTime() < deadline) {
                    BatchLoader.Item item = loader.next();
                    if (item.step() != step) {
                        throw new IllegalStateException("loader out of step: " + item.step() + " != " + step);
                    }
                    float lr = schedule.at(step);
                    float[] v = step(root, model, weights, adam, ema, item.batch(), lr, step);
                    step++;
                    firstLoss = Float.isNaN(firstLoss) ? v[0] : firstLoss;
                    lastLoss = v[0];
                    float valLoss = Float.NaN;
                    if ((options.valEvery() > 0 && step % options.valEvery() == 0) || step == end) {
                        valLoss = validate(root, emaModel, val);
                        lastVal = Float.isNaN(valLoss) ? lastVal : valLoss;
                    }
                    log.add(new TrainLog.Row(step, v[0], v[1], v[2], v[3], lr, valLoss));
                    progress.step(step, v[0], lastVal, lr);
                    if (!progress.visible() && (step % 50 == 0 || step == end)) {
                        double rate = (step - start) / ((System.nanoTime() - loopStart) / 1e9);
                        console.accept(String.format("step %d/%d loss %.4f (nip %.4f csp %.4f nsp %.4f) val %s "
                                + "lr %.2e %.3f steps/s", step, end, v[0], v[1], v[2], v[3],
                                StepProgress.value(lastVal), lr, rate));
                    }
                    if (System.nanoTime() >= nextCheckpoint) {
                        save(step, adam, weights, ema, emaWeights, tokenizer, log);
                        nextCheckpoint = System.nanoTime() + (long) (options.checkpointMinutes() * 60e9);
                    }
                }
            }
            save(step, adam, weights, ema, emaWeights, tokenizer, log);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = (step - start) / Math.max(1e-9, (System.nanoTime() - loopStart) / 1e9);
            return new Result(start, step, seconds, rate, firstLoss, lastLoss, lastVal, step >= options.steps());
        }
    }

    /** One optimizer step; returns {total, nip, csp, nsp}. */
    private float[] step(NDManager root, BlockCausalDiT model, DitWeights weights, AdamW adam, Ema ema,
                         PackedBatch batch, float lr, int step) {
        try (NDManager sm = root.newSubManager()) {
            float[] v;
            try (GradientCollector gc = sm.getEngine().newGradientCollector()) {
                FlowLosses losses = FlowObjective.losses(sm, model, batch, options.maskWeight(), options.editBoost(),
                        options.lossTFloor());
                gc.backward(losses.total());
                v = losses.values();
            }
            Map<String, NDArray> grads = new LinkedHashMap<>();
            NDArray sq = sm.zeros(new Shape());
            for (Map.Entry<String, NDArray> e : weights.tensors().entrySet()) {
                NDArray g = e.getValue().getGradient();
                g.attach(sm); // the wrapper only; the parameter keeps its gradient storage
                grads.put(e.getKey(), g);
                sq = sq.add(g.square().sum());
            }
            float norm = (float) Math.sqrt(sq.getFloat());
            if (!Float.isFinite(v[0]) || !Float.isFinite(norm)) {
                // Was seen on 3-5% of steps while a scalar saved by autograd could be freed by a GC
                // before backward (see Scalars); kept as a guard. Skip the update rather than poison
                // the weights; give up if it keeps happening.
                skipped++;
                consecutiveSkips++;
                LOG.warn("non-finite {} at step {} (loss {}, grad norm {}); update skipped ({} so far)",
                        Float.isFinite(v[0]) ? "gradient" : "loss", step + 1, v[0], norm, skipped);
                if (consecutiveSkips >= 10) {
                    throw new IllegalStateException("10 steps in a row had a non-finite loss or gradient (last at "
                            + "step " + (step + 1) + "); lower --lr (was " + options.lr() + ") or resume an earlier "
                            + "checkpoint");
                }
                for (NDArray g : grads.values()) {
                    g.set(g.isNaN().logicalOr(g.isInfinite()), 0f); // muli(0) alone keeps NaN (0 * NaN = NaN)
                    g.muli(0f);
                }
                return v;
            }
            consecutiveSkips = 0;
            float scale = options.clipNorm() > 0 && norm > options.clipNorm() ? options.clipNorm() / norm : 1f;
            adam.update(sm, weights.tensors(), grads, lr, scale);
            ema.update(sm, weights.tensors(), adam.steps());
            for (NDArray g : grads.values()) {
                g.muli(0f); // PyTorch accumulates into .grad: clear it for the next step
            }
            return v;
        } finally {
            freeStrays(weights);
        }
    }

    /** Steps whose update was skipped because of a non-finite loss or gradient (this sitting). */
    public int skippedSteps() {
        return skipped;
    }

    /** Seed of the validation batches' noise and dropout draws, fixed across runs. */
    static final long VALIDATION_SEED = 0x5EED;

    /**
     * Mean total loss of the EMA model over the fixed validation batches (NaN when there are none);
     * unweighted ({@code editBoost} 0), so that runs with different boosts compare.
     */
    private float validate(NDManager root, BlockCausalDiT emaModel, List<PackedBatch> val) {
        if (val.isEmpty()) {
            return Float.NaN;
        }
        double sum = 0;
        for (PackedBatch b : val) {
            try (NDManager vm = root.newSubManager()) {
                sum += FlowObjective.losses(vm, emaModel, b, options.maskWeight()).total().getFloat();
            }
        }
        freeStrays(emaModel.weights());
        return (float) (sum / val.size());
    }

    /**
     * The first {@code valSessions} val sessions, packed once with the training recipe (same dropout
     * and noise distribution) from a fixed seed, the same for every run, so that every validation point
     * measures the same thing and runs with different seeds compare. (It used to follow the run's seed:
     * run-n's weights scored 0.662 on seed 9's draws and 0.238 on seed 10's, 16 sessions each.)
     */
    private List<PackedBatch> validationBatches(ImageCodec codec, Tokenizer tokenizer, SessionPacker packer) {
        List<String> ids = dataset.ids("val");
        ids = ids.subList(0, Math.min(ids.size(), options.valSessions()));
        List<PackedBatch> out = new ArrayList<>();
        Random rng = new Random(VALIDATION_SEED);
        for (int i = 0; i < ids.size(); i += options.batch()) {
            List<studio.vincie.model.pack.SessionExample> rows = new ArrayList<>();
            for (String id : ids.subList(i, Math.min(ids.size(), i + options.batch()))) {
                TrainingSession s = dataset.load(id);
                rows.add(studio.vincie.model.pack.SessionExample.encode(s.images(), s.instructions(),
                        s.currentMasks(), s.nextMasks(), codec, tokenizer));
            }
            out.add(packer.pack(rows, rng));
        }
        return out;
    }

    /**
     * Starts the next fresh run from a trained model folder's weights (warm start): every tensor the
     * folder has is copied in, tensors it lacks keep their fresh initialisation (a newer architecture's
     * additions, zero-initialised so the network starts as the folder's model), and the folder's
     * tokenizer is used so word ids keep their meaning. The folder's {@code wordPooling} is kept too (it
     * has no weights; switching it would change what the trained projections see). Optimizer state and
     * step count start fresh.
     */
    public Trainer initFrom(Path modelFolder) {
        this.initFrom = modelFolder;
        return this;
    }

    /**
     * Trains over a learned codec's latents instead of pixel patches ({@code vincie train-codec} wrote
     * the folder). A fresh run copies the codec into {@code OUT/codec}, so the run and its exported
     * model keep it; a resumed run uses that copy.
     */
    public Trainer codec(Path codecFolder) {
        this.codecSource = codecFolder;
        return this;
    }

    /**
     * The run's codec folder, or null for pixel patches. A fresh run checks the {@code --codec} source
     * against the preset and copies it in (a leftover copy from a start that failed before its first
     * checkpoint is removed); a resumed run uses its own copy and refuses a different {@code --codec}.
     */
    private Path codecDir(boolean resume, ModelConfig preset) throws IOException {
        Path own = out.resolve(CODEC_DIR);
        if (resume) {
            if (codecSource != null && !Files.isDirectory(own)) {
                throw new CheckpointException("the run in " + out + " was trained on pixel patches; drop --codec "
                        + "to resume it");
            }
            if (codecSource != null && !java.util.Arrays.equals(Files.readAllBytes(own.resolve(CodecFolder.WEIGHTS)),
                    Files.readAllBytes(codecSource.resolve(CodecFolder.WEIGHTS)))) {
                throw new CheckpointException("the run in " + out + " was trained with the codec in " + own + ", not "
                        + "the one in " + codecSource + "; drop --codec to resume it");
            }
            return Files.isDirectory(own) ? own : null;
        }
        boolean inPlace = codecSource != null
                && own.toAbsolutePath().normalize().equals(codecSource.toAbsolutePath().normalize());
        if (Files.isDirectory(own) && !inPlace) {
            for (String name : new String[] {CodecFolder.WEIGHTS, CodecFolder.SPEC}) {
                Files.deleteIfExists(own.resolve(name));
            }
            Files.deleteIfExists(own);
        }
        if (codecSource == null) {
            return null;
        }
        studio.vincie.model.codec.Autoencoder.Spec spec = CodecFolder.readSpec(codecSource);
        if (spec.imageSize() != preset.imageSize() || spec.downsample() != preset.patchSize()) {
            throw new CheckpointException("the codec in " + codecSource + " maps " + spec.imageSize() + " px images to "
                    + spec.downsample() + " px cells, but the " + options.preset() + " preset needs " + preset.imageSize()
                    + " px and " + preset.patchSize() + " px cells; train a codec for this preset");
        }
        if (!inPlace) {
            CodecFolder.copy(codecSource, own);
        }
        return own;
    }

    private Tokenizer initTokenizer() throws IOException {
        Path file = initFrom.resolve(ModelFolder.TOKENIZER);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException("--init-from " + initFrom + " has no " + ModelFolder.TOKENIZER
                    + "; pass a model folder such as RUN/model");
        }
        Tokenizer t = Tokenizer.load(file);
        Path tmp = out.resolve(TOKENIZER + ".tmp");
        t.save(tmp);
        Files.move(tmp, out.resolve(TOKENIZER), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return t;
    }

    private void initWeights(DitWeights weights) throws IOException {
        Map<String, studio.vincie.model.io.SafeTensors.HostTensor> saved =
                studio.vincie.model.io.SafeTensors.read(initFrom.resolve(ModelFolder.WEIGHTS));
        for (String name : saved.keySet()) {
            if (!weights.tensors().containsKey(name)) {
                throw new CheckpointException("--init-from " + initFrom + " has tensor '" + name + "', which the "
                        + options.preset() + " model does not; it is not an earlier version of this architecture");
            }
        }
        List<String> fresh = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : weights.tensors().entrySet()) {
            studio.vincie.model.io.SafeTensors.HostTensor t = saved.get(e.getKey());
            if (t == null) {
                fresh.add(e.getKey());
                continue;
            }
            if (!new Shape(t.shape()).equals(e.getValue().getShape())) {
                throw new CheckpointException("--init-from " + initFrom + ": tensor '" + e.getKey() + "' has shape "
                        + new Shape(t.shape()) + " but the model needs " + e.getValue().getShape());
            }
            // In place, so the parameter keeps its storage (NDArray.set swaps in a new one).
            try (NDManager scratch = weights.manager().newSubManager()) {
                NDArray value = scratch.create(t.data(), e.getValue().getShape());
                e.getValue().muli(0f).addi(value);
            }
        }
        console.accept("Initialised from " + initFrom + " (" + (weights.tensors().size() - fresh.size())
                + " tensors); freshly initialised: " + (fresh.isEmpty() ? "none" : String.join(", ", fresh)));
    }

    /** Builds the tokenizer from the train captions (fresh run) or reloads the run's own (resume). */
    private Tokenizer tokenizer(boolean resume) throws IOException {
        Path file = out.resolve(TOKENIZER);
        if (resume) {
            if (!Files.isRegularFile(file)) {
                throw new CheckpointException("cannot resume: " + file + " is missing (it belongs to the checkpoint)");
            }
            return Tokenizer.load(file);
        }
        LinkedHashSet<String> captions = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        for (String id : dataset.ids("train")) {
            for (String caption : dataset.load(id).instructions()) {
                all.add(caption);
                captions.add(caption);
            }
        }
        int length = ModelConfig.preset(options.preset(), 4).textLength();
        Tokenizer t = Tokenizer.build(all, options.maxVocab(), length);
        LOG.info("tokenizer: {} words from {} captions ({} distinct)", t.vocabSize(), all.size(), captions.size());
        Path tmp = out.resolve(TOKENIZER + ".tmp");
        t.save(tmp);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return t;
    }

    private void save(int step, AdamW adam, DitWeights weights, Ema ema, DitWeights emaWeights, Tokenizer tokenizer,
                      TrainLog log) throws IOException {
        long t = System.nanoTime();
        Map<String, float[]> tensors = new LinkedHashMap<>();
        weights.tensors().forEach((k, a) -> tensors.put("w." + k, a.toFloatArray()));
        ema.weights().forEach((k, a) -> tensors.put("ema." + k, a.toFloatArray()));
        adam.state().forEach((k, a) -> tensors.put("adam." + k, a.toFloatArray()));
        new Checkpoint(step, adam.steps(), options, weights.config(), tensors).write(out);
        if (emaWeights.config().learnedCodec()) {
            // the codec first: a config.json that names a codec must never stand without its files
            CodecFolder.copy(out.resolve(CODEC_DIR), out.resolve(MODEL_DIR));
        }
        ModelFolder.save(out.resolve(MODEL_DIR), emaWeights, tokenizer);
        LossCurve.write(log.rows(), "Vincie " + options.preset() + ": " + options.describe(), out.resolve(LOSS_PNG));
        LOG.info("checkpoint at step {} written to {} in {} ms", step, out, (System.nanoTime() - t) / 1_000_000);
    }

    /**
     * Closes every array in the weights' own manager that was not there when the models were built
     * (parameters, and the LayerNorm constants {@code BlockCausalDiT} keeps beside them). DJL puts an op's result
     * in its first operand's manager, and {@code BlockCausalDiT.embed} starts from a gather on an
     * embedding table, so the activations of a training forward land in the weights' manager and
     * would never be freed (measured: ~600 MB per base step at batch 1). Called after the step, when
     * backward is done with them.
     */
    private void freeStrays(DitWeights weights) {
        for (NDArray a : weights.manager().getManagedArrays()) {
            if (!resident.contains(a) && !a.isReleased() && a.getManager() == weights.manager()) {
                a.close();
            }
        }
    }

    private static void restore(Map<String, NDArray> params, Map<String, float[]> saved, String what) {
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            float[] v = saved.get(e.getKey());
            if (v == null || v.length != e.getValue().getShape().size()) {
                throw new CheckpointException(what + " '" + e.getKey() + "' is missing or has the wrong size in the "
                        + "checkpoint; it was written for another model");
            }
            e.getValue().set(v);
        }
    }
}
