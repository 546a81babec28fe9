package studio.vincie.bench;

/**
 * Implemented by reference models that are allowed to see the answer (the oracle): the runner reveals
 * the ground truth of a turn right before asking for it. Real models never implement this.
 */
public interface GroundTruthAware {

    void reveal(TurnTruth truth);
}
