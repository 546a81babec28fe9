package studio.vincie.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The learned codec as the model sees it: token layout, memoised encodings, masks as pixel patches. */
class LearnedCodecTest {

    @Test
    void tokensAreTheLatentCellsInGridOrder() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> w = Autoencoder.init(m, AutoencoderTest.TINY, 4);
            LearnedCodec codec = new LearnedCodec(AutoencoderTest.TINY, w, m, 16);
            assertThat(codec.tokens()).isEqualTo(16);
            assertThat(codec.imageTokenDim()).isEqualTo(4);
            BufferedImage img = picture(32, Color.ORANGE);
            float[] tokens = codec.encodeImage(img);
            NDArray z = Autoencoder.encode(w, AutoencoderTest.TINY,
                    m.create(CodecImages.planar(img, 32), new Shape(1, 3, 32, 32))); // (1, C, 4, 4)
            for (int row = 0; row < 4; row++) {
                for (int col = 0; col < 4; col++) {
                    for (int c = 0; c < 4; c++) {
                        assertThat(tokens[(row * 4 + col) * 4 + c]).isEqualTo(z.getFloat(0, c, row, col));
                    }
                }
            }
            BufferedImage back = codec.decodeImage(tokens);
            assertThat(back.getWidth()).isEqualTo(32);
            assertThatThrownBy(() -> codec.decodeImage(new float[5])).hasMessageContaining("codec expects 64");
        }
    }

    @Test
    void encodingsAreMemoisedByContentAndReturnedAsCopies() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> w = Autoencoder.init(m, AutoencoderTest.TINY, 5);
            LearnedCodec codec = new LearnedCodec(AutoencoderTest.TINY, w, m, 16);
            float[] a = codec.encodeImage(picture(32, Color.ORANGE));
            a[0] = 1e9f; // a caller scribbling on its copy must not reach the cache
            float[] again = codec.encodeImage(picture(32, Color.ORANGE));
            assertThat(again[0]).isNotEqualTo(1e9f);
            assertThat(codec.encodeImage(picture(32, Color.ORANGE))).containsExactly(again);
            assertThat(codec.encodeImage(picture(32, Color.BLUE))).isNotEqualTo(again);
            // other sizes are resized first, like PatchCodec
            assertThat(codec.encodeImage(picture(64, Color.ORANGE))).hasSize(64);
            // with the network gone, a seen image still comes from the cache; an unseen one cannot
            w.values().forEach(NDArray::close);
            assertThat(codec.encodeImage(picture(32, Color.ORANGE))).containsExactly(again);
            assertThatThrownBy(() -> codec.encodeImage(picture(32, Color.GREEN))).isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void encodingAndDecodingLeaveNothingBehindInTheWeightsManager() {
        try (NDManager m = NDManager.newBaseManager(); NDManager wm = m.newSubManager()) {
            LearnedCodec codec = new LearnedCodec(AutoencoderTest.TINY, Autoencoder.init(wm, AutoencoderTest.TINY, 8), wm, 16);
            codec.decodeImage(codec.encodeImage(picture(32, Color.RED))); // warm-up
            int before = wm.getManagedArrays().size();
            for (Color c : new Color[] {Color.ORANGE, Color.GREEN, Color.MAGENTA}) {
                codec.decodeImage(codec.encodeImage(picture(32, c)));
            }
            assertThat(wm.getManagedArrays()).hasSize(before);
        }
    }

    @Test
    void masksStayPixelPatches() {
        try (NDManager m = NDManager.newBaseManager()) {
            LearnedCodec codec = new LearnedCodec(AutoencoderTest.TINY, Autoencoder.init(m, AutoencoderTest.TINY, 6), m, 16);
            PatchCodec patches = new PatchCodec(32, 8, 16);
            BufferedImage mask = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
            mask.getRaster().setSample(3, 5, 0, 255);
            assertThat(codec.maskTokens()).isEqualTo(4);
            assertThat(codec.encodeMask(mask)).containsExactly(patches.encodeMask(mask));
        }
    }

    static BufferedImage picture(int size, Color object) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(90, 140, 200));
        g.fillRect(0, 0, size, size);
        g.setColor(object);
        g.fillOval(size / 4, size / 4, size / 2, size / 3);
        g.dispose();
        return img;
    }
}
