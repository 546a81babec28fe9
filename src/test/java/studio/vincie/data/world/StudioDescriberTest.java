package studio.vincie.data.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class StudioDescriberTest {

    @Test
    void everyEventTypeHasAtLeastThreeDistinctPhrasings() {
        for (Map.Entry<EventType, WorldFixtures.Example> en : WorldFixtures.oneExamplePerType().entrySet()) {
            WorldFixtures.Example ex = en.getValue();
            List<String> p = StudioDescriber.phrasings(ex.before(), ex.after(), ex.event(), null);
            assertThat(new HashSet<>(p)).as("phrasings of %s: %s", en.getKey(), p).hasSizeGreaterThanOrEqualTo(3);
            assertThat(p).allSatisfy(s -> assertThat(s).isNotBlank().doesNotContain("null").doesNotContain("  "));
        }
    }

    @Test
    void describeSamplesVariedTextWithTheEventsCategory() {
        Map<EventType, Set<String>> seen = new EnumMap<>(EventType.class);
        SplittableRandom rnd = new SplittableRandom(5);
        for (Map.Entry<EventType, WorldFixtures.Example> en : WorldFixtures.oneExamplePerType().entrySet()) {
            WorldFixtures.Example ex = en.getValue();
            for (int i = 0; i < 30; i++) {
                Instruction ins = StudioDescriber.describe(ex.before(), ex.after(), ex.event(), rnd);
                assertThat(ins.category()).isEqualTo(en.getKey().category());
                seen.computeIfAbsent(en.getKey(), k -> new HashSet<>()).add(ins.text());
            }
        }
        assertThat(seen.values()).allSatisfy(s -> assertThat(s).hasSizeGreaterThanOrEqualTo(3));
    }

    @Test
    void examplePhrasingsReadNaturally() {
        Scene s = new Scene(Background.solid(Backdrop.CREAM, TimeOfDay.DAY), Camera.DEFAULT, List.of(
                new SceneObject("a", Shape.CIRCLE, NamedColor.RED, Size.SMALL.scale(), 0.45, 0.3, 0),
                new SceneObject("b", Shape.CIRCLE, NamedColor.RED, Size.LARGE.scale(), 0.7, 0.3, 0),
                new SceneObject("c", Shape.CIRCLE, NamedColor.BLUE, Size.SMALL.scale(), 0.4, 0.75, 0),
                new SceneObject("d", Shape.STAR, NamedColor.GREEN, Size.MEDIUM.scale(), 0.8, 0.75, 0)));
        assertThat(ObjectReferrer.references(s, s.object("d"))).containsExactly("the star");
        assertThat(ObjectReferrer.references(s, s.object("b")))
                .containsExactly("the large circle", "the circle on the right", "the rightmost circle");
        assertThat(ObjectReferrer.references(s, s.object("c"))).containsExactly("the blue circle", "the bottom circle");
        // Small and red are both shared and a is not at an edge: only both words single it out.
        assertThat(ObjectReferrer.references(s, s.object("a"))).containsExactly("the small red circle");
        Event e = new Event.Move("d", Direction.LEFT, Distance.A_LITTLE);
        assertThat(StudioDescriber.phrasings(s, e.apply(s), e, null)).contains("Move the star a little to the left");
    }

    @Test
    void everyReferenceInGeneratedScenesPicksExactlyItsObject() {
        int checked = 0;
        for (long seed = 0; seed < 60; seed++) {
            StudioScript script = StudioScript.generate(seed, 3);
            for (EventSpan span : script.spans()) {
                for (Scene scene : List.of(span.before(), span.after())) {
                    for (SceneObject o : scene.objects()) {
                        List<String> refs = ObjectReferrer.references(scene, o);
                        assertThat(refs).as("references of %s", o).isNotEmpty();
                        for (String r : refs) {
                            assertThat(ObjectReferrer.resolve(scene, r)).as("'%s' in %s", r, scene).containsExactly(o);
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
    }

    @Test
    void referencesUseNoMoreWordsThanNeeded() {
        for (long seed = 0; seed < 40; seed++) {
            Scene s = SceneSampler.startScene(new SplittableRandom(seed));
            for (SceneObject o : s.objects()) {
                long sameShape = s.objects().stream().filter(p -> p.shape() == o.shape()).count();
                List<String> refs = ObjectReferrer.references(s, o);
                if (sameShape == 1) {
                    assertThat(refs).containsExactly("the " + o.shape().word());
                } else {
                    assertThat(refs).noneMatch(r -> r.equals("the " + o.shape().word()));
                }
            }
        }
    }
}
