package studio.vincie.bench;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.model.Cancellation;
import studio.vincie.model.EditModel;
import studio.vincie.model.EditProgress;
import studio.vincie.model.EditRequest;
import studio.vincie.model.EditResult;

/**
 * Runs a model over benchmark sessions the way the editor runs a session: every turn is an
 * {@link EditRequest} whose history holds the model's OWN earlier outputs (and the masks it predicted,
 * or the user masks it was given), so errors carry over from turn to turn. Each output is judged
 * against the ground truth of its turn and against the image it was edited from.
 */
public final class BenchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BenchRunner.class);

    /**
     * @param givenMasks pass the ground-truth current region as the user mask (controllable editing)
     * @param seed       sampler seed of the first turn; later turns and sessions derive theirs from it
     */
    public record Options(boolean givenMasks, int steps, float guidance, long seed) {
        public Options {
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be at least 1, was " + steps);
            }
            if (guidance < 0) {
                throw new IllegalArgumentException("guidance must be >= 0, was " + guidance);
            }
        }
    }

    private final EditModel model;
    private final TurnJudge judge;
    private final Options options;

    public BenchRunner(EditModel model, TurnJudge judge, Options options) {
        this.model = model;
        this.judge = judge;
        this.options = options;
    }

    /** Runs every session; {@code afterSession} is told when each one is done (for a progress bar). */
    public List<TurnOutcome> run(List<BenchSession> sessions, Consumer<BenchSession> afterSession) {
        List<TurnOutcome> outcomes = new ArrayList<>();
        for (int s = 0; s < sessions.size(); s++) {
            BenchSession session = sessions.get(s);
            outcomes.addAll(runSession(session, options.seed() + 1_000L * s));
            afterSession.accept(session);
        }
        return outcomes;
    }

    List<TurnOutcome> runSession(BenchSession session, long sessionSeed) {
        List<TurnOutcome> outcomes = new ArrayList<>();
        List<EditRequest.PriorTurn> history = new ArrayList<>();
        BufferedImage current = session.source();
        for (int k = 0; k < session.turns().size(); k++) {
            TurnTruth truth = session.turns().get(k);
            BufferedImage userMask = options.givenMasks() ? truth.currentMask() : null;
            EditRequest request = new EditRequest(session.source(), history, truth.instruction(), userMask,
                    sessionSeed + k, options.steps(), options.guidance());
            if (model instanceof GroundTruthAware aware) {
                aware.reveal(truth);
            }
            long start = System.nanoTime();
            EditResult result = model.edit(request, EditProgress.NONE, Cancellation.NEVER);
            double seconds = (System.nanoTime() - start) / 1e9;
            BufferedImage output = result.image();
            TurnVerdict verdict = judge.judge(output, current, truth);
            if (!verdict.succeeded()) {
                LOG.debug("{} turn {} ({}) '{}' failed: {}", session.id(), k + 1, truth.category(),
                        truth.instruction(), verdict.reasons());
            }
            outcomes.add(new TurnOutcome(session.id(), k + 1, truth.category(), truth.instruction(), verdict,
                    ImageMetrics.l1(output, truth.image()), ImageMetrics.psnr(output, truth.image()),
                    ImageMetrics.highFrequencyExcess(output, truth.image()),
                    iou(result.currentMask(), truth.currentMask()), iou(result.nextMask(), truth.nextMask()),
                    seconds));
            // The user mask, when given, is what the editor records as Ck; otherwise the model's own prediction.
            BufferedImage recordedCurrent = userMask != null ? userMask : result.currentMask();
            history.add(new EditRequest.PriorTurn(truth.instruction(), recordedCurrent, result.nextMask(), output));
            current = output;
        }
        return outcomes;
    }

    /** IoU of a predicted mask with the truth; null when either is missing. */
    private static Double iou(BufferedImage predicted, BufferedImage truth) {
        if (predicted == null || truth == null) {
            return null;
        }
        return ImageMetrics.maskIou(predicted, truth);
    }
}
