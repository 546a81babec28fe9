package studio.vincie.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import ai.djl.util.JsonUtils;

/** Options that change the numbers are part of a run's identity; older checkpoints stay readable. */
class TrainOptionsTest {

    private static TrainOptions withLowNoise(TrainOptions o, float share) {
        return new TrainOptions(o.preset(), o.steps(), o.batch(), o.lr(), o.warmupSteps(), o.minLrRatio(),
                o.weightDecay(), o.clipNorm(), o.emaDecay(), o.seed(), o.maxTargets(), o.maskWeight(), o.editBoost(),
                share, o.lossTFloor(), o.maxVocab(), o.valEvery(), o.valSessions(), o.checkpointMinutes(), o.minutes(),
                o.stopAtStep(), o.queueSize(), o.progressBar());
    }

    @Test
    void aDifferentLowNoiseShareIsAnotherRun() {
        TrainOptions base = TrainOptions.defaults("base");
        assertThat(base.lowNoiseShare()).isZero();
        assertThat(base.sameRun(withLowNoise(base, 0f))).isNull();
        assertThat(withLowNoise(base, 0.3f).sameRun(base)).contains("lowNoiseShare=0");
        assertThatThrownBy(() -> withLowNoise(base, 1.5f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--low-noise-share");
    }

    @Test
    void aDifferentMaskWeightIsAnotherRunAndANegativeOneIsRefused() {
        TrainOptions base = TrainOptions.defaults("base");
        assertThat(base.maskWeight()).isEqualTo(1f);
        TrainOptions light = withMaskWeight(base, 0.2f);
        assertThat(light.sameRun(base)).contains("maskWeight=1");
        assertThatThrownBy(() -> withMaskWeight(base, -1f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--mask-weight");
    }

    private static TrainOptions withMaskWeight(TrainOptions o, float weight) {
        return new TrainOptions(o.preset(), o.steps(), o.batch(), o.lr(), o.warmupSteps(), o.minLrRatio(),
                o.weightDecay(), o.clipNorm(), o.emaDecay(), o.seed(), o.maxTargets(), weight, o.editBoost(),
                o.lowNoiseShare(), o.lossTFloor(), o.maxVocab(), o.valEvery(), o.valSessions(), o.checkpointMinutes(),
                o.minutes(), o.stopAtStep(), o.queueSize(), o.progressBar());
    }

    private static TrainOptions withLossFloor(TrainOptions o, float floor) {
        return new TrainOptions(o.preset(), o.steps(), o.batch(), o.lr(), o.warmupSteps(), o.minLrRatio(),
                o.weightDecay(), o.clipNorm(), o.emaDecay(), o.seed(), o.maxTargets(), o.maskWeight(), o.editBoost(),
                o.lowNoiseShare(), floor, o.maxVocab(), o.valEvery(), o.valSessions(), o.checkpointMinutes(),
                o.minutes(), o.stopAtStep(), o.queueSize(), o.progressBar());
    }

    @Test
    void aCheckpointWrittenBeforeTheOptionsExistedReadsAsBeforeAndResumes() {
        TrainOptions now = TrainOptions.defaults("base");
        JsonObject json = JsonUtils.GSON.toJsonTree(now).getAsJsonObject();
        json.remove("lowNoiseShare");
        json.remove("lossTFloor");
        TrainOptions old = JsonUtils.GSON.fromJson(json, TrainOptions.class);
        assertThat(old.lowNoiseShare()).isZero();
        assertThat(old.lossTFloor()).isEqualTo(0.05f);
        // new runs weight every noise level alike, so resuming an old run needs its floor given again
        assertThat(now.sameRun(old)).contains("lossTFloor=0.05");
        assertThat(withLossFloor(now, 0.05f).sameRun(old)).isNull();
    }
}
