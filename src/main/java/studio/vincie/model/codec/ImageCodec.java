package studio.vincie.model.codec;

import java.awt.image.BufferedImage;

/**
 * Turns pixels into the token values the transformer sees and back. Images give {@code tokens() x
 * imageTokenDim()} floats, masks {@code tokens() x maskTokenDim()} floats, both row-major in token
 * order (grid row, then grid column) and roughly in [-1, 1]. Inputs of another size are resized to
 * the codec's square resolution first.
 */
public interface ImageCodec extends AutoCloseable {

    /** Tokens of an image. */
    int tokens();

    /** Tokens of a mask (may be coarser than an image). */
    int maskTokens();

    int imageTokenDim();

    int maskTokenDim();

    float[] encodeImage(BufferedImage image);

    BufferedImage decodeImage(float[] values);

    /** Grayscale mask, white (255) = region, to values in [-1, 1]. */
    float[] encodeMask(BufferedImage mask);

    BufferedImage decodeMask(float[] values);

    /** Frees what the codec holds (a learned codec's tensors); pixel patches hold nothing. */
    @Override
    default void close() {
    }
}
