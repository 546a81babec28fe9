package studio.vincie.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import studio.vincie.data.world.EditCategory;
import studio.vincie.data.world.RenderedScene;
import studio.vincie.data.world.Scene;
import studio.vincie.data.world.SceneObject;
import studio.vincie.data.world.SceneRenderer;
import studio.vincie.data.world.StudioSession;
import studio.vincie.data.world.StudioTurn;
import studio.vincie.model.Cancellation;
import studio.vincie.model.EditModel;
import studio.vincie.model.EditProgress;
import studio.vincie.model.EditRequest;
import studio.vincie.model.EditResult;
import studio.vincie.model.ModelInfo;

/** The judge validated on generated studio sessions, as the issue asks. */
class StudioBenchTest {

    private static final long SEED = 11;
    private static final int SESSIONS = 40;
    private static final int TURNS = 5;
    private static final int SIZE = 128;

    private static final List<StudioSession> STUDIO = new ArrayList<>();
    private static final List<BenchSession> SET = new ArrayList<>();

    @BeforeAll
    static void generate() {
        for (int i = 0; i < SESSIONS; i++) {
            StudioSession s = StudioBenchSessions.studio(SEED, i, TURNS, SIZE);
            STUDIO.add(s);
            SET.add(StudioBenchSessions.fromStudio("t" + i, s));
        }
    }

    @Test
    void setCoversAtLeastTenCategories() {
        Set<String> categories = new HashSet<>();
        SET.forEach(s -> s.turns().forEach(t -> categories.add(t.category())));
        assertThat(categories).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void oracleScoresOneAtEveryTurn() {
        BenchReport r = run(new OracleModel());
        assertThat(r.successAt()).hasSize(TURNS).allMatch(v -> v == 1.0);
        assertThat(r.currentMaskIou()).allMatch(v -> v == 1.0);
    }

    @Test
    void identityScoresAtMostFivePercentAtTurnOne() {
        BenchReport r = run(new IdentityModel());
        assertThat(r.successAt().get(0)).isLessThanOrEqualTo(0.05);
        assertThat(r.consistentRate()).allMatch(v -> v == 1.0);
    }

    @Test
    void recoloringTheWrongObjectFails() {
        ScriptedModel wrong = new ScriptedModel((session, turn, gt) -> {
            if (turn.category() != EditCategory.RECOLOR) {
                return gt;
            }
            String target = turn.event().subjects().get(0);
            SceneObject recolored = turn.after().object(target);
            Scene scene = turn.after().replace(turn.before().object(target));
            for (SceneObject other : scene.objects()) {
                if (!other.id().equals(target)) {
                    return SceneRenderer.render(scene.replace(other.withColor(recolored.color())), SIZE, SIZE);
                }
            }
            return gt;
        });
        List<TurnOutcome> outcomes = runOutcomes(wrong);
        List<TurnOutcome> recolors = outcomes.stream().filter(o -> o.category().equals("recolor")).toList();
        assertThat(recolors).isNotEmpty().allMatch(o -> !o.verdict().succeeded());
        assertThat(recolors).allMatch(o -> !o.verdict().follows());
    }

    @Test
    void followingTheInstructionButDamagingTheBackgroundFailsConsistency() {
        Set<String> damaged = new HashSet<>();
        int[] lastBlock = {-1, -1};
        ScriptedModel smudger = new ScriptedModel((session, turn, gt) -> {
            if (turn.number() == 1) {
                lastBlock[0] = -1;
            }
            if (!turn.category().isLocal()) {
                return gt;
            }
            BufferedImage out = smudge(gt, turn, lastBlock);
            if (out != gt) {
                damaged.add("t" + session + "/" + turn.number());
            }
            return out;
        });
        List<TurnOutcome> outcomes = runOutcomes(smudger);
        List<TurnOutcome> smudged = outcomes.stream().filter(o -> damaged.contains(o.sessionId() + "/" + o.turn())).toList();
        assertThat(smudged).hasSizeGreaterThan(SESSIONS);
        assertThat(smudged).allMatch(o -> !o.verdict().consistent() && !o.verdict().succeeded());
        // Consistency alone catches it: many smudged turns still follow the instruction (others also fail
        // following, when the smudge happens to look like an extra palette-coloured object).
        assertThat(smudged.stream().filter(o -> o.verdict().follows()).count()).isGreaterThan(SESSIONS / 2);
    }

    @Test
    void referenceParseFindsTheVisibleObjectsOfTheScene() {
        TurnJudge judge = new TurnJudge(JudgeTolerances.DEFAULT);
        int visible = 0;
        int found = 0;
        for (int s = 0; s < 10; s++) {
            for (int k = 0; k < TURNS; k++) {
                StudioTurn turn = STUDIO.get(s).turns().get(k);
                RenderedScene drawn = SceneRenderer.draw(turn.after(), SIZE, SIZE);
                List<FoundObject> reference = judge.reference(SET.get(s).turns().get(k));
                for (SceneObject o : turn.after().objects()) {
                    float[] cover = drawn.visible(o.id());
                    if (drawn.visibleArea(o.id()) < 30) {
                        continue;
                    }
                    visible++;
                    boolean hit = reference.stream().anyMatch(f -> f.color().equals(o.color().word())
                            && overlap(f.pixels(), cover) > 0.5);
                    if (hit) {
                        found++;
                    }
                }
            }
        }
        assertThat(found / (double) visible).isGreaterThanOrEqualTo(0.95);
    }

    /** Fraction of the object's (coverage >= 0.5) pixels that the found region holds. */
    private static double overlap(boolean[] found, float[] cover) {
        int in = 0;
        int total = 0;
        for (int k = 0; k < cover.length; k++) {
            if (cover[k] >= 0.5f) {
                total++;
                if (found[k]) {
                    in++;
                }
            }
        }
        return total == 0 ? 0 : in / (double) total;
    }

    /**
     * The ground truth with a 12x12 smudge (colour shifted by half the range) far from the edit region,
     * never where the previous turn's smudge was (a smudge left in place would be consistent with that
     * turn); gt itself when no place fits.
     */
    private static BufferedImage smudge(BufferedImage gt, StudioTurn turn, int[] lastBlock) {
        boolean[] region = ImageMetrics.dilate(ImageMetrics.binary(RegionMasksUnion.of(turn)), SIZE, SIZE, 6);
        List<int[]> free = new ArrayList<>();
        for (int y0 = 0; y0 + 12 <= SIZE; y0 += 12) {
            for (int x0 = 0; x0 + 12 <= SIZE; x0 += 12) {
                boolean clear = true;
                for (int y = y0; y < y0 + 12 && clear; y++) {
                    for (int x = x0; x < x0 + 12 && clear; x++) {
                        clear = !region[y * SIZE + x];
                    }
                }
                if (clear && !(x0 == lastBlock[0] && y0 == lastBlock[1])) {
                    free.add(new int[] {x0, y0});
                }
            }
        }
        if (free.isEmpty()) {
            return gt;
        }
        int[] at = free.get((turn.number() * 7) % free.size());
        lastBlock[0] = at[0];
        lastBlock[1] = at[1];
        BufferedImage out = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(gt, 0, 0, null);
        for (int y = at[1]; y < at[1] + 12; y++) {
            for (int x = at[0]; x < at[0] + 12; x++) {
                out.setRGB(x, y, (out.getRGB(x, y) + 0x808080) & 0xFFFFFF);
            }
        }
        return out;
    }

    private BenchReport run(EditModel model) {
        return BenchReport.summarize(runOutcomes(model), TURNS, new BenchReport.RunInfo("t", "none", SEED, SIZE, 0));
    }

    private List<TurnOutcome> runOutcomes(EditModel model) {
        return new BenchRunner(model, new TurnJudge(JudgeTolerances.DEFAULT), new BenchRunner.Options(false, 1, 0f, SEED))
                .run(SET, s -> { });
    }

    /** Union of a turn's current and next masks. */
    private static final class RegionMasksUnion {
        static BufferedImage of(StudioTurn t) {
            return studio.vincie.data.world.RegionMasks.union(t.currentMask(), t.nextMask());
        }
    }

    /** A test model that answers turn k of session s from the studio ground truth through a script. */
    private static final class ScriptedModel implements EditModel {
        interface Script {
            BufferedImage answer(int session, StudioTurn turn, BufferedImage groundTruth);
        }

        private final Script script;
        private int session = -1;

        ScriptedModel(Script script) {
            this.script = script;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("scripted", "scripted", "test", 1, 0f);
        }

        @Override
        public EditResult edit(EditRequest request, EditProgress progress, Cancellation cancellation) {
            if (request.turnNumber() == 1) {
                session++;
            }
            StudioTurn turn = STUDIO.get(session).turns().get(request.turnNumber() - 1);
            return new EditResult(script.answer(session, turn, turn.image()), null, null);
        }
    }
}
