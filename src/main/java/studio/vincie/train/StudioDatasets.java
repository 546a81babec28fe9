package studio.vincie.train;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.data.dataset.DatasetWriter;
import studio.vincie.data.dataset.TrainingSession;
import studio.vincie.data.world.StudioSession;
import studio.vincie.data.world.StudioSessionGenerator;
import studio.vincie.data.world.StudioTurn;

/**
 * Writes a training dataset straight from the studio world ({@link StudioSessionGenerator}, no video
 * round trip) through the pipeline's {@link DatasetWriter}: the fallback while {@code vincie prepare}
 * is not available, and the source of the trainer tests' tiny datasets. Session i uses seed
 * {@code seed * 1_000_003 + i}, has {@code minTurns..maxTurns} turns, and goes to val or test with
 * probability {@code heldOut} each; everything is deterministic by seed.
 *
 * <p>Run: {@code java -cp target/vincie.jar studio.vincie.train.StudioDatasets OUT SESSIONS SIZE SEED}.
 */
public final class StudioDatasets {

    private static final Logger LOG = LoggerFactory.getLogger(StudioDatasets.class);

    private StudioDatasets() {
    }

    /** Generates and writes {@code sessions} sessions; returns how many went to each split (train, val, test). */
    public static int[] write(Path out, int sessions, int size, long seed, int minTurns, int maxTurns, double heldOut) {
        if (sessions < 1 || minTurns < 1 || maxTurns < minTurns) {
            throw new IllegalArgumentException("need sessions >= 1 and 1 <= minTurns <= maxTurns, had " + sessions
                    + ", " + minTurns + ", " + maxTurns);
        }
        int[] counts = new int[3];
        SplittableRandom rnd = new SplittableRandom(seed);
        try (DatasetWriter writer = new DatasetWriter(out, size, seed, "studio.vincie.train.StudioDatasets")) {
            for (int i = 0; i < sessions; i++) {
                int turns = minTurns + rnd.nextInt(maxTurns - minTurns + 1);
                double u = rnd.nextDouble();
                int split = u < heldOut ? 1 : u < 2 * heldOut ? 2 : 0;
                long sessionSeed = seed * 1_000_003L + i;
                StudioSession s = StudioSessionGenerator.generate(sessionSeed, turns, size);
                writer.add(toTraining(String.format("s%06d", i), List.of("train", "val", "test").get(split), s),
                        "studio-world seed " + sessionSeed, List.of());
                counts[split]++;
                if ((i + 1) % 500 == 0) {
                    LOG.info("{} / {} sessions written", i + 1, sessions);
                }
            }
        }
        return counts;
    }

    static TrainingSession toTraining(String id, String split, StudioSession s) {
        List<BufferedImage> images = new ArrayList<>();
        List<String> instructions = new ArrayList<>();
        List<BufferedImage> current = new ArrayList<>();
        List<BufferedImage> next = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        images.add(s.startImage());
        for (StudioTurn t : s.turns()) {
            images.add(t.image());
            instructions.add(t.text());
            current.add(t.currentMask());
            next.add(t.nextMask());
            categories.add(t.category().label());
        }
        return new TrainingSession(id, split, images, instructions, current, next, categories);
    }

    /** {@code OUT SESSIONS SIZE SEED [MIN_TURNS MAX_TURNS]}. */
    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: StudioDatasets OUT SESSIONS SIZE SEED [MIN_TURNS MAX_TURNS]");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        int min = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        int max = args.length > 5 ? Integer.parseInt(args[5]) : 5;
        int[] c = write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Long.parseLong(args[3]), min, max, 0.05);
        System.out.printf("Wrote %d train, %d val, %d test sessions to %s in %.1f s%n", c[0], c[1], c[2], args[0],
                (System.nanoTime() - t0) / 1e9);
    }
}
