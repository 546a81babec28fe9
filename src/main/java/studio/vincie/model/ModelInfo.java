package studio.vincie.model;

import java.util.Objects;

/**
 * Identity of a loaded model: a stable id recorded with each turn, a display name, the domain it was
 * trained on (from its model card) and the default sampler settings.
 */
public record ModelInfo(String id, String displayName, String domain, int defaultSteps, float defaultGuidance) {

    public ModelInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        domain = domain == null ? "" : domain;
        if (defaultSteps < 1) {
            throw new IllegalArgumentException("defaultSteps must be at least 1, was " + defaultSteps);
        }
        if (defaultGuidance < 0) {
            throw new IllegalArgumentException("defaultGuidance must be >= 0, was " + defaultGuidance);
        }
    }
}
