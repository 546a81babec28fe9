package studio.vincie.bench;

import java.util.ArrayList;
import java.util.List;

import studio.vincie.data.world.StudioSession;
import studio.vincie.data.world.StudioSessionGenerator;
import studio.vincie.data.world.StudioTurn;

/**
 * The held-out benchmark set: studio sessions from {@link StudioSessionGenerator}, one per index, each
 * with a seed derived from the benchmark seed, the index and a benchmark-only salt (so no training run
 * that feeds the same {@code --seed} to the generator sees these sessions), turned into
 * {@link BenchSession}s for the judge.
 */
public final class StudioBenchSessions {

    /** Mixed into every session seed so benchmark sessions differ from training sessions of equal seed. */
    private static final long HELD_OUT_SALT = 0x5EC7_BE4C_0FF5_E7L;

    private StudioBenchSessions() {
    }

    /**
     * The benchmark set, rendered on demand: {@code get(i)} draws session i when asked (deterministic),
     * so a run holds one session's images at a time rather than all of them (~10 bytes per pixel and
     * turn: 10 GB for 100 sessions of 10 turns at 1024 px).
     */
    public static List<BenchSession> generate(long seed, int count, int turns, int size) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        return new java.util.AbstractList<>() {
            @Override
            public BenchSession get(int i) {
                java.util.Objects.checkIndex(i, count);
                return fromStudio(String.format("bench-%d-%04d", seed, i), studio(seed, i, turns, size));
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    /** The studio session behind benchmark session {@code index} (scene graphs included). */
    public static StudioSession studio(long seed, int index, int turns, int size) {
        return StudioSessionGenerator.generate(sessionSeed(seed, index), turns, size);
    }

    public static BenchSession fromStudio(String id, StudioSession session) {
        List<TurnTruth> truths = new ArrayList<>();
        for (StudioTurn t : session.turns()) {
            truths.add(StudioTruth.of(t.text(), t.category().label(), session.imageBefore(t.number()), t.after(), t.image(), t.currentMask(),
                    t.nextMask()));
        }
        return new BenchSession(id, session.startImage(), truths);
    }

    /** SplitMix64 finaliser of (seed, index, salt): well spread, deterministic. */
    static long sessionSeed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + HELD_OUT_SALT;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
