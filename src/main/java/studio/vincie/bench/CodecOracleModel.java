package studio.vincie.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import studio.vincie.model.ModelInfo;
import studio.vincie.model.codec.CodecImages;
import studio.vincie.model.codec.LearnedCodec;
import studio.vincie.model.io.CodecFolder;

/**
 * The ceiling of a learned codec ({@code --model oracle-codec:DIR}): the ground truth encoded and decoded
 * by the codec in {@code DIR} (a {@code vincie train-codec} folder or a model folder that carries one), as
 * if a transformer predicted the perfect latent. Pixel patches are lossless, so their ceiling is the
 * plain oracle; this shows what the learned codec alone costs on the benchmark.
 */
public final class CodecOracleModel extends DegradedOracle {

    private final LearnedCodec codec;
    private final String name;

    public CodecOracleModel(Path folder) {
        this.codec = CodecFolder.open(folder);
        this.name = "oracle-codec:" + folder.getFileName();
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(name, "Ground truth through the learned codec " + codec.spec(), "studio world", 1, 0f);
    }

    @Override
    protected BufferedImage degrade(BufferedImage truth) {
        BufferedImage coded = codec.decodeImage(codec.encodeImage(truth)); // at the codec's size
        return CodecImages.scaled(coded, truth.getWidth(), truth.getHeight(), BufferedImage.TYPE_INT_RGB);
    }

    @Override
    public void close() {
        codec.close();
    }
}
