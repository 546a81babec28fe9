package studio.vincie.app;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.data.world.SceneRenderer;
import studio.vincie.data.world.SceneSampler;

/**
 * Random start scenes of the studio world, rendered at {@value #SIZE} px like the training data: what
 * File > New studio scene opens, so a newcomer can try the default model on the world it knows. Each
 * call draws a fresh seed (logged, so a scene can be found again) and renders
 * {@link SceneSampler#startScene} with {@link SceneRenderer#render}. The editor's view-models see only a
 * {@code Supplier<BufferedImage>}, not the world's types.
 */
public final class StudioScenes implements Supplier<BufferedImage> {

    private static final Logger LOG = LoggerFactory.getLogger(StudioScenes.class);
    /** Side of the training images (the {@code base} model's resolution). */
    public static final int SIZE = 128;

    private final RandomGenerator seeds;

    public StudioScenes(RandomGenerator seeds) {
        this.seeds = Objects.requireNonNull(seeds, "seeds");
    }

    @Override
    public BufferedImage get() {
        long seed = seeds.nextLong();
        LOG.info("new studio scene, seed {}", seed);
        return render(seed);
    }

    /** The start scene of {@code seed}, {@value #SIZE} x {@value #SIZE} RGB. */
    public static BufferedImage render(long seed) {
        return SceneRenderer.render(SceneSampler.startScene(new SplittableRandom(seed)), SIZE, SIZE);
    }
}
