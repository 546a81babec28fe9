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

    public static List<BenchSession> generate(long seed, int count, int turns, int size) {
        List<BenchSession> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(fromStudio(String.format("bench-%d-%04d", seed, i), studio(seed, i, turns, size)));
        }
        return out;
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
