package studio.vincie.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.types.Shape;
import studio.vincie.model.nn.DitWeights;

/** The presets by name, with the parameter counts the docs and model card state. */
class ModelPresetsTest {

    private static long parameters(ModelConfig c) {
        return DitWeights.expectedShapes(c).values().stream().mapToLong(Shape::size).sum();
    }

    @Test
    void presetsHaveTheDocumentedSizes() {
        // base and small: text modulation (65,792 at base: a width x width projection and its bias),
        // no noisy skip (257 at base: a gate of width + 1), which left noise in the outputs
        assertThat(parameters(ModelConfig.preset("base", 169).withTextModulation(false))).isEqualTo(9_377_536L);
        assertThat(parameters(ModelConfig.preset("base", 169))).isEqualTo(9_377_536L + 65_792);
        assertThat(parameters(ModelConfig.preset("base", 169).withNoisySkip(true))).isEqualTo(9_377_536L + 257 + 65_792);
        ModelConfig small = ModelConfig.preset("small", 169);
        assertThat(parameters(small)).isEqualTo(2_260_992L + 16_512);
        // same images, tokens and sampler as base: only the transformer is smaller
        ModelConfig base = ModelConfig.base(169);
        assertThat(small.gridTokens()).isEqualTo(base.gridTokens());
        assertThat(small.maskTokens()).isEqualTo(base.maskTokens());
        assertThat(small.textLength()).isEqualTo(base.textLength());
        assertThat(small.defaultSteps()).isEqualTo(base.defaultSteps());
        // over the 32-channel learned codec only the image projections shrink
        assertThat(parameters(base.withLatentChannels(32))).isEqualTo(8_057_888L + 65_792);
        assertThatThrownBy(() -> ModelConfig.preset("huge", 169)).hasMessageContaining("use tiny, small or base");
    }
}
