package studio.vincie.model.codec;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The learned image codec: an {@link Autoencoder} turns a {@code size x size} image into a
 * {@code grid x grid} latent, one token of {@code latentChannels} values per cell, in the same token
 * order as {@link PatchCodec} (grid row, then column). Masks stay pixel patches (one channel, nearly
 * binary: little to gain), through the {@link PatchCodec} of the model's mask patch size.
 *
 * <p>Unlike pixel patches this codec is lossy: what the transformer's cache holds is the latent of an
 * image, and a decoded image is the decoder's reconstruction. Encodings are memoised by pixel content
 * (bounded, least recently used), since training and the editor encode the same images again and again.
 * Thread-safe: one encode or decode at a time.
 */
public final class LearnedCodec implements ImageCodec {

    private static final int CACHE_ENTRIES = 8192;

    private final Autoencoder.Spec spec;
    private final Map<String, NDArray> weights;
    private final NDManager manager;
    private final PatchCodec masks;
    private boolean ownsManager;
    private final Map<Long, float[]> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, float[]> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    /**
     * @param weights  the autoencoder's tensors (in {@code manager}), closed with this codec
     * @param maskPatch pixel patch size of mask tokens
     */
    public LearnedCodec(Autoencoder.Spec spec, Map<String, NDArray> weights, NDManager manager, int maskPatch) {
        this.spec = spec;
        this.weights = weights;
        this.manager = manager;
        this.masks = new PatchCodec(spec.imageSize(), spec.downsample(), maskPatch);
    }

    /** Makes {@link #close} also close the manager (a codec opened on its own, outside a model). */
    public LearnedCodec owningManager() {
        this.ownsManager = true;
        return this;
    }

    public Autoencoder.Spec spec() {
        return spec;
    }

    @Override
    public int tokens() {
        return spec.grid() * spec.grid();
    }

    @Override
    public int maskTokens() {
        return masks.maskTokens();
    }

    @Override
    public int imageTokenDim() {
        return spec.latentChannels();
    }

    @Override
    public int maskTokenDim() {
        return masks.maskTokenDim();
    }

    @Override
    public synchronized float[] encodeImage(BufferedImage image) {
        int s = spec.imageSize();
        float[] planar = CodecImages.planar(image, s);
        long key = key(planar);
        float[] hit = cache.get(key);
        if (hit != null) {
            return hit.clone();
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(planar, new Shape(1, 3, s, s));
            // (1, C, g, g) -> (g, g, C): token (row, col) holds its C channels
            float[] tokens = Autoencoder.encode(weights, spec, x).transpose(0, 2, 3, 1).toFloatArray();
            cache.put(key, tokens);
            return tokens.clone();
        }
    }

    @Override
    public synchronized BufferedImage decodeImage(float[] values) {
        int g = spec.grid();
        int c = spec.latentChannels();
        if (values.length != g * g * c) {
            throw new IllegalArgumentException("image has " + values.length + " values, codec expects " + g * g * c);
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray z = m.create(values, new Shape(1, g, g, c)).transpose(0, 3, 1, 2);
            float[] planar = Autoencoder.decode(weights, spec, z).toFloatArray();
            return CodecImages.image(planar, spec.imageSize());
        }
    }

    @Override
    public float[] encodeMask(BufferedImage mask) {
        return masks.encodeMask(mask);
    }

    @Override
    public BufferedImage decodeMask(float[] values) {
        return masks.decodeMask(values);
    }

    /** 64-bit FNV-1a over the quantised pixel values: equal images give equal keys. */
    private static long key(float[] planar) {
        long h = 0xcbf29ce484222325L;
        for (float v : planar) {
            h ^= Math.round((v + 1f) * 127.5f);
            h *= 0x100000001b3L;
        }
        return h ^ planar.length;
    }

    @Override
    public synchronized void close() {
        cache.clear();
        for (NDArray a : weights.values()) {
            a.close();
        }
        if (ownsManager) {
            manager.close();
        }
    }
}
