package studio.vincie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import studio.vincie.data.world.StudioSession;
import studio.vincie.data.world.StudioTurn;

/**
 * The benchmark asks nothing its instructions leave open: answering every turn with what the
 * instruction states (an added object at its stated place, a new sky with the horizon kept) succeeds at
 * every turn. Before added objects landed at their stated places, this answer passed 2% of "add"
 * turns and success@1 was 0.896 on 1,000 sessions, below the target of 0.90.
 */
class InstructionCeilingTest {

    @Test
    void theStatedAnswerSucceedsAtEveryTurn() {
        TurnJudge judge = new TurnJudge(JudgeTolerances.DEFAULT);
        int adds = 0;
        for (int i = 0; i < 24; i++) {
            StudioSession s = StudioBenchSessions.studio(7, i, 5, 128);
            List<TurnVerdict> verdicts = InstructionCeiling.judge(s, judge);
            for (int k = 0; k < verdicts.size(); k++) {
                StudioTurn t = s.turns().get(k);
                adds += t.category().label().equals("add") ? 1 : 0;
                assertThat(verdicts.get(k).succeeded()).as("session %d turn %d (%s): %s", i, k + 1, t.text(),
                        verdicts.get(k).reasons()).isTrue();
            }
        }
        assertThat(adds).as("add turns among the 120").isGreaterThan(3);
    }
}
