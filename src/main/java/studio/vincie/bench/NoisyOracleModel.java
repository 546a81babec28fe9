package studio.vincie.bench;

import java.awt.image.BufferedImage;
import java.util.Random;

import studio.vincie.model.ModelInfo;

/**
 * A calibration reference for the judge ({@code --model oracle-noise:AMOUNT}): the ground truth with
 * every channel of every pixel moved by a uniform integer in {@code [-AMOUNT, AMOUNT]} (0..255,
 * clamped), the same draws on every run. An edit that is right but grainy: shows how much pixel noise
 * the tolerances forgive and what the noise figure ({@link ImageMetrics#highFrequency}) reads for it.
 */
public final class NoisyOracleModel extends DegradedOracle {

    private final int amount;
    private final Random random = new Random(1);

    public NoisyOracleModel(int amount) {
        if (amount < 1 || amount > 128) {
            throw new IllegalArgumentException("oracle-noise amount must be 1..128 (of 255), was " + amount);
        }
        this.amount = amount;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("oracle-noise:" + amount, "Ground truth plus uniform noise of +-" + amount + " of 255",
                "studio world", 1, 0f);
    }

    @Override
    protected BufferedImage degrade(BufferedImage truth) {
        return addNoise(truth, amount, random);
    }

    /** {@code src} with every channel moved by a uniform integer in [-amount, amount], clamped to 0..255. */
    static BufferedImage addNoise(BufferedImage src, int amount, Random random) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int p = src.getRGB(x, y);
                int rgb = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int c = ((p >> shift) & 255) + random.nextInt(2 * amount + 1) - amount;
                    rgb = (rgb << 8) | Math.max(0, Math.min(255, c));
                }
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }
}
