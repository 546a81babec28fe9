package studio.vincie.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

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
 *
 * <p>Allocator: PyTorch's CPU tensors come from glibc malloc, which by default hands blocks above
 * 128 KB back to the OS and trims the heap top beyond 2x that, so every layer's attention scores were
 * page-faulted in afresh (a turn-5 step cost 37 ms instead of 28 ms). Freeing one 31 MB block once
 * raises glibc's dynamic thresholds to their maximum (32 MB mmap, 64 MB trim); see {@link #prepare()}.
 */
public final class InferenceThreads {

    private static final Logger LOG = LoggerFactory.getLogger(InferenceThreads.class);
    private static volatile boolean configured;
    private static volatile boolean allocatorWarmed;

    private InferenceThreads() {
    }

    /**
     * Grad mode off on this thread; once per process, the default intra-op thread count (unless set
     * through {@link #setIntraOpThreads} or DJL's {@code ai.djl.pytorch.num_threads} property) and the
     * allocator warm-up described in the class Javadoc.
     */
    public static void prepare() {
        if (!configured) {
            if (System.getProperty("ai.djl.pytorch.num_threads") != null) {
                configured = true; // the user chose through DJL's own property: keep it
            } else {
                setIntraOpThreads(defaultThreads());
            }
        }
        if (!allocatorWarmed) {
            warmAllocator();
        }
        if (isPyTorch()) {
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        }
    }

    /** Allocates and frees one ~31 MB CPU tensor so glibc's dynamic mmap/trim thresholds go to their maximum. */
    public static synchronized void warmAllocator() {
        if (allocatorWarmed) {
            return;
        }
        allocatorWarmed = true;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            m.zeros(new Shape(7_800_000)).close(); // 31.2 MB, under glibc's 32 MB cap for the dynamic threshold
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
