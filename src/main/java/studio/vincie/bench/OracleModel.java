package studio.vincie.bench;

import studio.vincie.model.Cancellation;
import studio.vincie.model.EditModel;
import studio.vincie.model.EditProgress;
import studio.vincie.model.EditRequest;
import studio.vincie.model.EditResult;
import studio.vincie.model.ModelInfo;

/**
 * The upper reference of the benchmark: returns the ground-truth image and region masks of the turn it
 * is asked for. It validates the judge, which must give it 1.0 at every turn.
 */
public final class OracleModel implements EditModel, GroundTruthAware {

    private TurnTruth truth;

    @Override
    public ModelInfo info() {
        return new ModelInfo("oracle", "Ground-truth oracle", "studio world", 1, 0f);
    }

    @Override
    public void reveal(TurnTruth turn) {
        this.truth = turn;
    }

    @Override
    public EditResult edit(EditRequest request, EditProgress progress, Cancellation cancellation) {
        if (truth == null) {
            throw new IllegalStateException("the oracle answers benchmark turns only; reveal the ground truth first");
        }
        cancellation.check();
        TurnTruth answer = truth;
        truth = null;
        progress.step(1, 1);
        return new EditResult(answer.image(), answer.currentMask(), answer.nextMask());
    }
}
