package studio.vincie.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import studio.vincie.model.Cancellation;
import studio.vincie.model.EditModel;
import studio.vincie.model.EditProgress;
import studio.vincie.model.EditRequest;
import studio.vincie.model.EditResult;
import studio.vincie.model.ModelInfo;
import studio.vincie.model.codec.LearnedCodec;
import studio.vincie.model.io.CodecFolder;

/**
 * The ceiling of a learned codec ({@code --model oracle-codec:DIR}): the ground truth encoded and decoded
 * by the codec in {@code DIR} (a {@code vincie train-codec} folder or a model folder that carries one), as
 * if a transformer predicted the perfect latent. Pixel patches are lossless, so their ceiling is the
 * plain oracle; this shows what the learned codec alone costs on the benchmark.
 */
public final class CodecOracleModel implements EditModel, GroundTruthAware {

    private final OracleModel oracle = new OracleModel();
    private final LearnedCodec codec;
    private final String name;

    public CodecOracleModel(Path folder) {
        this.codec = CodecFolder.open(folder, CodecFolder.readSpec(folder).downsample());
        this.name = "oracle-codec:" + folder.getFileName();
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(name, "Ground truth through the learned codec " + codec.spec(), "studio world", 1, 0f);
    }

    @Override
    public void reveal(TurnTruth truth) {
        oracle.reveal(truth);
    }

    @Override
    public EditResult edit(EditRequest request, EditProgress progress, Cancellation cancellation) {
        EditResult exact = oracle.edit(request, progress, cancellation);
        BufferedImage truth = exact.image();
        BufferedImage coded = codec.decodeImage(codec.encodeImage(truth));
        return new EditResult(scaled(coded, truth.getWidth(), truth.getHeight()), exact.currentMask(), exact.nextMask());
    }

    private static BufferedImage scaled(BufferedImage img, int w, int h) {
        if (img.getWidth() == w && img.getHeight() == h) {
            return img;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    @Override
    public void close() {
        codec.close();
    }
}
