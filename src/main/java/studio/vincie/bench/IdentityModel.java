package studio.vincie.bench;

import studio.vincie.model.Cancellation;
import studio.vincie.model.EditModel;
import studio.vincie.model.EditProgress;
import studio.vincie.model.EditRequest;
import studio.vincie.model.EditResult;
import studio.vincie.model.ModelInfo;

/**
 * The lower reference of the benchmark: returns the image it was given, unchanged and without masks.
 * Perfectly consistent and never follows an instruction, so the judge must score it near 0.
 */
public final class IdentityModel implements EditModel {

    @Override
    public ModelInfo info() {
        return new ModelInfo("identity", "Identity (returns its input)", "any", 1, 0f);
    }

    @Override
    public EditResult edit(EditRequest request, EditProgress progress, Cancellation cancellation) {
        cancellation.check();
        progress.step(1, 1);
        return new EditResult(request.currentImage(), null, null);
    }
}
