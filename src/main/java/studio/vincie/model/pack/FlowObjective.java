package studio.vincie.model.pack;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import studio.vincie.model.ModelConfig;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.Scalars;
import studio.vincie.model.nn.SegmentKind;

/**
 * The training objective (design.md 3.4-3.5): one block-causal pass over a {@link PackedBatch}, then
 * the velocity predictions of all noisy copies of a task are gathered, projected by that kind's output
 * layer and compared with {@code v = eps - x0} by mean squared error. Call inside a DJL
 * {@code GradientCollector} after {@code DitWeights.attachGradients()}; every array is created in the
 * given manager, so close it after the optimizer step.
 */
public final class FlowObjective {

    /**
     * Threshold on {@code |x0 - source|} (patch values in [-1, 1]; 0.1 is about 13 of 255) above which an
     * image token counts as changed by its turn's edit. Any one value decides: an edit that touches a
     * few pixels of a patch (an object's edge) makes the whole token a target to learn.
     */
    public static final float CHANGED = 0.1f;

    private FlowObjective() {
    }

    /** NIP + CSP + NSP losses; {@code maskWeight} scales CSP and NSP in the total. */
    public static FlowLosses losses(NDManager m, BlockCausalDiT model, PackedBatch batch, float maskWeight) {
        return losses(m, model, batch, maskWeight, 0f);
    }

    /**
     * As {@link #losses(NDManager, BlockCausalDiT, PackedBatch, float)}, with the NIP error of every image
     * token that the edit changes (some value of the clean target differs from the source by more than
     * {@link #CHANGED}) weighted {@code 1 + editBoost} instead of 1; the weighted mean is normalised by the
     * weights, so {@code editBoost = 0} is the plain mean. Without source conditioning it has no effect.
     */
    public static FlowLosses losses(NDManager m, BlockCausalDiT model, PackedBatch batch, float maskWeight,
                                    float editBoost) {
        return losses(m, model, batch, maskWeight, editBoost, BlockCausalDiT.T_MIN);
    }

    /**
     * As {@link #losses(NDManager, BlockCausalDiT, PackedBatch, float, float)}, with the velocity error
     * computed as {@code (x_t - x0_hat) / max(t, tFloor)}: the clean-value error of a copy at timestep t
     * is weighted {@code 1 / max(t, tFloor)^2}. The shorter overloads use {@link BlockCausalDiT#T_MIN}
     * (0.05, the velocity loss; the validation loss), which weights a copy near t = 0 up to 400 times
     * one at t = 1, so the rare low-noise copies dominate the gradient of the steps they are in; training
     * now defaults to 1 (every level alike), which leaves the high noise levels, where what to draw and
     * which colour the instruction names are decided, their share (docs/training.md).
     */
    public static FlowLosses losses(NDManager m, BlockCausalDiT model, PackedBatch batch, float maskWeight,
                                    float editBoost, float tFloor) {
        ModelConfig c = model.config();
        NDArray hidden = model.forward(m, batch.tokens(), false)
                .reshape(batch.tokens().batch * (long) batch.tokens().length, c.width()); // (B*T, D)
        NDArray nip = taskLoss(m, model, hidden, batch, PackedBatch.Task.NIP, editBoost, tFloor);
        NDArray csp = taskLoss(m, model, hidden, batch, PackedBatch.Task.CSP, 0f, tFloor);
        NDArray nsp = taskLoss(m, model, hidden, batch, PackedBatch.Task.NSP, 0f, tFloor);
        NDArray total = nip.add(Scalars.times(csp.add(nsp), maskWeight));
        return new FlowLosses(total, nip, csp, nsp, (int) batch.count(PackedBatch.Task.NIP),
                (int) batch.count(PackedBatch.Task.CSP), (int) batch.count(PackedBatch.Task.NSP));
    }

    private static NDArray taskLoss(NDManager m, BlockCausalDiT model, NDArray hidden, PackedBatch batch,
                                    PackedBatch.Task task, float editBoost, float tFloor) {
        List<PackedBatch.NoisyCopy> copies = new ArrayList<>();
        for (PackedBatch.NoisyCopy copy : batch.copies()) {
            if (copy.task() == task) {
                copies.add(copy);
            }
        }
        if (copies.isEmpty()) {
            return m.zeros(new Shape());
        }
        Sources source = sourceValues(model, batch, copies);
        int p = model.config().patchDim(copies.get(0).noisy().kind());
        int per = copies.get(0).target().length;
        int tokens = per / p;
        float[] clean = cleanValues(copies);
        float[] invT = new float[copies.size() * tokens];
        for (int i = 0; i < copies.size(); i++) {
            java.util.Arrays.fill(invT, i * tokens, (i + 1) * tokens, 1f / Math.max(copies.get(i).t(), tFloor));
        }
        NDArray xt = noisyValues(m, model, copies); // (N, P)
        NDArray x0 = predict(m, model, hidden, batch, copies, source, xt); // (N, P) predicted clean values
        Shape rows = new Shape(clean.length / p, p);
        // x-prediction trained with the velocity loss: v_hat - v = (x0 - x0_hat) / t, with t floored at
        // tFloor on both sides so that the exact prediction always scores 0
        NDArray error = m.create(clean, rows).sub(x0).mul(m.create(invT, new Shape(invT.length, 1))).square(); // (N, P)
        if (editBoost <= 0 || source == null) {
            return error.mean();
        }
        return weightedMean(error, editWeights(clean, copies.size(), source, p, editBoost));
    }

    /**
     * {@code sum(w_i * error_ij) / (P * sum(w_i))} for per-row weights: the plain mean when all weights
     * are equal. The scalar is kept alive until backward ({@link Scalars}).
     */
    static NDArray weightedMean(NDArray error, float[] weight) {
        long p = error.getShape().get(1);
        NDArray w = error.getManager().create(weight, new Shape(weight.length, 1)); // (N, 1)
        double total = 0;
        for (float x : weight) {
            total += x;
        }
        return Scalars.times(error.mul(w).sum(), (float) (1.0 / (total * p)));
    }

    /**
     * Per-token weights {@code 1 + editBoost} where the clean target {@code x0 = x_t - t v} differs from
     * the source by more than {@link #CHANGED} in some value, else 1. Tokens of an image without a source
     * (the session's first image) have weight 1.
     */
    static float[] editWeights(List<PackedBatch.NoisyCopy> copies, Sources source, int p, float editBoost) {
        return editWeights(cleanValues(copies), copies.size(), source, p, editBoost);
    }

    private static float[] editWeights(float[] clean, int count, Sources source, int p, float editBoost) {
        int per = clean.length / count;
        int tokens = per / p;
        float[] weight = new float[count * tokens];
        java.util.Arrays.fill(weight, 1f);
        for (int i = 0; i < count; i++) {
            if (!source.present()[i]) {
                continue;
            }
            for (int k = 0; k < tokens; k++) {
                for (int j = i * per + k * p; j < i * per + (k + 1) * p; j++) {
                    if (Math.abs(clean[j] - source.values()[j]) > CHANGED) {
                        weight[i * tokens + k] = 1f + editBoost;
                        break;
                    }
                }
            }
        }
        return weight;
    }

    /** Predicted clean values x0 (N, P) for the given copies (all of one kind family), in order. */
    public static NDArray predict(NDManager m, BlockCausalDiT model, NDArray hidden, PackedBatch batch,
                                  List<PackedBatch.NoisyCopy> copies) {
        return predict(m, model, hidden, batch, copies, sourceValues(model, batch, copies),
                noisyValues(m, model, copies));
    }

    private static NDArray predict(NDManager m, BlockCausalDiT model, NDArray hidden, PackedBatch batch,
                                   List<PackedBatch.NoisyCopy> copies, Sources source, NDArray xt) {
        int g = model.config().tokens(copies.get(0).noisy().kind());
        long[] idx = new long[copies.size() * g];
        float[] keep = new float[copies.size() * g];
        int j = 0;
        for (PackedBatch.NoisyCopy copy : copies) {
            for (int i = 0; i < g; i++) {
                keep[j] = 1f - copy.t();
                idx[j++] = batch.tokens().flat(copy.row(), copy.start() + i);
            }
        }
        long d = hidden.getShape().get(1);
        NDArray index = m.create(idx).reshape(idx.length, 1).repeat(1, d); // (N, D)
        NDArray rows = hidden.gather(index, 0); // (N, D)
        SegmentKind kind = copies.get(0).noisy().kind();
        long n = copies.size() * (long) g;
        NDArray src = source == null ? null
                : m.create(source.values(), new Shape(n, model.config().patchDim(kind))); // (N, P)
        return model.predictClean(rows, kind, src, xt, m.create(keep, new Shape(n, 1))); // (N, P)
    }

    /** The clean targets of the copies, in order: {@code x0 = x_t - t v}, since {@code x_t = x0 + t (eps - x0)}. */
    private static float[] cleanValues(List<PackedBatch.NoisyCopy> copies) {
        int per = copies.get(0).target().length;
        float[] clean = new float[copies.size() * per];
        for (int i = 0; i < copies.size(); i++) {
            PackedBatch.NoisyCopy copy = copies.get(i);
            float[] xt = copy.noisy().values();
            float[] v = copy.target();
            for (int j = 0; j < per; j++) {
                clean[i * per + j] = xt[j] - copy.t() * v[j];
            }
        }
        return clean;
    }

    /** The noisy values x_t (N, P) of the copies, in order. */
    private static NDArray noisyValues(NDManager m, BlockCausalDiT model, List<PackedBatch.NoisyCopy> copies) {
        int per = copies.get(0).noisy().values().length;
        float[] xt = new float[copies.size() * per];
        for (int i = 0; i < copies.size(); i++) {
            System.arraycopy(copies.get(i).noisy().values(), 0, xt, i * per, per);
        }
        int p = model.config().patchDim(copies.get(0).noisy().kind());
        return m.create(xt, new Shape(xt.length / p, p));
    }

    /**
     * The source patches of N image copies: {@code values} holds N*G*P values (zeros for a copy without a
     * source, the session's first image), {@code present} says which copies have one.
     */
    record Sources(float[] values, boolean[] present) {
    }

    /** The source patches of image copies when the model is source-conditioned, else null. */
    private static Sources sourceValues(BlockCausalDiT model, PackedBatch batch, List<PackedBatch.NoisyCopy> copies) {
        SegmentKind kind = copies.get(0).noisy().kind();
        if (kind != SegmentKind.IMAGE || !model.config().sourceConditioning()) {
            return null;
        }
        int g = model.config().tokens(kind);
        int p = model.config().patchDim(kind);
        float[] src = new float[copies.size() * g * p];
        boolean[] present = new boolean[copies.size()];
        for (int i = 0; i < copies.size(); i++) {
            PackedBatch.NoisyCopy copy = copies.get(i);
            float[] one = batch.tokens().source(copy.row(), copy.start(), g, p);
            if (one != null) {
                System.arraycopy(one, 0, src, i * g * p, g * p);
                present[i] = true;
            }
        }
        return new Sources(src, present);
    }
}
