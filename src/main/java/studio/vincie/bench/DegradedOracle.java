package studio.vincie.bench;

import java.awt.image.BufferedImage;

import studio.vincie.model.Cancellation;
import studio.vincie.model.EditModel;
import studio.vincie.model.EditProgress;
import studio.vincie.model.EditRequest;
import studio.vincie.model.EditResult;

/**
 * A calibration reference: the {@link OracleModel}'s answer with its image degraded in one known way
 * (blurred, passed through a codec), masks unchanged. Shows what that degradation alone costs on the
 * benchmark.
 */
abstract class DegradedOracle implements EditModel, GroundTruthAware {

    private final OracleModel oracle = new OracleModel();

    /** The ground-truth image as this reference returns it (same size). */
    protected abstract BufferedImage degrade(BufferedImage truth);

    @Override
    public final void reveal(TurnTruth truth) {
        oracle.reveal(truth);
    }

    @Override
    public final EditResult edit(EditRequest request, EditProgress progress, Cancellation cancellation) {
        EditResult exact = oracle.edit(request, progress, cancellation);
        return new EditResult(degrade(exact.image()), exact.currentMask(), exact.nextMask());
    }
}
