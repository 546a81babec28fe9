package studio.vincie.model;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import studio.vincie.model.codec.ChangeRegion;
import studio.vincie.model.codec.CodecImages;
import studio.vincie.model.codec.ImageCodec;
import studio.vincie.model.codec.RegionComposite;
import studio.vincie.model.io.CodecFolder;
import studio.vincie.model.io.ModelFolder;
import studio.vincie.model.io.ModelLoadException;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.Segment;
import studio.vincie.model.sampling.TurnGenerator;
import studio.vincie.model.sampling.TurnInput;
import studio.vincie.model.sampling.TurnOutput;
import studio.vincie.model.text.Tokenizer;

/**
 * The real {@link EditModel}: a block-causal DiT loaded from a model folder and run through DJL with
 * the exact KV cache. Construct with {@link #load(Path, Device)} (or {@link #load(Path)} for the
 * default device: GPU when DJL finds one, else CPU). Each edit packs the request's branch as segments,
 * reuses the cached prefix that matches (so going on from the last turn appends only the new image,
 * and branching from an earlier turn reuses the shared prefix), then samples. Images of another size
 * are resized to the model resolution and results scaled back to the source size.
 *
 * <p>With {@link #setSegmentationFirst(boolean)} on, the model first predicts {@code Ck} (unless the
 * user painted one) and {@code Nk}, then the image; they come back in the {@link EditResult}.
 */
public final class DitEditModel implements EditModel {

    private static final Logger LOG = LoggerFactory.getLogger(DitEditModel.class);

    /** System property that forces the device of {@link #load(Path)}: cpu, gpu or auto. */
    public static final String DEVICE_PROPERTY = "vincie.device";

    private final NDManager manager;
    private final ModelFolder.Loaded loaded;
    private final ImageCodec codec;
    private final TurnGenerator generator;
    private final ModelInfo info;
    private volatile boolean segmentationFirst;

    private DitEditModel(NDManager manager, ModelFolder.Loaded loaded, ImageCodec codec, ModelInfo info) {
        this.manager = manager;
        this.loaded = loaded;
        this.codec = codec;
        this.generator = new TurnGenerator(new BlockCausalDiT(loaded.weights()), codec,
                loaded.tokenizer().nullInstruction(), manager);
        this.info = info;
    }

    /**
     * Loads a model folder on the device named by the system property {@code vincie.device}
     * ({@code cpu}, {@code gpu} or {@code auto}, default auto: GPU when DJL finds one, else CPU).
     */
    public static DitEditModel load(Path folder) {
        return load(folder, parseDevice(System.getProperty(DEVICE_PROPERTY, "auto")));
    }

    /**
     * Loads a model folder on {@code device}.
     *
     * @throws ModelLoadException naming the folder and what is wrong with it
     */
    public static DitEditModel load(Path folder, Device device) {
        NDManager manager = NDManager.newBaseManager(device);
        try {
            ModelFolder.Loaded loaded = ModelFolder.load(folder, manager);
            ModelConfig c = loaded.config();
            String id = c.name() + "-" + weightsDigest(folder.resolve(ModelFolder.WEIGHTS));
            String name = folder.toAbsolutePath().normalize().getFileName().toString();
            ModelInfo info = new ModelInfo(id, name, domainOf(folder), c.defaultSteps(), c.defaultGuidance());
            return new DitEditModel(manager, loaded, CodecFolder.forModel(c, folder, manager), info);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** GPU 0 when DJL sees a GPU, otherwise the CPU. */
    public static Device defaultDevice() {
        return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /** {@code cpu}, {@code gpu} or {@code auto} (= {@link #defaultDevice()}). */
    public static Device parseDevice(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (Engine.getInstance().getGpuCount() == 0) {
                    throw new IllegalArgumentException("--device gpu was asked for but DJL finds no GPU; use cpu");
                }
                yield Device.gpu();
            }
            case "auto" -> defaultDevice();
            default -> throw new IllegalArgumentException("unknown device '" + name + "'; use cpu, gpu or auto");
        };
    }

    public void setSegmentationFirst(boolean on) {
        this.segmentationFirst = on;
    }

    @Override
    public boolean supportsRegionPrediction() {
        return true;
    }

    @Override
    public void setRegionPrediction(boolean on) {
        setSegmentationFirst(on);
    }

    public ModelConfig config() {
        return loaded.config();
    }

    public Device device() {
        return manager.getDevice();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public synchronized EditResult edit(EditRequest request, EditProgress progress, Cancellation cancellation) {
        TurnOutput out = run(request, segmentationFirst, false, progress, cancellation);
        int w = request.source().getWidth();
        int h = request.source().getHeight();
        BufferedImage generated = codec.decodeImage(out.image()); // at the model's size
        BufferedImage image = CodecImages.scaled(generated, w, h, BufferedImage.TYPE_INT_RGB);
        BufferedImage current = mask(out.currentMask(), w, h);
        BufferedImage next = mask(out.nextMask(), w, h);
        BufferedImage user = request.userMask() == null ? null
                : CodecImages.scaled(request.userMask(), w, h, BufferedImage.TYPE_BYTE_GRAY);
        if (user != null || current != null || next != null) {
            image = keepOutside(request.currentImage(), image, user, current, next);
        } else if (config().keepThreshold() > 0) {
            image = keepOutside(request.currentImage(), image, changed(request.currentImage(), generated, w, h));
        }
        return new EditResult(image, current, next);
    }

    /**
     * The model's own change map as the region (ModelConfig.keepThreshold): the patches of
     * {@code generated} that differ from {@code from} by more than the threshold, at {@code w x h}.
     */
    private BufferedImage changed(BufferedImage from, BufferedImage generated, int w, int h) {
        BufferedImage base = CodecImages.scaled(from, generated.getWidth(), generated.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        BufferedImage region = ChangeRegion.of(base, generated, config().patchSize(), config().keepThreshold());
        return CodecImages.scaled(region, w, h, BufferedImage.TYPE_BYTE_GRAY);
    }

    /**
     * With a region (the user's mask, the predicted Ck/Nk when regions are predicted, or else the model's
     * change map when {@code keepThreshold} is set), the edit stays
     * inside it: outside, the image edited from is kept at its full resolution (RegionComposite), grown
     * and feathered by two model pixels. Without any region the model's whole output is the result.
     */
    private BufferedImage keepOutside(BufferedImage from, BufferedImage edited, BufferedImage... regions) {
        BufferedImage base = CodecImages.scaled(from, edited.getWidth(), edited.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        int px = Math.max(1, Math.round(2f * Math.max(edited.getWidth(), edited.getHeight()) / config().imageSize()));
        return RegionComposite.blend(base, edited, px, px, regions);
    }

    /**
     * Segmentation-first, phase 1: predicts the current region {@code Ck} (unless the request has a
     * user mask) and the next region {@code Nk} of the requested edit, without the image. Show them,
     * let the user adjust {@code Ck}, then call {@link #edit} with it as the user mask.
     *
     * @return {currentMask or null when the user gave one, nextMask}, grayscale at the source size
     */
    public synchronized BufferedImage[] predictRegions(EditRequest request, EditProgress progress,
                                                       Cancellation cancellation) {
        TurnOutput out = run(request, true, true, progress, cancellation);
        int w = request.source().getWidth();
        int h = request.source().getHeight();
        return new BufferedImage[] {mask(out.currentMask(), w, h), mask(out.nextMask(), w, h)};
    }

    private BufferedImage mask(float[] values, int w, int h) {
        return values == null ? null : CodecImages.scaled(codec.decodeMask(values), w, h, BufferedImage.TYPE_BYTE_GRAY);
    }

    private TurnOutput run(EditRequest request, boolean predictMasks, boolean masksOnly, EditProgress progress,
                           Cancellation cancellation) {
        InferenceThreads.prepare();
        cancellation.check();
        Tokenizer tok = loaded.tokenizer();
        List<Segment> context = new ArrayList<>();
        context.add(Segment.image(0, codec.encodeImage(request.source())));
        int k = 1;
        for (EditRequest.PriorTurn t : request.history()) {
            context.add(Segment.text(k, tok.encode(t.instruction())));
            if (t.currentMask() != null) {
                context.add(Segment.currentMask(k, codec.encodeMask(t.currentMask())));
            }
            if (t.nextMask() != null) {
                context.add(Segment.nextMask(k, codec.encodeMask(t.nextMask())));
            }
            context.add(Segment.image(k, codec.encodeImage(t.image())));
            k++;
        }
        float[] userMask = request.userMask() == null ? null : codec.encodeMask(request.userMask());
        TurnInput in = new TurnInput(context, k, tok.encode(request.instruction()), userMask, predictMasks,
                request.seed(), request.steps(), request.guidance(), masksOnly);
        long start = System.nanoTime();
        TurnOutput out = generator.generate(in, true, (done, total) -> {
            progress.step(done, total);
            cancellation.check();
        });
        LOG.info("turn {} {} in {} ms ({} context tokens)", k, masksOnly ? "regions predicted" : "edited",
                (System.nanoTime() - start) / 1_000_000, out.contextTokens());
        return out;
    }

    private static String weightsDigest(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buf = new byte[1 << 16];
            DigestInputStream d = (DigestInputStream) in;
            while (d.read(buf) >= 0) {
                // reading feeds the digest
            }
            return HexFormat.of().formatHex(d.getMessageDigest().digest(), 0, 6);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new ModelLoadException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The "Domain:" line of MODEL_CARD.md, or empty. */
    private static String domainOf(Path folder) {
        Path card = folder.resolve(ModelFolder.CARD);
        if (!Files.isRegularFile(card)) {
            return "";
        }
        try {
            for (String line : Files.readAllLines(card, StandardCharsets.UTF_8)) {
                // Tolerates markdown around the line: "**Domain:** ...", "- Domain: ...", "> Domain: ...".
                String l = line.replace("*", "").replaceFirst("^[\\s#>\\-]+", "").trim();
                if (l.toLowerCase(Locale.ROOT).startsWith("domain:")) {
                    return l.substring("domain:".length()).trim();
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot read {}", card, e);
        }
        return "";
    }

    /** Frees the weights; synchronized with {@link #edit}, so an edit in flight finishes first. */
    @Override
    public synchronized void close() {
        generator.close();
        codec.close();
        loaded.close();
        manager.close();
    }
}
