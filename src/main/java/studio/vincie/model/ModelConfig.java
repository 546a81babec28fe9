package studio.vincie.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Architecture and sampler defaults of a block-causal diffusion transformer (design.md section 3),
 * stored as {@code config.json} in a model folder.
 *
 * <p>Presets: {@code tiny} (tests: 32 px images, width 32, 2 layers), {@code small} (base images and
 * tokens at width 128 and 4 layers, to measure model size) and {@code base} (the shipped model).
 * {@code base} is 128 px images through a {@code PatchCodec} with 16 px patches, so an image is an 8x8 grid of 64
 * tokens; masks (one channel, nearly binary, little information) use 32 px patches, a 4x4 grid of 16
 * tokens; instructions are 16 tokens. A turn with both masks is then 16 + 16 + 16 + 64 = 112 tokens and a
 * 5-turn session with masks is 64 + 5 x 112 = 624 tokens, well under the ~1500-token budget; a packed
 * training session with all its noisy copies stays ~1000. Coarse masks also keep the attention part of a
 * cached step small, so a turn-5 step costs little more than a turn-1 step. Width 256, 6 layers, 4 heads
 * (head size 64) is the size design.md section 6 measured on two cores (8.2 M parameters incl. embeddings;
 * 1024 tokens x batch 4 forward + backward + Adam ~2.3 s), so a few thousand training steps fit in a few
 * hours and a cached edit step (2 x 64 noisy tokens against ~1000 cached keys) costs ~2 GFLOP.
 *
 * <p>{@code sourceConditioning} (all presets; absent in older folders = false): a noisy image target
 * also sees, token by token, the patch at the same place in the latest clean image before it (the
 * source of the edit), through its own input projection, and the image head predicts the change
 * from that source rather than the image itself; a noisy mask sees the source patches under each of
 * its tokens ({@link #maskSourceDim()}). This is InstructPix2Pix's input concatenation plus a
 * residual output, added on top of the in-context attention of the paper: VINCIE learns to copy the
 * context through attention alone, which the paper pays for with a large model and long training; a
 * model trained in hours on two cores never got there (docs/training.md, "Second run").
 *
 * <p>{@code pooledText} (all presets; absent = false): every noisy target token also gets the mean
 * word embedding of its turn's instruction through a zero-initialised projection ({@code text_pool}),
 * added to its input, so the instruction reaches each token directly rather than only through
 * attention (as DiT feeds its class label to every token, and SD3 a pooled text vector).
 *
 * <p>{@code samplerStart} (sampler default, absent = 1): image sampling starts at this noise level
 * from the source noised to it ({@code (1 - s) source + s eps}, as SDEdit / img2img strength)
 * instead of from pure noise at t = 1; the schedule is scaled to end at 0 in the same steps. Masks
 * always start at 1. Below 1 the picture outside the edit is anchored to the source from the first step.
 *
 * <p>{@code keepThreshold} (editing default, absent = 0 = off): when an edit has no region (no painted
 * mask, no predicted masks), the patches whose mean change from the image edited from is at most this
 * many levels (0-255) are kept exactly, as if the model's own change map were the mask
 * ({@code codec.ChangeRegion}); a pixel-patch model's small per-patch offsets would otherwise show as
 * a faint grid over the untouched picture.
 *
 * <p>{@code latentChannels} (absent = 0 = pixel patches; {@code codec: "autoencoder"} in the JSON):
 * image tokens are the cells of a learned codec's latent grid ({@code codec.LearnedCodec}, one cell per
 * {@code patchSize} pixels) with this many values each instead of pixel patches; the folder then holds
 * the codec's {@code codec.json} and {@code codec.safetensors} ({@code io.CodecFolder}). Masks stay
 * pixel patches.
 *
 * <p>{@code noisySkip} (absent = false): the image head's clean prediction also gets a learned,
 * per-token share of the noisy input's departure from the source, {@code gate(h) (x_t - (1 - t) source)}
 * ({@code nn.BlockCausalDiT#predictClean}), so at low noise the model can pass the nearly clean input
 * through instead of re-creating every pixel from its 256-wide hidden state. The gate starts at zero,
 * so a model trained without it warm-starts unchanged. Only the {@code tiny} test preset has it: a gate
 * left open passes the input's noise on through every sampling step (docs/model.md), and the first
 * full run with it edited in squares of noise.
 *
 * <p>{@code textModulation} (absent = false; needs {@code pooledText}): the pooled instruction also
 * enters every block's adaLN conditioning of the noisy target tokens, next to the timestep, through a
 * zero-initialised projection ({@code text_mod}), as DiT conditions on its class label: the instruction
 * then scales and shifts every layer's features instead of only adding to the input. Clean tokens are
 * conditioned on t = 0 alone, so the KV cache is unaffected.
 *
 * <p>{@code wordPooling} (absent = false; needs {@code pooledText}): the pooled instruction is the mean
 * of its words' embeddings (padding left out), layer-normalised, instead of the plain mean over all
 * {@code textLength} positions. With the plain mean, one word of a four-word instruction moved the
 * pooled vector by a sixteenth of an embedding initialised at 0.02, and models trained with it did not
 * learn to tell colour words apart (docs/training.md, "The instruction's words"). No weights change.
 *
 * <p>Shape alphabet used across {@code model}: B batch, T tokens, D width, H heads, E head size
 * (D / H), P values per patch token (patch^2 x channels).
 */
public record ModelConfig(
        String name,
        int imageSize,
        int patchSize,
        int maskPatchSize,
        int imageChannels,
        int width,
        int depth,
        int heads,
        int mlpRatio,
        int vocabSize,
        int textLength,
        float ropeBase,
        int timestepDim,
        int defaultSteps,
        float defaultGuidance,
        float scheduleShift,
        boolean sourceConditioning,
        boolean pooledText,
        float samplerStart,
        float keepThreshold,
        int latentChannels,
        boolean noisySkip,
        boolean textModulation,
        boolean wordPooling) {

    /** Field names accepted in {@code config.json}; anything else is an error (it would be ignored silently). */
    public static final Set<String> FIELDS = Set.of("name", "imageSize", "patchSize", "maskPatchSize", "imageChannels", "width",
            "depth", "heads", "mlpRatio", "vocabSize", "textLength", "ropeBase", "timestepDim", "defaultSteps",
            "defaultGuidance", "scheduleShift", "sourceConditioning", "pooledText", "samplerStart",
            "keepThreshold", "latentChannels", "noisySkip", "textModulation", "wordPooling", "codec",
            "formatVersion");

    public ModelConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("config name must not be empty");
        }
        positive("imageSize", imageSize);
        positive("patchSize", patchSize);
        if (imageSize % patchSize != 0) {
            throw new IllegalArgumentException("imageSize " + imageSize + " must be a multiple of patchSize "
                    + patchSize + "; pick sizes that divide");
        }
        positive("maskPatchSize", maskPatchSize);
        if (imageSize % maskPatchSize != 0 || maskPatchSize % patchSize != 0) {
            throw new IllegalArgumentException("maskPatchSize " + maskPatchSize + " must divide imageSize " + imageSize
                    + " and be a multiple of patchSize " + patchSize);
        }
        if (imageChannels != 3) {
            throw new IllegalArgumentException("imageChannels must be 3 (RGB), was " + imageChannels);
        }
        positive("width", width);
        positive("depth", depth);
        positive("heads", heads);
        if (width % heads != 0 || (width / heads) % 2 != 0) {
            throw new IllegalArgumentException("width " + width + " must split into " + heads
                    + " heads of an even size (RoPE rotates pairs); change width or heads");
        }
        if (width / heads < 6) {
            throw new IllegalArgumentException("head size " + width / heads + " is too small for 3D RoPE (need >= 6)");
        }
        positive("mlpRatio", mlpRatio);
        if (vocabSize < 4) {
            throw new IllegalArgumentException("vocabSize must be at least 4 (the special tokens), was " + vocabSize);
        }
        positive("textLength", textLength);
        if (!(ropeBase > 1)) {
            throw new IllegalArgumentException("ropeBase must be > 1, was " + ropeBase);
        }
        if (timestepDim < 2 || timestepDim % 2 != 0) {
            throw new IllegalArgumentException("timestepDim must be even and >= 2, was " + timestepDim);
        }
        positive("defaultSteps", defaultSteps);
        if (!(defaultGuidance >= 0)) {
            throw new IllegalArgumentException("defaultGuidance must be >= 0, was " + defaultGuidance);
        }
        if (!(scheduleShift > 0)) {
            throw new IllegalArgumentException("scheduleShift must be > 0, was " + scheduleShift);
        }
        if (!(keepThreshold >= 0 && keepThreshold <= 255)) {
            throw new IllegalArgumentException("keepThreshold must be in [0, 255], was " + keepThreshold);
        }
        if (latentChannels < 0) {
            throw new IllegalArgumentException("latentChannels must be >= 0 (0 = pixel patches), was "
                    + latentChannels);
        }
        if (textModulation && !pooledText) {
            throw new IllegalArgumentException("textModulation needs pooledText (it modulates with the pooled"
                    + " instruction); set both or neither");
        }
        if (wordPooling && !pooledText) {
            throw new IllegalArgumentException("wordPooling needs pooledText (it changes how the instruction is"
                    + " pooled); set both or neither");
        }
        if (!(samplerStart > 0 && samplerStart <= 1)) {
            throw new IllegalArgumentException("samplerStart must be in (0, 1], was " + samplerStart);
        }
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be at least 1, was " + value);
        }
    }

    /** Test preset: 32 px images, 8 px patches (16 tokens), width 32, 2 layers, 2 heads. */
    public static ModelConfig tiny(int vocabSize) {
        return new ModelConfig("tiny", 32, 8, 16, 3, 32, 2, 2, 2, vocabSize, 6, 100f, 32, 8, 3.0f, 1.0f, true, true,
                1f, 0f, 0, true, true, true);
    }

    /** Shipped preset; see the class Javadoc for why these sizes. */
    public static ModelConfig base(int vocabSize) {
        return new ModelConfig("base", 128, 16, 32, 3, 256, 6, 4, 4, vocabSize, 16, 100f, 256, 20, 3.0f, 3.0f, true,
                true, 1f, 0f, 0, false, true, true);
    }

    /**
     * {@code base} at half the width and two thirds of the depth (width 128, 4 layers, 2 heads of 64):
     * the same images, tokens and sampler, about a quarter of the transformer's parameters, to measure
     * how much the model size limits what a given number of steps reaches.
     */
    public static ModelConfig small(int vocabSize) {
        return new ModelConfig("small", 128, 16, 32, 3, 128, 4, 2, 4, vocabSize, 16, 100f, 256, 20, 3.0f, 3.0f, true,
                true, 1f, 0f, 0, false, true, true);
    }

    /** A preset by name ({@code tiny}, {@code small} or {@code base}). */
    public static ModelConfig preset(String preset, int vocabSize) {
        return switch (preset) {
            case "tiny" -> tiny(vocabSize);
            case "small" -> small(vocabSize);
            case "base" -> base(vocabSize);
            default -> throw new IllegalArgumentException("unknown model preset '" + preset
                    + "'; use tiny, small or base");
        };
    }

    public int headSize() {
        return width / heads;
    }

    /** Tokens per side of an image or mask grid. */
    public int grid() {
        return imageSize / patchSize;
    }

    /** Tokens of one image or mask segment. */
    public int gridTokens() {
        return grid() * grid();
    }

    /** Values per image token (P for images): a pixel patch, or a learned codec's latent cell. */
    public int imagePatchDim() {
        return latentChannels > 0 ? latentChannels : patchSize * patchSize * imageChannels;
    }

    /** Values per mask token (one channel). */
    public int maskPatchDim() {
        return maskPatchSize * maskPatchSize;
    }

    /** Tokens per side of a mask grid (masks use coarser patches than images). */
    /**
     * Values of a mask token's source under {@code sourceConditioning}: the image patches the mask
     * token covers, side by side ((maskPatchSize / patchSize)^2 x imagePatchDim).
     */
    public int maskSourceDim() {
        int r = maskPatchSize / patchSize;
        return r * r * imagePatchDim();
    }

    public int maskGrid() {
        return imageSize / maskPatchSize;
    }

    /** Tokens of one mask segment. */
    public int maskTokens() {
        return maskGrid() * maskGrid();
    }

    /** Tokens of a segment of this kind. */
    public int tokens(studio.vincie.model.nn.SegmentKind kind) {
        return switch (kind) {
            case TEXT -> textLength;
            case IMAGE -> gridTokens();
            case CURRENT_MASK, NEXT_MASK -> maskTokens();
        };
    }

    /** Values per token of an image or mask segment. */
    public int patchDim(studio.vincie.model.nn.SegmentKind kind) {
        return kind == studio.vincie.model.nn.SegmentKind.IMAGE ? imagePatchDim() : maskPatchDim();
    }

    /** The same architecture with another noise level at which image sampling starts. */
    public ModelConfig withSamplerStart(float start) {
        return new ModelConfig(name, imageSize, patchSize, maskPatchSize, imageChannels, width, depth, heads, mlpRatio,
                vocabSize, textLength, ropeBase, timestepDim, defaultSteps, defaultGuidance, scheduleShift,
                sourceConditioning, pooledText, start, keepThreshold, latentChannels, noisySkip, textModulation, wordPooling);
    }

    /** The same architecture with another threshold for keeping unchanged patches (0 = off). */
    public ModelConfig withKeepThreshold(float threshold) {
        return new ModelConfig(name, imageSize, patchSize, maskPatchSize, imageChannels, width, depth, heads, mlpRatio,
                vocabSize, textLength, ropeBase, timestepDim, defaultSteps, defaultGuidance, scheduleShift,
                sourceConditioning, pooledText, samplerStart, threshold, latentChannels, noisySkip, textModulation, wordPooling);
    }

    public ModelConfig withVocabSize(int newVocabSize) {
        return new ModelConfig(name, imageSize, patchSize, maskPatchSize, imageChannels, width, depth, heads, mlpRatio,
                newVocabSize, textLength, ropeBase, timestepDim, defaultSteps, defaultGuidance, scheduleShift,
                sourceConditioning, pooledText, samplerStart, keepThreshold, latentChannels, noisySkip, textModulation, wordPooling);
    }

    /** The same transformer over a learned codec's latents of {@code channels} values per token (0 = pixel patches). */
    public ModelConfig withLatentChannels(int channels) {
        return new ModelConfig(name, imageSize, patchSize, maskPatchSize, imageChannels, width, depth, heads, mlpRatio,
                vocabSize, textLength, ropeBase, timestepDim, defaultSteps, defaultGuidance, scheduleShift,
                sourceConditioning, pooledText, samplerStart, keepThreshold, channels, noisySkip, textModulation, wordPooling);
    }

    /** The same transformer with or without the image head's noisy skip. */
    public ModelConfig withNoisySkip(boolean skip) {
        return new ModelConfig(name, imageSize, patchSize, maskPatchSize, imageChannels, width, depth, heads, mlpRatio,
                vocabSize, textLength, ropeBase, timestepDim, defaultSteps, defaultGuidance, scheduleShift,
                sourceConditioning, pooledText, samplerStart, keepThreshold, latentChannels, skip, textModulation, wordPooling);
    }

    /** The same transformer with or without the instruction in the noisy tokens' adaLN conditioning. */
    public ModelConfig withTextModulation(boolean modulation) {
        return new ModelConfig(name, imageSize, patchSize, maskPatchSize, imageChannels, width, depth, heads, mlpRatio,
                vocabSize, textLength, ropeBase, timestepDim, defaultSteps, defaultGuidance, scheduleShift,
                sourceConditioning, pooledText, samplerStart, keepThreshold, latentChannels, noisySkip, modulation, wordPooling);
    }

    /** The same transformer with the instruction pooled over its words and normalised, or as a plain mean. */
    public ModelConfig withWordPooling(boolean pooling) {
        return new ModelConfig(name, imageSize, patchSize, maskPatchSize, imageChannels, width, depth, heads, mlpRatio,
                vocabSize, textLength, ropeBase, timestepDim, defaultSteps, defaultGuidance, scheduleShift,
                sourceConditioning, pooledText, samplerStart, keepThreshold, latentChannels, noisySkip, textModulation,
                pooling);
    }

    /** Whether images go through a learned codec (codec.json + codec.safetensors in the model folder). */
    public boolean learnedCodec() {
        return latentChannels > 0;
    }

    /** The {@code config.json} object. */
    public JsonObject toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("formatVersion", 1);
        m.put("name", name);
        m.put("codec", latentChannels > 0 ? "autoencoder" : "patch");
        m.put("imageSize", imageSize);
        m.put("patchSize", patchSize);
        m.put("maskPatchSize", maskPatchSize);
        m.put("imageChannels", imageChannels);
        m.put("width", width);
        m.put("depth", depth);
        m.put("heads", heads);
        m.put("mlpRatio", mlpRatio);
        m.put("vocabSize", vocabSize);
        m.put("textLength", textLength);
        m.put("ropeBase", ropeBase);
        m.put("timestepDim", timestepDim);
        m.put("defaultSteps", defaultSteps);
        m.put("defaultGuidance", defaultGuidance);
        m.put("scheduleShift", scheduleShift);
        m.put("sourceConditioning", sourceConditioning);
        m.put("pooledText", pooledText);
        m.put("samplerStart", samplerStart);
        if (keepThreshold > 0) {
            m.put("keepThreshold", keepThreshold); // absent = off, so older versions still read the folder
        }
        if (latentChannels > 0) {
            m.put("latentChannels", latentChannels);
        }
        if (noisySkip) {
            m.put("noisySkip", true); // absent = false, so older versions still read folders without it
        }
        if (textModulation) {
            m.put("textModulation", true); // absent = false, likewise
        }
        if (wordPooling) {
            m.put("wordPooling", true); // absent = false, likewise
        }
        return ai.djl.util.JsonUtils.GSON.toJsonTree(m).getAsJsonObject();
    }

    /**
     * Reads {@code config.json}; an unknown or missing field fails naming it.
     *
     * @throws IllegalArgumentException naming the unknown, missing or invalid field
     */
    public static ModelConfig fromJson(JsonObject json) {
        for (String key : json.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException("unknown config field '" + key + "'; known fields: "
                        + new java.util.TreeSet<>(FIELDS) + ". Remove it or update Vincie Studio");
            }
        }
        JsonElement codec = json.get("codec");
        String kind = codec == null ? "patch" : codec.getAsString();
        if (!kind.equals("patch") && !kind.equals("autoencoder")) {
            throw new IllegalArgumentException("config field 'codec' is '" + kind
                    + "'; this version supports 'patch' and 'autoencoder'");
        }
        int latent = json.has("latentChannels") ? num(json, "latentChannels").intValue() : 0;
        if (kind.equals("autoencoder") != latent > 0) {
            throw new IllegalArgumentException(kind.equals("autoencoder")
                    ? "config field 'codec' is 'autoencoder' but 'latentChannels' is missing or 0"
                    : "config field 'latentChannels' needs 'codec': 'autoencoder'");
        }
        return new ModelConfig(str(json, "name"), num(json, "imageSize").intValue(),
                num(json, "patchSize").intValue(), num(json, "maskPatchSize").intValue(),
                num(json, "imageChannels").intValue(),
                num(json, "width").intValue(), num(json, "depth").intValue(), num(json, "heads").intValue(),
                num(json, "mlpRatio").intValue(), num(json, "vocabSize").intValue(),
                num(json, "textLength").intValue(), num(json, "ropeBase").floatValue(),
                num(json, "timestepDim").intValue(), num(json, "defaultSteps").intValue(),
                num(json, "defaultGuidance").floatValue(), num(json, "scheduleShift").floatValue(),
                flag(json, "sourceConditioning"), flag(json, "pooledText"),
                json.has("samplerStart") ? num(json, "samplerStart").floatValue() : 1f,
                json.has("keepThreshold") ? num(json, "keepThreshold").floatValue() : 0f, latent,
                flag(json, "noisySkip"), flag(json, "textModulation"), flag(json, "wordPooling"));
    }

    /** An optional boolean field: absent (older folders) means false. */
    private static boolean flag(JsonObject json, String field) {
        JsonElement e = json.get(field);
        if (e == null || e.isJsonNull()) {
            return false;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException("config field '" + field + "' must be true or false, was " + e);
        }
        return e.getAsBoolean();
    }

    private static String str(JsonObject json, String field) {
        JsonElement e = json.get(field);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("config field '" + field + "' is missing");
        }
        return e.getAsString();
    }

    private static Number num(JsonObject json, String field) {
        JsonElement e = json.get(field);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("config field '" + field + "' is missing");
        }
        try {
            return e.getAsNumber();
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("config field '" + field + "' must be a number, was " + e, ex);
        }
    }
}
