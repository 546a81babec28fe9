package studio.vincie.train;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import studio.vincie.data.dataset.DatasetWriter;
import studio.vincie.data.dataset.TrainingSession;
import studio.vincie.data.world.Event;
import studio.vincie.data.world.EventSampler;
import studio.vincie.data.world.Instruction;
import studio.vincie.data.world.NamedColor;
import studio.vincie.data.world.RegionMasks;
import studio.vincie.data.world.RenderedScene;
import studio.vincie.data.world.Scene;
import studio.vincie.data.world.SceneObject;
import studio.vincie.data.world.SceneRenderer;
import studio.vincie.data.world.SceneSampler;
import studio.vincie.data.world.StudioDescriber;

/**
 * A diagnostic dataset for the instruction pathway: per studio scene, one object recoloured to every
 * other palette colour, each a one-turn session with the same source image and the same phrasing up to
 * the colour word. On such data the source image says nothing about the target, so a model can lower
 * its loss only by reading the colour word; whether it does, and how fast, separates "the pathway
 * cannot carry the word" from "the natural data teaches it too weakly". Scenes, not sessions, are
 * split (every colour of a val or test scene is held out). Deterministic by seed.
 *
 * <p>Run: {@code java -cp target/vincie.jar studio.vincie.train.RecolorContrast OUT SCENES SIZE SEED}.
 */
public final class RecolorContrast {

    private RecolorContrast() {
    }

    /** Writes the sessions of {@code scenes} scenes; returns the session count per split (train, val, test). */
    public static int[] write(Path out, int scenes, int size, long seed, double heldOut) {
        if (scenes < 1 || !(heldOut >= 0 && heldOut <= 0.5)) {
            throw new IllegalArgumentException("need at least one scene and a held-out share in [0, 0.5], had "
                    + scenes + " and " + heldOut);
        }
        int[] counts = new int[3];
        SplittableRandom rnd = new SplittableRandom(seed);
        try (DatasetWriter writer = new DatasetWriter(out, size, seed, "studio.vincie.train.RecolorContrast")) {
            for (int i = 0; i < scenes; i++) {
                double u = rnd.nextDouble();
                int split = u < heldOut ? 1 : u < 2 * heldOut ? 2 : 0;
                long sceneSeed = seed * 1_000_003L + i;
                List<TrainingSession> set = sessions(String.format("c%05d", i), List.of("train", "val", "test").get(split),
                        sceneSeed, size);
                for (TrainingSession s : set) {
                    writer.add(s, "recolor contrast, scene seed " + sceneSeed, List.of());
                }
                counts[split] += set.size();
            }
        }
        return counts;
    }

    /**
     * One scene's sessions: its first object whose every recolour is a valid event, recoloured to each
     * palette colour but its own (ids {@code prefix_colour}); the same phrasing random stream for each,
     * so the instructions differ only in the colour word.
     */
    static List<TrainingSession> sessions(String prefix, String split, long sceneSeed, int size) {
        SplittableRandom rnd = new SplittableRandom(sceneSeed);
        for (int attempt = 0; attempt < 100; attempt++) {
            Scene scene = SceneSampler.startScene(rnd);
            RenderedScene drawn = SceneRenderer.draw(scene, size, size);
            for (SceneObject o : scene.objects()) {
                List<TrainingSession> out = new ArrayList<>();
                for (NamedColor c : NamedColor.values()) {
                    if (c == o.color()) {
                        continue;
                    }
                    Event e = new Event.Recolor(o.id(), c);
                    if (!EventSampler.valid(scene, e)) {
                        break;
                    }
                    Scene after = e.apply(scene);
                    RenderedScene drawnAfter = SceneRenderer.draw(after, size, size);
                    RegionMasks masks = RegionMasks.of(drawn, drawnAfter, e);
                    Instruction ins = StudioDescriber.describe(scene, after, e, new SplittableRandom(sceneSeed));
                    List<BufferedImage> images = List.of(drawn.image(), drawnAfter.image());
                    out.add(new TrainingSession(prefix + "_" + c.word(), split, images, List.of(ins.text()),
                            List.of(masks.current()), List.of(masks.next()), List.of(ins.category().label())));
                }
                if (out.size() == NamedColor.values().length - 1) {
                    return out;
                }
            }
        }
        throw new IllegalStateException("no scene of seed " + sceneSeed + " has an object every colour suits");
    }

    /** {@code OUT SCENES SIZE SEED}. */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: RecolorContrast OUT SCENES SIZE SEED");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        int[] c;
        try {
            c = write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]),
                    0.1);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            System.err.println("RecolorContrast: " + e.getMessage() + "\nusage: RecolorContrast OUT SCENES SIZE SEED");
            System.exit(2);
            return;
        }
        System.out.printf("Wrote %d train, %d val, %d test sessions to %s in %.1f s%n", c[0], c[1], c[2], args[0],
                (System.nanoTime() - t0) / 1e9);
    }
}
