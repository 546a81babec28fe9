package studio.vincie.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.djl.engine.Engine;

/**
 * Thread settings of the engine. DJL's grad mode is thread-local (design.md section 7): every thread
 * that runs inference must turn it off or PyTorch records an autograd graph for every operation; call
 * {@link #prepare()} at the start of any inference entry point.
 *
 * <p>Intra-op threads: PyTorch's default (one per core) makes every small operation a parallel region
 * that waits for all its threads. When other processes load the cores, a descheduled thread stalls
 * each region: on the shared 2-core dev machine a cached edit step took ~1.5 s with 2 threads and
 * ~0.12 s with 1 (docs/performance.md). {@link #defaultThreads()} therefore leaves one core free;
 * {@link #setIntraOpThreads(int)} overrides it (the {@code --threads} options).
 */
public final class InferenceThreads {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceThreads.class);
    private static volatile boolean configured;

    private InferenceThreads() {
    }

    /** Grad mode off on this thread, and the default intra-op thread count if none was set yet. */
    public static void prepare() {
        if (!configured) {
            setIntraOpThreads(defaultThreads());
        }
        if (isPyTorch()) {
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        }
    }

    /** Cores minus one, at least one. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Sets PyTorch's intra-op thread count for the whole process (no-op on other engines). */
    public static synchronized void setIntraOpThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        configured = true;
        if (isPyTorch()) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
            LOG.debug("PyTorch intra-op threads: {}", threads);
        }
    }

    public static int intraOpThreads() {
        return isPyTorch() ? ai.djl.pytorch.jni.JniUtils.getNumThreads() : 1;
    }

    private static boolean isPyTorch() {
        return "PyTorch".equals(Engine.getInstance().getEngineName());
    }
}
