package studio.vincie.model.codec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A small convolutional autoencoder for the learned image codec (issue 5, design.md 3.3): a
 * {@code size x size} RGB image in [-1, 1] goes through {@code log2(downsample)} stride-2 4x4
 * convolutions and a 3x3 convolution to a {@code grid x grid x latentChannels} latent, one token per
 * grid cell, so it slots in where a {@link PatchCodec} has one pixel patch per token; the decoder
 * mirrors it with nearest-neighbour 2x upsampling and 3x3 convolutions. SiLU between layers.
 * Tensors (PyTorch layout, (out, in, kh, kw)): {@code enc.I.weight/bias}, {@code enc.out.*},
 * {@code dec.in.*}, {@code dec.I.*}, {@code dec.out.*}, and the per-channel latent statistics
 * {@code latent.mean} and {@code latent.std} ({@link #normalise}), so that the tokens the
 * transformer sees have zero mean and unit variance per channel.
 *
 * <p>Functional, like {@code BlockCausalDiT}: the tensors live in a map owned by the caller; every
 * op's result lands in its input's manager, so a forward inside a sub-manager frees with it.
 */
public final class Autoencoder {

    /** Architecture; {@code widths[i]} channels after the {@code i}-th downsampling. */
    public record Spec(int imageSize, int downsample, int latentChannels, int[] widths) {

        public Spec {
            if (downsample < 2 || Integer.bitCount(downsample) != 1) {
                throw new IllegalArgumentException("codec downsample must be a power of two >= 2, was " + downsample);
            }
            if (imageSize < downsample || imageSize % downsample != 0) {
                throw new IllegalArgumentException("codec imageSize " + imageSize + " must be a multiple of downsample "
                        + downsample);
            }
            if (latentChannels < 1 || latentChannels > 1024) {
                throw new IllegalArgumentException("latentChannels must be in [1, 1024], was " + latentChannels);
            }
            if (widths == null || widths.length != Integer.numberOfTrailingZeros(downsample)) {
                throw new IllegalArgumentException("codec widths must list one channel count per 2x downsampling ("
                        + Integer.numberOfTrailingZeros(downsample) + ")");
            }
            for (int w : widths) {
                if (w < 1) {
                    throw new IllegalArgumentException("codec widths must be positive");
                }
            }
            widths = widths.clone();
        }

        /** The codec of the base model: 128 px to an 8x8 grid of 32 channels (64 tokens, 24x fewer values). */
        public static Spec base() {
            return new Spec(128, 16, 32, new int[] {32, 64, 96, 128});
        }

        /**
         * The base architecture for another image size, cell size or channel count: 32, 64, 96, then
         * 128 channels after each 2x downsampling.
         */
        public static Spec of(int imageSize, int downsample, int latentChannels) {
            if (downsample < 2 || Integer.bitCount(downsample) != 1) {
                throw new IllegalArgumentException("codec cell size must be a power of two >= 2, was " + downsample);
            }
            int[] widths = new int[Integer.numberOfTrailingZeros(downsample)];
            int[] base = {32, 64, 96, 128};
            for (int i = 0; i < widths.length; i++) {
                widths[i] = base[Math.min(i, base.length - 1)];
            }
            return new Spec(imageSize, downsample, latentChannels, widths);
        }

        /** Latent cells per side (= tokens per side). */
        public int grid() {
            return imageSize / downsample;
        }

        int levels() {
            return widths.length;
        }

        @Override
        public int[] widths() {
            return widths.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Spec s && s.imageSize == imageSize && s.downsample == downsample
                    && s.latentChannels == latentChannels && java.util.Arrays.equals(s.widths, widths);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(imageSize, downsample, latentChannels, java.util.Arrays.hashCode(widths));
        }

        @Override
        public String toString() {
            return "Spec[imageSize=" + imageSize + ", downsample=" + downsample + ", latentChannels=" + latentChannels
                    + ", widths=" + java.util.Arrays.toString(widths) + "]";
        }
    }

    public static final String LATENT_MEAN = "latent.mean";
    public static final String LATENT_STD = "latent.std";

    private Autoencoder() {
    }

    /** Every tensor name and shape of an autoencoder with this spec. */
    public static Map<String, Shape> expectedShapes(Spec s) {
        Map<String, Shape> m = new LinkedHashMap<>();
        int[] w = s.widths;
        int in = 3;
        for (int i = 0; i < s.levels(); i++) {
            conv(m, "enc." + i, w[i], in, 4);
            in = w[i];
        }
        conv(m, "enc.out", s.latentChannels, in, 3);
        conv(m, "dec.in", w[s.levels() - 1], s.latentChannels, 3);
        for (int i = s.levels() - 1; i >= 1; i--) {
            conv(m, "dec." + i, w[i - 1], w[i], 3);
        }
        conv(m, "dec.out", 3, w[0], 3);
        m.put(LATENT_MEAN, new Shape(s.latentChannels));
        m.put(LATENT_STD, new Shape(s.latentChannels));
        return m;
    }

    private static void conv(Map<String, Shape> m, String name, int out, int in, int k) {
        m.put(name + ".weight", new Shape(out, in, k, k));
        m.put(name + ".bias", new Shape(out));
    }

    /** Fresh weights (He-normal convolutions, zero biases, identity latent statistics) from a seed. */
    public static Map<String, NDArray> init(NDManager manager, Spec s, long seed) {
        Random rng = new Random(seed);
        Map<String, NDArray> t = new LinkedHashMap<>();
        for (Map.Entry<String, Shape> e : expectedShapes(s).entrySet()) {
            Shape shape = e.getValue();
            float[] v = new float[(int) shape.size()];
            if (e.getKey().equals(LATENT_STD)) {
                java.util.Arrays.fill(v, 1f);
            } else if (e.getKey().endsWith(".weight")) {
                double std = Math.sqrt(2.0 / (shape.get(1) * shape.get(2) * shape.get(3)));
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (rng.nextGaussian() * std);
                }
            }
            NDArray a = manager.create(v, shape);
            a.setName(e.getKey());
            t.put(e.getKey(), a);
        }
        return t;
    }

    /**
     * Raw latent (before normalisation) of images {@code x} (B, 3, S, S) in [-1, 1]:
     * (B, latentChannels, grid, grid).
     */
    public static NDArray encodeRaw(Map<String, NDArray> w, Spec s, NDArray x) {
        NDArray h = x;
        for (int i = 0; i < s.levels(); i++) {
            h = silu(conv(h, w, "enc." + i, 2, 1));
        }
        return conv(h, w, "enc.out", 1, 1);
    }

    /** Images (B, 3, S, S) from raw latents (B, C, grid, grid); not clamped. */
    public static NDArray decodeRaw(Map<String, NDArray> w, Spec s, NDArray z) {
        NDArray h = silu(conv(z, w, "dec.in", 1, 1));
        for (int i = s.levels() - 1; i >= 1; i--) {
            h = silu(conv(upsample(h), w, "dec." + i, 1, 1));
        }
        return conv(upsample(h), w, "dec.out", 1, 1);
    }

    /** Normalised latent of images: {@code (encodeRaw - mean) / std} per channel. */
    public static NDArray encode(Map<String, NDArray> w, Spec s, NDArray x) {
        NDArray z = encodeRaw(w, s, x);
        return z.sub(channel(w.get(LATENT_MEAN), z)).div(channel(w.get(LATENT_STD), z));
    }

    /** Images from normalised latents. */
    public static NDArray decode(Map<String, NDArray> w, Spec s, NDArray z) {
        return decodeRaw(w, s, z.mul(channel(w.get(LATENT_STD), z)).add(channel(w.get(LATENT_MEAN), z)));
    }

    /**
     * Sets {@code latent.mean/std} from raw latents (N, C, g, g) of a sample of images, in place, so
     * that encoded tokens are standardised per channel (a floor of 1e-3 keeps a dead channel finite).
     */
    public static void normalise(Map<String, NDArray> w, NDArray rawLatents) {
        long c = rawLatents.getShape().get(1);
        NDArray perChannel = rawLatents.transpose(1, 0, 2, 3).reshape(c, -1); // (C, N g g)
        NDArray mean = perChannel.mean(new int[] {1});
        NDArray std = perChannel.sub(mean.reshape(-1, 1)).square().mean(new int[] {1}).sqrt().maximum(1e-3f);
        w.get(LATENT_MEAN).set(mean.toFloatArray());
        w.get(LATENT_STD).set(std.toFloatArray());
    }

    /**
     * {@code v} as (1, C, 1, 1), owned by {@code like}'s manager: a reshape lands in the weights' manager,
     * which lives as long as the codec, so every encode would otherwise leave two arrays there.
     */
    private static NDArray channel(NDArray v, NDArray like) {
        NDArray r = v.reshape(1, -1, 1, 1);
        r.attach(like.getManager());
        return r;
    }

    private static NDArray conv(NDArray x, Map<String, NDArray> w, String name, int stride, int pad) {
        return Conv2d.conv2d(x, w.get(name + ".weight"), w.get(name + ".bias"), new Shape(stride, stride),
                new Shape(pad, pad), new Shape(1, 1), 1).singletonOrThrow();
    }

    /** Nearest-neighbour 2x (each value repeated along height and width). */
    private static NDArray upsample(NDArray x) {
        return x.repeat(2, 2).repeat(3, 2);
    }

    private static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }
}
