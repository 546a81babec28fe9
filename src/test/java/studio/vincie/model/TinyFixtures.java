package studio.vincie.model;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import studio.vincie.model.codec.PatchCodec;
import studio.vincie.model.pack.SessionExample;
import studio.vincie.model.text.Tokenizer;

/** Shared tiny-config inputs for the model tests: fixed seeds, random-noise images and block masks. */
public final class TinyFixtures {

    public static final List<String> CAPTIONS = List.of("make the red circle blue", "move the square left",
            "add a green triangle", "remove the circle", "make the sky dark");

    private TinyFixtures() {
    }

    /** Grad mode off and one intra-op thread: tiny ops on a shared 2-core machine (see InferenceThreads). */
    public static void prepareEngine() {
        InferenceThreads.setIntraOpThreads(1);
        InferenceThreads.prepare();
    }

    public static Tokenizer tokenizer() {
        return Tokenizer.build(CAPTIONS, 64, 6);
    }

    public static ModelConfig config() {
        return ModelConfig.tiny(tokenizer().vocabSize());
    }

    public static PatchCodec codec(ModelConfig c) {
        return PatchCodec.of(c);
    }

    public static BufferedImage noiseImage(int size, long seed) {
        Random rng = new Random(seed);
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, rng.nextInt(1 << 24));
            }
        }
        return img;
    }

    /** White square at a seeded place on black. */
    public static BufferedImage blockMask(int size, long seed) {
        Random rng = new Random(seed);
        BufferedImage m = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        int x0 = rng.nextInt(size / 2);
        int y0 = rng.nextInt(size / 2);
        for (int y = y0; y < y0 + size / 3; y++) {
            for (int x = x0; x < x0 + size / 3; x++) {
                m.getRaster().setSample(x, y, 0, 255);
            }
        }
        return m;
    }

    /** A session of {@code turns} turns with both masks on every turn. */
    public static SessionExample session(ModelConfig c, int turns, long seed) {
        List<BufferedImage> images = new ArrayList<>();
        List<String> instr = new ArrayList<>();
        List<BufferedImage> cur = new ArrayList<>();
        List<BufferedImage> next = new ArrayList<>();
        images.add(noiseImage(c.imageSize(), seed));
        for (int k = 1; k <= turns; k++) {
            images.add(noiseImage(c.imageSize(), seed * 31 + k));
            instr.add(CAPTIONS.get((int) ((seed + k) % CAPTIONS.size())));
            cur.add(blockMask(c.imageSize(), seed * 7 + k));
            next.add(blockMask(c.imageSize(), seed * 13 + k));
        }
        return SessionExample.encode(images, instr, cur, next, codec(c), tokenizer());
    }
}
