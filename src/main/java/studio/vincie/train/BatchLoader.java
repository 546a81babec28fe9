package studio.vincie.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import studio.vincie.data.dataset.Dataset;
import studio.vincie.data.dataset.TrainingSession;
import studio.vincie.model.codec.ImageCodec;
import studio.vincie.model.pack.PackedBatch;
import studio.vincie.model.pack.SessionExample;
import studio.vincie.model.pack.SessionPacker;
import studio.vincie.model.text.Tokenizer;

/**
 * Prepares packed training batches on a background thread, a bounded queue ahead of the trainer
 * (decoding PNGs, patchifying and packing are host work that would otherwise stall the two cores
 * between steps). Host arrays only: no NDArrays cross threads.
 *
 * <p>Determinism: the batch of step s is a pure function of (seed, s). Sessions are read in epochs,
 * each a seeded shuffle of the train split, and row i of step s is entry {@code s * B + i} of that
 * endless sequence (the data cursor); dropout, timesteps and noise come from a {@link Random} seeded
 * by (seed, s). A resumed run therefore needs only the step to continue with exactly the same data.
 */
public final class BatchLoader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchLoader.class);

    /** A prepared step, or the failure that stopped the loader. */
    public record Item(int step, PackedBatch batch, RuntimeException error) {
    }

    private final Dataset dataset;
    private final List<String> trainIds;
    private final ImageCodec codec;
    private final Tokenizer tokenizer;
    private final SessionPacker packer;
    private final int batch;
    private final long seed;
    private final Map<Long, int[]> epochs = new HashMap<>();
    private final BlockingQueue<Item> queue;
    private Thread thread;

    public BatchLoader(Dataset dataset, ImageCodec codec, Tokenizer tokenizer, SessionPacker packer, int batch,
                       long seed, int queueSize) {
        this.dataset = dataset;
        this.trainIds = dataset.ids("train");
        if (trainIds.isEmpty()) {
            throw new IllegalArgumentException("dataset " + dataset.dir() + " has no train sessions");
        }
        this.codec = codec;
        this.tokenizer = tokenizer;
        this.packer = packer;
        this.batch = batch;
        this.seed = seed;
        this.queue = new ArrayBlockingQueue<>(queueSize);
    }

    /** Starts preparing steps {@code from} (inclusive) to {@code to} (exclusive). */
    public void start(int from, int to) {
        thread = new Thread(() -> {
            try {
                for (int s = from; s < to && !Thread.currentThread().isInterrupted(); s++) {
                    queue.put(new Item(s, prepare(s), null));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.debug("batch loader failed", e);
                queue.offer(new Item(-1, null, e));
            }
        }, "vincie-batch-loader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next prepared step (blocks); rethrows a loader failure. */
    public Item next() throws InterruptedException {
        Item item = queue.take();
        if (item.error() != null) {
            throw item.error();
        }
        return item;
    }

    /** The batch of one step, computed on the calling thread (also what the loader thread does). */
    public PackedBatch prepare(int step) {
        List<SessionExample> rows = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            long cursor = (long) step * batch + i;
            rows.add(encode(dataset.load(sessionAt(cursor))));
        }
        return packer.pack(rows, stepRandom(seed, step));
    }

    /** The train session at position {@code cursor} of the endless epoch sequence. */
    public String sessionAt(long cursor) {
        long epoch = cursor / trainIds.size();
        int[] order;
        synchronized (epochs) {
            order = epochs.computeIfAbsent(epoch, e -> shuffled(trainIds.size(), new Random(seed * 7919L + e)));
            epochs.keySet().removeIf(e -> e < epoch - 1);
        }
        return trainIds.get(order[(int) (cursor % trainIds.size())]);
    }

    SessionExample encode(TrainingSession s) {
        return SessionExample.encode(s.images(), s.instructions(), s.currentMasks(), s.nextMasks(), codec, tokenizer);
    }

    static Random stepRandom(long seed, int step) {
        return new Random(seed * 0x9E3779B97F4A7C15L + step * 0xBF58476D1CE4E5B9L + 1);
    }

    private static int[] shuffled(int n, Random rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    public int trainSessions() {
        return trainIds.size();
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
