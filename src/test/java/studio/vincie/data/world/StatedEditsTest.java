package studio.vincie.data.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The instruction fixes every edit the judge checks: an added object goes to the spot its stated place
 * stands for, and a new sky keeps the horizon. Without this a perfect instruction follower could not
 * pass the benchmark's 3 px position check on "add" turns (2% of them passed by the best guess).
 */
class StatedEditsTest {

    @Test
    void addedObjectsLandAtTheSpotTheirInstructionNames() {
        int inThird = 0;
        int over = 0;
        for (int i = 0; i < 120; i++) {
            SplittableRandom rnd = new SplittableRandom(1_000 + i);
            Scene s = SceneSampler.startScene(rnd);
            Optional<Event> e = EventSampler.next(s, rnd, EventType.APPEAR);
            if (e.isEmpty()) {
                continue;
            }
            SceneObject o = ((Event.Appear) e.get()).object();
            String text = StudioDescriber.phrasings(s, e.get().apply(s), e.get(), null).get(0);
            SceneObject stated = SceneSampler.statedPlacement(s, o);
            assertThat(o.x()).isCloseTo(stated.x(), within(1e-12));
            assertThat(o.y()).isCloseTo(stated.y(), within(1e-12));
            if (SceneSampler.overlapped(s, o) != null) {
                over++;
                assertThat(text).contains(" over the ").contains(" of the ");
            } else {
                inThird++;
                // the centre of the placeable part of its third, on both axes: one of 9 spots per size
                double lo = o.extent() + 0.03;
                assertThat(distanceToSpot(s.camera().viewX(o.x()), lo)).isLessThan(1e-9);
                assertThat(distanceToSpot(s.camera().viewY(o.y()), lo)).isLessThan(1e-9);
                assertThat(text).containsAnyOf(" in the ", " on the ", " at the ");
            }
        }
        assertThat(inThird).as("adds placed in a third of the view").isGreaterThan(40);
        assertThat(over).as("adds placed over another object").isGreaterThan(10);
    }

    /** Distance from {@code v} to the nearest of the three stated spots of an axis (left, middle, right third). */
    private static double distanceToSpot(double v, double lo) {
        double[] spots = {(lo + 1.0 / 3) / 2, 0.5, (2.0 / 3 + 1 - lo) / 2};
        double best = Double.MAX_VALUE;
        for (double spot : spots) {
            best = Math.min(best, Math.abs(v - spot));
        }
        return best;
    }

    @Test
    void anObjectAddedOverAnotherIsDescribedByThatObjectAndSide() {
        Scene s = new Scene(Background.solid(Backdrop.CREAM, TimeOfDay.DAY), Camera.DEFAULT, List.of(
                new SceneObject("a", Shape.CIRCLE, NamedColor.BLUE, Size.LARGE.scale(), 0.5, 0.5, 0),
                new SceneObject("b", Shape.SQUARE, NamedColor.GREEN, Size.SMALL.scale(), 0.15, 0.15, 0)));
        SceneObject star = new SceneObject("n", Shape.STAR, NamedColor.RED, Size.SMALL.scale(), 0, 0, 0);
        SceneObject placed = SceneSampler.over(s.object("a"), star, 1); // octant 1: bottom right
        Event e = new Event.Appear(placed);
        assertThat(SceneSampler.octant(s.object("a"), placed)).isEqualTo(1);
        assertThat(StudioDescriber.phrasings(s, e.apply(s), e, null))
                .contains("Add a small red star over the bottom right of the circle");
    }

    @Test
    void aNewSkyKeepsTheHorizon() {
        int skies = 0;
        for (int i = 0; i < 200 && skies < 20; i++) {
            SplittableRandom rnd = new SplittableRandom(5_000 + i);
            Scene s = SceneSampler.startScene(rnd);
            Optional<Event> e = EventSampler.next(s, rnd, EventType.BACKGROUND);
            if (e.isPresent() && ((Event.BackgroundChange) e.get()).to().kind() == Background.Kind.SKY) {
                skies++;
                assertThat(((Event.BackgroundChange) e.get()).to().horizon()).isEqualTo(s.background().horizon());
            }
        }
        assertThat(skies).isEqualTo(20);
    }
}
