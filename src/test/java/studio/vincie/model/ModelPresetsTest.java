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
        assertThat(parameters(ModelConfig.preset("base", 169))).isEqualTo(9_377_536L);
        ModelConfig small = ModelConfig.preset("small", 169);
        assertThat(parameters(small)).isEqualTo(2_260_992L);
        // same images, tokens and sampler as base: only the transformer is smaller
        ModelConfig base = ModelConfig.base(169);
        assertThat(small.gridTokens()).isEqualTo(base.gridTokens());
        assertThat(small.maskTokens()).isEqualTo(base.maskTokens());
        assertThat(small.textLength()).isEqualTo(base.textLength());
        assertThat(small.defaultSteps()).isEqualTo(base.defaultSteps());
        // over the 32-channel learned codec only the image projections shrink
        assertThat(parameters(base.withLatentChannels(32))).isEqualTo(8_057_888L);
        assertThatThrownBy(() -> ModelConfig.preset("huge", 169)).hasMessageContaining("use tiny, small or base");
    }
}
