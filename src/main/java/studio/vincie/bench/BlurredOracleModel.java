package studio.vincie.bench;

import java.awt.image.BufferedImage;

import studio.vincie.model.ModelInfo;

/**
 * A calibration reference for the judge ({@code --model oracle-blur:SIGMA}): the ground truth blurred
 * with a Gaussian of the given sigma, i.e. an edit that is right but soft, as a small pixel-space model
 * tends to produce. Shows how much softness the tolerances forgive.
 */
public final class BlurredOracleModel extends DegradedOracle {

    private final double sigma;

    public BlurredOracleModel(double sigma) {
        if (!(sigma > 0 && sigma <= 10)) {
            throw new IllegalArgumentException("oracle-blur sigma must be in (0, 10] pixels, was " + sigma);
        }
        this.sigma = sigma;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("oracle-blur:" + sigma, "Ground truth blurred (sigma " + sigma + " px)", "studio world", 1, 0f);
    }

    @Override
    protected BufferedImage degrade(BufferedImage truth) {
        return ImageMetrics.gaussianBlur(truth, sigma);
    }
}
