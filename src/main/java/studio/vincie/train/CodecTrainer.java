package studio.vincie.train;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import studio.vincie.data.dataset.Dataset;
import studio.vincie.model.codec.Autoencoder;
import studio.vincie.model.io.CodecFolder;

/**
 * {@code vincie train-codec}: trains the learned image codec ({@link Autoencoder}) on the images of a
 * dataset's train split with an L1 + L2 reconstruction loss, AdamW, warm-up and cosine decay and
 * gradient clipping, reports the reconstruction PSNR on the val split, then sets the latent statistics
 * and writes a codec folder ({@link CodecFolder}) that {@code vincie train --codec} uses. A codec run is
 * short (minutes), so it has no resume: it writes the folder every {@code checkpointMinutes} and when
 * stopped, and a stopped run is a usable codec.
 *
 * <p>Deterministic: the images of a step depend only on seed and step.
 */
public final class CodecTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(CodecTrainer.class);
    public static final String LOG_CSV = "codec.csv";

    /**
     * How to train (the architecture is the {@link Autoencoder.Spec}): steps, images per step, peak lr,
     * warm-up steps, seed, val images for the PSNR, time limit, minutes between writes, progress bar.
     */
    public record Options(int steps, int batch, float lr, int warmup, long seed, int valImages,
                          double minutes, double checkpointMinutes, boolean progressBar) {
        public Options {
            if (steps < 1 || batch < 1 || warmup < 0 || valImages < 0) {
                throw new IllegalArgumentException("--steps and --batch must be at least 1, warm-up and val images >= 0");
            }
            if (!(lr > 0 && lr < 1)) {
                throw new IllegalArgumentException("--lr must be in (0, 1), was " + lr + "; try 1e-3");
            }
            if (!(minutes >= 0) || !(checkpointMinutes > 0)) {
                throw new IllegalArgumentException("--minutes must be >= 0 and the checkpoint interval > 0");
            }
        }
    }

    /** What a run did: steps, wall time, first and last training loss, the val reconstruction PSNR (dB). */
    public record Result(int steps, double seconds, float firstLoss, float lastLoss, double valPsnr, boolean finished) {
    }

    private final Dataset dataset;
    private final Autoencoder.Spec spec;
    private final Options options;
    private final Path out;
    private volatile boolean stopRequested;
    private int skipsInARow;
    private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    private Consumer<String> console = s -> { };

    public CodecTrainer(Dataset dataset, Autoencoder.Spec spec, Options options, Path out) {
        if (dataset.imageSize() != spec.imageSize()) {
            LOG.info("dataset images are {} px; the codec resizes them to {} px", dataset.imageSize(), spec.imageSize());
        }
        this.dataset = dataset;
        this.spec = spec;
        this.options = options;
        this.out = out;
    }

    public CodecTrainer console(Consumer<String> sink) {
        this.console = sink;
        return this;
    }

    /** Asks the loop to stop after the current step and write the codec (Ctrl-C). */
    public void requestStop() {
        stopRequested = true;
    }

    /** Waits until {@link #run} has returned (for the shutdown hook, so the codec is written on Ctrl-C). */
    public boolean awaitDone(long seconds) throws InterruptedException {
        return done.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    public Result run() throws IOException {
        try {
            return train();
        } finally {
            done.countDown();
        }
    }

    private Result train() throws IOException {
        long t0 = System.nanoTime();
        ai.djl.engine.Engine.getEngine("PyTorch");
        JniUtils.setGradMode(false);
        Files.createDirectories(out);
        List<byte[]> train = images("train", Integer.MAX_VALUE);
        List<byte[]> val = images("val", options.valImages());
        if (train.isEmpty()) {
            throw new IllegalArgumentException("dataset " + dataset.dir() + " has no train sessions to learn a codec from");
        }
        LrSchedule schedule = new LrSchedule(options.lr(), options.warmup(), options.steps(), 0.1f);
        try (NDManager root = NDManager.newBaseManager();
             Writer csv = Files.newBufferedWriter(out.resolve(LOG_CSV), StandardCharsets.UTF_8)) {
            csv.write("step,loss,val_psnr,lr\n");
            NDManager wm = root.newSubManager();
            Map<String, NDArray> all = Autoencoder.init(wm, spec, options.seed());
            Map<String, NDArray> params = new LinkedHashMap<>(all);
            params.keySet().removeIf(k -> k.startsWith("latent."));
            params.values().forEach(a -> a.setRequiresGradient(true));
            AdamW adam = new AdamW(root.newSubManager(), params, 0f);
            console.accept(String.format("Training codec %s on %d train images (val %d), %d steps of %d",
                    spec, train.size(), val.size(), options.steps(), options.batch()));
            long deadline = options.minutes() > 0 ? t0 + (long) (options.minutes() * 60e9) : Long.MAX_VALUE;
            long nextSave = System.nanoTime() + (long) (options.checkpointMinutes() * 60e9);
            float loss = Float.NaN;
            float firstLoss = Float.NaN;
            double psnr = Double.NaN;
            int step = 0;
            try (StepProgress progress = new StepProgress(options.progressBar(), "train-codec", "val PSNR", 0,
                    options.steps())) {
                while (step < options.steps() && !stopRequested && System.nanoTime() < deadline) {
                    float lr = schedule.at(step);
                    loss = step(root, all, params, adam, train, step, lr);
                    step++;
                    firstLoss = Float.isNaN(firstLoss) ? loss : firstLoss;
                    boolean report = step % 100 == 0 || step == options.steps();
                    if (report && !val.isEmpty()) {
                        psnr = psnr(root, all, val);
                    }
                    csv.write(step + "," + loss + "," + (report ? psnr : "") + "," + lr + "\n");
                    progress.step(step, loss, (float) psnr, lr);
                    if (report) {
                        csv.flush();
                        if (!progress.visible()) {
                            console.accept(String.format("codec step %d/%d loss %.5f val PSNR %.2f dB lr %.2e", step,
                                    options.steps(), loss, psnr, lr));
                        }
                    }
                    if (System.nanoTime() >= nextSave) {
                        save(root, all, train);
                        nextSave = System.nanoTime() + (long) (options.checkpointMinutes() * 60e9);
                    }
                }
            }
            if (!val.isEmpty()) {
                psnr = psnr(root, all, val);
            }
            save(root, all, train);
            return new Result(step, (System.nanoTime() - t0) / 1e9, firstLoss, loss, psnr, step >= options.steps());
        }
    }

    /** One optimizer step on the images the seed draws for {@code step}; returns the loss. */
    private float step(NDManager root, Map<String, NDArray> all, Map<String, NDArray> params, AdamW adam,
                       List<byte[]> train, int step, float lr) {
        int s = spec.imageSize();
        Random rng = new Random(options.seed() * 1_000_003L + step);
        float[] batch = new float[options.batch() * 3 * s * s];
        for (int b = 0; b < options.batch(); b++) {
            unpack(train.get(rng.nextInt(train.size())), batch, b);
        }
        float loss;
        try (NDManager sm = root.newSubManager()) {
            NDArray x = sm.create(batch, new Shape(options.batch(), 3, s, s));
            try (GradientCollector gc = sm.getEngine().newGradientCollector()) {
                NDArray y = Autoencoder.decodeRaw(all, spec, Autoencoder.encodeRaw(all, spec, x));
                NDArray d = y.sub(x);
                NDArray l = d.abs().mean().add(d.square().mean());
                gc.backward(l);
                loss = l.getFloat();
            }
            Map<String, NDArray> grads = new LinkedHashMap<>();
            NDArray sq = sm.zeros(new Shape());
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                NDArray g = e.getValue().getGradient();
                g.attach(sm);
                grads.put(e.getKey(), g);
                sq = sq.add(g.square().sum());
            }
            float norm = (float) Math.sqrt(sq.getFloat());
            if (Float.isFinite(norm) && Float.isFinite(loss)) {
                adam.update(sm, params, grads, lr, norm > 1f ? 1f / norm : 1f);
                skipsInARow = 0;
            } else {
                skipsInARow++;
                LOG.warn("non-finite loss or gradient at codec step {} (loss {}, gradient norm {}); update skipped", step + 1,
                        loss, norm);
                if (skipsInARow >= 10) {
                    throw new IllegalStateException("10 codec steps in a row had a non-finite loss or gradient "
                            + "(last at step " + (step + 1) + "); lower --lr (was " + options.lr() + "), or, if the loss was "
                            + "finite and only the gradient was not, run with the environment variable "
                            + "ONEDNN_MAX_CPU_ISA=SSE41 (a oneDNN convolution bug on some CPUs, docs/training.md)");
                }
                for (NDArray g : grads.values()) {
                    g.set(g.isNaN().logicalOr(g.isInfinite()), 0f); // 0 * NaN = NaN: clear those first
                }
            }
            for (NDArray g : grads.values()) {
                g.muli(0f); // PyTorch accumulates into .grad
            }
        }
        return loss;
    }

    /** Sets the latent statistics from up to 512 train images and writes the codec folder. */
    private void save(NDManager root, Map<String, NDArray> all, List<byte[]> train) throws IOException {
        int s = spec.imageSize();
        try (NDManager m = root.newSubManager()) {
            List<NDArray> latents = new ArrayList<>();
            int n = Math.min(train.size(), 512);
            for (int i = 0; i < n; i += 32) {
                int k = Math.min(32, n - i);
                float[] batch = new float[k * 3 * s * s];
                for (int j = 0; j < k; j++) {
                    unpack(train.get(i + j), batch, j);
                }
                latents.add(Autoencoder.encodeRaw(all, spec, m.create(batch, new Shape(k, 3, s, s))));
            }
            Autoencoder.normalise(all, ai.djl.ndarray.NDArrays.concat(new ai.djl.ndarray.NDList(latents), 0));
        }
        CodecFolder.save(out, spec, all);
        LOG.info("codec written to {}", out);
    }

    /** Mean reconstruction PSNR (dB, 8-bit) over the images. */
    private double psnr(NDManager root, Map<String, NDArray> all, List<byte[]> images) {
        int s = spec.imageSize();
        double sum = 0;
        try (NDManager m = root.newSubManager()) {
            for (byte[] img : images) {
                float[] v = new float[img.length];
                unpack(img, v, 0);
                NDArray x = m.create(v, new Shape(1, 3, s, s));
                NDArray y = Autoencoder.decodeRaw(all, spec, Autoencoder.encodeRaw(all, spec, x)).clip(-1f, 1f);
                // values in [-1, 1]: 8-bit error = 127.5 * difference
                double mse = y.sub(x).square().mean().getFloat() * 127.5 * 127.5;
                sum += 10 * Math.log10(255.0 * 255.0 / Math.max(mse, 1e-10));
            }
        }
        return sum / images.size();
    }

    /** Image {@code index} of a batch: 8-bit planar values to [-1, 1]. */
    private static void unpack(byte[] img, float[] batch, int index) {
        int base = index * img.length;
        for (int i = 0; i < img.length; i++) {
            batch[base + i] = (img[i] & 0xFF) / 127.5f - 1f;
        }
    }

    /** Every image of the split's sessions (at most {@code limit}), as 8-bit planar values at the codec size. */
    private List<byte[]> images(String split, int limit) {
        List<byte[]> out = new ArrayList<>();
        for (String id : dataset.ids(split)) {
            for (java.awt.image.BufferedImage img : dataset.load(id).images()) {
                if (out.size() >= limit) {
                    return out;
                }
                float[] v = studio.vincie.model.codec.CodecImages.planar(img, spec.imageSize());
                byte[] b = new byte[v.length];
                for (int i = 0; i < v.length; i++) {
                    b[i] = (byte) studio.vincie.model.codec.CodecImages.toByte(v[i]);
                }
                out.add(b);
            }
        }
        return out;
    }
}
