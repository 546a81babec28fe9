package studio.vincie.model.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The learned codec's network: shapes, locality of the latent grid, and the latent statistics. */
class AutoencoderTest {

    static final Autoencoder.Spec TINY = new Autoencoder.Spec(32, 8, 4, new int[] {8, 12, 16});

    @Test
    void encodesToOneCellPerPatchAndDecodesBackToTheImageShape() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> w = Autoencoder.init(m, TINY, 1);
            NDArray x = m.randomUniform(-1f, 1f, new Shape(2, 3, 32, 32));
            NDArray z = Autoencoder.encodeRaw(w, TINY, x);
            assertThat(z.getShape()).isEqualTo(new Shape(2, 4, 4, 4));
            assertThat(Autoencoder.decodeRaw(w, TINY, z).getShape()).isEqualTo(new Shape(2, 3, 32, 32));
            assertThat(Autoencoder.expectedShapes(TINY).keySet()).containsExactlyElementsOf(w.keySet());
        }
    }

    @Test
    void aLatentCellDependsOnlyOnPixelsNearItsPatch() {
        // Changing the bottom-right 8x8 patch must leave the top-left cells alone: tokens stay local,
        // as pixel patches are, so the transformer's grid positions keep their meaning.
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> w = Autoencoder.init(m, TINY, 2);
            float[] pixels = m.randomUniform(-1f, 1f, new Shape(1, 3, 32, 32)).toFloatArray();
            float[] changed = pixels.clone();
            for (int c = 0; c < 3; c++) {
                for (int y = 24; y < 32; y++) {
                    for (int x = 24; x < 32; x++) {
                        changed[c * 1024 + y * 32 + x] = -pixels[c * 1024 + y * 32 + x];
                    }
                }
            }
            NDArray a = Autoencoder.encodeRaw(w, TINY, m.create(pixels, new Shape(1, 3, 32, 32)));
            NDArray b = Autoencoder.encodeRaw(w, TINY, m.create(changed, new Shape(1, 3, 32, 32)));
            NDArray diff = a.sub(b).abs().sum(new int[] {0, 1}); // (4, 4) per cell
            assertThat(diff.getFloat(0, 0)).isZero();
            assertThat(diff.getFloat(0, 1)).isZero();
            assertThat(diff.getFloat(1, 0)).isZero();
            assertThat(diff.getFloat(3, 3)).isPositive();
        }
    }

    @Test
    void normaliseStandardisesEveryLatentChannel() {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> w = Autoencoder.init(m, TINY, 3);
            NDArray x = m.randomUniform(-1f, 1f, new Shape(6, 3, 32, 32));
            Autoencoder.normalise(w, Autoencoder.encodeRaw(w, TINY, x));
            NDArray z = Autoencoder.encode(w, TINY, x).transpose(1, 0, 2, 3).reshape(4, -1);
            float[] mean = z.mean(new int[] {1}).toFloatArray();
            float[] var = z.square().mean(new int[] {1}).toFloatArray();
            for (int c = 0; c < 4; c++) {
                assertThat(mean[c]).isCloseTo(0f, within(1e-4f));
                assertThat(var[c]).isCloseTo(1f, within(1e-3f));
            }
            // decode undoes the normalisation: same image as the raw path
            NDArray viaNormalised = Autoencoder.decode(w, TINY, Autoencoder.encode(w, TINY, x));
            NDArray viaRaw = Autoencoder.decodeRaw(w, TINY, Autoencoder.encodeRaw(w, TINY, x));
            assertThat(viaNormalised.sub(viaRaw).abs().max().getFloat()).isLessThan(1e-4f);
        }
    }

    @Test
    void theBaseArchitectureScalesToOtherCellSizes() {
        assertThat(Autoencoder.Spec.of(128, 16, 32)).isEqualTo(Autoencoder.Spec.base());
        assertThat(Autoencoder.Spec.of(32, 8, 4).widths()).containsExactly(32, 64, 96);
        assertThat(Autoencoder.Spec.of(128, 32, 4).widths()).containsExactly(32, 64, 96, 128, 128);
    }

    @Test
    void specRejectsSizesThatDoNotDivide() {
        assertThatThrownBy(() -> new Autoencoder.Spec(30, 8, 4, new int[] {8, 12, 16}))
                .hasMessageContaining("multiple of downsample 8");
        assertThatThrownBy(() -> new Autoencoder.Spec(32, 8, 4, new int[] {8, 12}))
                .hasMessageContaining("one channel count per 2x downsampling (3)");
        assertThatThrownBy(() -> new Autoencoder.Spec(32, 6, 4, new int[] {8}))
                .hasMessageContaining("power of two");
    }
}
