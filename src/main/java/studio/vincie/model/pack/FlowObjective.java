package studio.vincie.model.pack;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import studio.vincie.model.ModelConfig;
import studio.vincie.model.nn.BlockCausalDiT;
import studio.vincie.model.nn.SegmentKind;

/**
 * The training objective (design.md 3.4-3.5): one block-causal pass over a {@link PackedBatch}, then
 * the velocity predictions of all noisy copies of a task are gathered, projected by that kind's output
 * layer and compared with {@code v = eps - x0} by mean squared error. Call inside a DJL
 * {@code GradientCollector} after {@code DitWeights.attachGradients()}; every array is created in the
 * given manager, so close it after the optimizer step.
 */
public final class FlowObjective {

    private FlowObjective() {
    }

    /** NIP + CSP + NSP losses; {@code maskWeight} scales CSP and NSP in the total. */
    public static FlowLosses losses(NDManager m, BlockCausalDiT model, PackedBatch batch, float maskWeight) {
        ModelConfig c = model.config();
        NDArray hidden = model.forward(m, batch.tokens(), false)
                .reshape(batch.tokens().batch * (long) batch.tokens().length, c.width()); // (B*T, D)
        NDArray nip = taskLoss(m, model, hidden, batch, PackedBatch.Task.NIP);
        NDArray csp = taskLoss(m, model, hidden, batch, PackedBatch.Task.CSP);
        NDArray nsp = taskLoss(m, model, hidden, batch, PackedBatch.Task.NSP);
        NDArray total = nip.add(csp.add(nsp).mul(maskWeight));
        return new FlowLosses(total, nip, csp, nsp, (int) batch.count(PackedBatch.Task.NIP),
                (int) batch.count(PackedBatch.Task.CSP), (int) batch.count(PackedBatch.Task.NSP));
    }

    private static NDArray taskLoss(NDManager m, BlockCausalDiT model, NDArray hidden, PackedBatch batch,
                                    PackedBatch.Task task) {
        List<PackedBatch.NoisyCopy> copies = new ArrayList<>();
        for (PackedBatch.NoisyCopy copy : batch.copies()) {
            if (copy.task() == task) {
                copies.add(copy);
            }
        }
        if (copies.isEmpty()) {
            return m.zeros(new Shape());
        }
        NDArray x0 = predict(m, model, hidden, batch, copies); // (N, P) predicted clean values
        int p = model.config().patchDim(copies.get(0).noisy().kind());
        int per = copies.get(0).target().length;
        int tokens = per / p;
        float[] target = new float[copies.size() * per];
        float[] xt = new float[copies.size() * per];
        float[] invT = new float[copies.size() * tokens];
        for (int i = 0; i < copies.size(); i++) {
            PackedBatch.NoisyCopy copy = copies.get(i);
            System.arraycopy(copy.target(), 0, target, i * per, per);
            System.arraycopy(copy.noisy().values(), 0, xt, i * per, per);
            java.util.Arrays.fill(invT, i * tokens, (i + 1) * tokens, 1f / Math.max(copy.t(), BlockCausalDiT.T_MIN));
        }
        Shape rows = new Shape(target.length / p, p);
        // x-prediction trained with the velocity loss: v_hat = (x_t - x0_hat) / max(t, T_MIN)
        NDArray v = m.create(xt, rows).sub(x0).mul(m.create(invT, new Shape(invT.length, 1))); // (N, P)
        return v.sub(m.create(target, rows)).square().mean();
    }

    /** Predicted clean values x0 (N, P) for the given copies (all of one kind family), in order. */
    public static NDArray predict(NDManager m, BlockCausalDiT model, NDArray hidden, PackedBatch batch,
                                  List<PackedBatch.NoisyCopy> copies) {
        int g = model.config().tokens(copies.get(0).noisy().kind());
        long[] idx = new long[copies.size() * g];
        int j = 0;
        for (PackedBatch.NoisyCopy copy : copies) {
            for (int i = 0; i < g; i++) {
                idx[j++] = batch.tokens().flat(copy.row(), copy.start() + i);
            }
        }
        long d = hidden.getShape().get(1);
        NDArray index = m.create(idx).reshape(idx.length, 1).repeat(1, d); // (N, D)
        NDArray rows = hidden.gather(index, 0); // (N, D)
        SegmentKind kind = copies.get(0).noisy().kind();
        NDArray source = null;
        if (kind == SegmentKind.IMAGE && model.config().sourceConditioning()) {
            int p = model.config().patchDim(kind);
            float[] src = new float[copies.size() * g * p];
            for (int i = 0; i < copies.size(); i++) {
                PackedBatch.NoisyCopy copy = copies.get(i);
                float[] one = batch.tokens().source(copy.row(), copy.start(), g, p);
                if (one != null) {
                    System.arraycopy(one, 0, src, i * g * p, g * p);
                }
            }
            source = m.create(src, new Shape(copies.size() * (long) g, p)); // (N, P)
        }
        return model.predictClean(rows, kind, source); // (N, P)
    }
}
