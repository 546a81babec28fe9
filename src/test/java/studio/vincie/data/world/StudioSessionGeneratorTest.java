package studio.vincie.data.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StudioSessionGeneratorTest {

    @Test
    void sessionsKeepTheirGuaranteesAndMasksCoverEveryChange() {
        Set<EditCategory> categories = EnumSet.noneOf(EditCategory.class);
        int size = 96;
        for (long seed = 100; seed < 130; seed++) {
            StudioSession s = StudioSessionGenerator.generate(seed, 5, size);
            assertThat(s.turns()).hasSize(5);
            assertThat(SceneChecks.problems(s.start())).isEmpty();
            for (StudioTurn t : s.turns()) {
                categories.add(t.category());
                assertThat(SceneChecks.problems(t.after())).as("turn %d of seed %d", t.number(), seed).isEmpty();
                assertThat(t.event().apply(t.before())).isEqualTo(t.after());
                // The objects an instruction names exist before the edit and can be singled out.
                for (String id : t.event().subjects()) {
                    if (!(t.event() instanceof Event.Appear)) {
                        assertThat(ObjectReferrer.references(t.before(), t.before().object(id))).isNotEmpty();
                    }
                }
                int[] a = s.imageBefore(t.number()).getRGB(0, 0, size, size, null, 0, size);
                int[] b = t.image().getRGB(0, 0, size, size, null, 0, size);
                byte[] union = RegionMasks.pixels(RegionMasks.union(t.currentMask(), t.nextMask()));
                int changed = 0;
                int covered = 0;
                for (int k = 0; k < a.length; k++) {
                    if (a[k] != b[k]) {
                        changed++;
                        covered += union[k] != 0 ? 1 : 0;
                    }
                }
                assertThat(changed).isPositive();
                assertThat(covered).as("recall for %s", t.event()).isEqualTo(changed);
            }
            // Turns prefer fresh categories: five turns, five categories.
            assertThat(s.turns().stream().map(StudioTurn::category).distinct().count()).isEqualTo(5);
        }
        assertThat(categories).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void restrictedEventTypesAreRespected() {
        StudioSession s = StudioSessionGenerator.generate(3, 4, 64, 48,
                java.util.List.of(EventType.RECOLOR, EventType.MOVE));
        assertThat(s.turns()).allSatisfy(t -> assertThat(t.event().type()).isIn(EventType.RECOLOR, EventType.MOVE));
        assertThat(s.startImage().getWidth()).isEqualTo(64);
        assertThat(s.startImage().getHeight()).isEqualTo(48);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> StudioSessionGenerator.generate(1, 0, 64)).hasMessageContaining("turns");
    }
}
