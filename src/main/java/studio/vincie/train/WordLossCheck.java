package studio.vincie.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDManager;
import studio.vincie.data.dataset.Dataset;
import studio.vincie.data.dataset.TrainingSession;
import studio.vincie.model.codec.ImageCodec;
import studio.vincie.model.codec.PatchCodec;
import studio.vincie.model.io.ModelFolder;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.Segment;
import studio.vincie.model.nn.TokenBatch;
import studio.vincie.model.pack.FlowObjective;
import studio.vincie.model.pack.PackedBatch;
import studio.vincie.model.pack.SessionExample;
import studio.vincie.model.pack.SessionPacker;
import studio.vincie.model.text.Tokenizer;

/**
 * Does the model's prediction depend on the instruction's words? On a {@link RecolorContrast} dataset,
 * the clean-value error (mean squared, patch values in [-1, 1]) of turn 1's image predicted in one shot
 * from noise level t, with the session's own instruction and with the instructions of two other colours
 * of the same scene (the next ones in the scene's order). Only the words differ, so a model that reads them has a lower error with its own
 * instruction at high t, where the noisy image no longer shows the colour; a model that ignores them has
 * the same error both ways. Runs the training path ({@link FlowObjective}), no sampler.
 *
 * <p>Run: {@code java -cp target/vincie.jar studio.vincie.train.WordLossCheck MODEL DATASET SCENES SEED}.
 */
public final class WordLossCheck {

    /** The noise levels reported by {@link #main}. */
    public static final float[] LEVELS = {1.0f, 0.9f, 0.7f};

    /** Other colours' instructions tried per session (the next ones of its scene). */
    static final int OTHERS = 2;

    private WordLossCheck() {
    }

    /** Mean clean-value error at one noise level: with the own instruction, and with the other colours'. */
    public record Figures(float t, double own, double other) {
    }

    /**
     * Sessions of the split grouped by scene (ids {@code scene_colour}), in manifest order.
     *
     * @throws IllegalArgumentException when an id is not of that form or a scene has one session (not a
     *                                  {@link RecolorContrast} dataset)
     */
    static Map<String, List<String>> scenes(Dataset data, String split) {
        Map<String, List<String>> byScene = new LinkedHashMap<>();
        for (String id : data.ids(split)) {
            int cut = id.lastIndexOf('_');
            if (cut < 1) {
                throw new IllegalArgumentException("session '" + id + "' of " + data.dir() + " is not named "
                        + "scene_colour; give a dataset made by RecolorContrast");
            }
            byScene.computeIfAbsent(id.substring(0, cut), k -> new ArrayList<>()).add(id);
        }
        for (Map.Entry<String, List<String>> e : byScene.entrySet()) {
            if (e.getValue().size() < 2) {
                throw new IllegalArgumentException("scene '" + e.getKey() + "' of " + data.dir() + " has one session; "
                        + "a scene needs several colours: give a dataset made by RecolorContrast");
            }
        }
        return byScene;
    }

    /** Each scene's sessions encoded once, for {@link #check} at every level. */
    public static List<List<SessionExample>> encode(List<List<TrainingSession>> scenes, ImageCodec codec,
                                                    Tokenizer tokenizer) {
        List<List<SessionExample>> out = new ArrayList<>();
        for (List<TrainingSession> set : scenes) {
            out.add(set.stream().map(s -> SessionExample.encode(s.images(), s.instructions(), s.currentMasks(),
                    s.nextMasks(), codec, tokenizer)).toList());
        }
        return out;
    }

    public static Figures check(BlockCausalDiT model, List<List<SessionExample>> scenes, float t, long seed) {
        double own = 0;
        double other = 0;
        int owns = 0;
        int others = 0;
        try (NDManager m = model.weights().manager().newSubManager()) {
            for (List<SessionExample> set : scenes) {
                for (int i = 0; i < set.size(); i++) {
                    for (int k = 0; k <= Math.min(OTHERS, set.size() - 1); k++) {
                        int j = (i + k) % set.size(); // the own instruction, then the next colours of the scene
                        double e = error(m, model, set.get(i), set.get(j).instructions().get(0), t,
                                new Random(seed + 1000L * i)); // same noise for every j
                        if (i == j) {
                            own += e;
                            owns++;
                        } else {
                            other += e;
                            others++;
                        }
                    }
                }
            }
        }
        return new Figures(t, own / Math.max(1, owns), other / Math.max(1, others));
    }

    /** Clean-value error of turn 1 predicted from level t, given image 0 and {@code instruction}. */
    private static double error(NDManager m, BlockCausalDiT model, SessionExample ex, Segment instruction, float t,
                                Random rng) {
        TokenBatch.Builder b = new TokenBatch.Builder(model.config()).newRow();
        List<Segment> clean = List.of(ex.images().get(0), instruction);
        clean.forEach(b::addClean);
        SessionPacker.Noised n = SessionPacker.noise(ex.images().get(1).values(), t, rng);
        Segment noisy = ex.images().get(1).withValues(n.xt());
        int start = b.addNoisy(noisy, t, 1);
        PackedBatch batch = new PackedBatch(b.build(), List.of(clean),
                List.of(new PackedBatch.NoisyCopy(0, start, noisy, t, n.v(), PackedBatch.Task.NIP)));
        try (NDManager step = m.newSubManager()) {
            // a loss floor of 1 weights every level alike: the plain clean-value error
            return FlowObjective.losses(step, model, batch, 1f, 0f, 1f).nip().getFloat();
        }
    }

    public static void main(String[] args) {
        String usage = "usage: WordLossCheck MODEL_FOLDER RECOLOR_CONTRAST_DATASET SCENES SEED";
        DatasetCheck.main(args, usage, (loaded, a) -> {
            if (loaded.config().learnedCodec()) {
                throw new IllegalArgumentException(a.model() + " works on a learned codec's latents; WordLossCheck "
                        + "measures pixel-patch models only");
            }
            try (NDManager m = NDManager.newBaseManager();
                 ModelFolder.Loaded l = ModelFolder.load(a.model(), m)) {
                BlockCausalDiT model = new BlockCausalDiT(l.weights());
                for (String split : List.of("train", "test")) {
                    Map<String, List<String>> byScene = scenes(a.data(), split);
                    if (byScene.isEmpty()) {
                        System.out.println(split + ": no scenes");
                        continue;
                    }
                    List<List<TrainingSession>> sets = new ArrayList<>();
                    for (String scene : DatasetCheck.chosen(new ArrayList<>(byScene.keySet()), a.sessions(), a.seed())) {
                        sets.add(byScene.get(scene).stream().map(a.data()::load).toList());
                    }
                    List<List<SessionExample>> encoded = encode(sets, PatchCodec.of(l.config()), l.tokenizer());
                    for (float t : LEVELS) {
                        Figures f = check(model, encoded, t, a.seed());
                        System.out.printf(Locale.ROOT, "%s, %d scenes, t = %.2f: clean-value error with the own "
                                + "instruction %.5f, with another colour's %.5f%n", split, sets.size(), t, f.own(), f.other());
                    }
                }
            }
        });
    }
}
