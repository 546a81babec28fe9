package studio.vincie.model.nn;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Exact key/value cache of committed segments (design.md 3.6), one entry per layer. Because attention
 * is block-causal and context is clean (t = 0), the keys and values of a committed segment never
 * change, so appending a segment runs only its tokens and a sampling step runs only the noisy target.
 *
 * <p>Two parts: the <em>committed</em> prefix (batch 1, shared by every branch) and an optional
 * <em>branch</em> suffix with batch {@code b} (2 for guidance: row 0 the instruction, row 1 the null
 * instruction), since the branches differ from the current instruction on. {@link #commitBranch(int)}
 * keeps one row of the branch as committed. Every committed segment carries a key (a fingerprint of
 * its content) so a new request can reuse the longest matching prefix ({@link #truncate(int)}): this is
 * how the cache follows the session tree. Keys are stored transposed, {@code (b, H, E, P)}, values
 * {@code (b, H, P, E)}; all arrays live in the cache's own manager.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] committedK;
    private final NDArray[] committedV;
    private final NDArray[] branchK;
    private final NDArray[] branchV;
    private final NDArray[] joinedK;
    private final NDArray[] joinedV;
    private final List<String> keys = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();
    private final List<String> branchKeys = new ArrayList<>();
    private final List<Integer> branchSizes = new ArrayList<>();

    public KvCache(NDManager parent, int depth) {
        this.manager = parent.newSubManager();
        committedK = new NDArray[depth];
        committedV = new NDArray[depth];
        branchK = new NDArray[depth];
        branchV = new NDArray[depth];
        joinedK = new NDArray[depth];
        joinedV = new NDArray[depth];
    }

    /** Keys of the committed segments, in order. */
    public List<String> keys() {
        return List.copyOf(keys);
    }

    public List<String> branchKeys() {
        return List.copyOf(branchKeys);
    }

    public int committedTokens() {
        return sizes.stream().mapToInt(Integer::intValue).sum();
    }

    public int branchTokens() {
        return branchSizes.stream().mapToInt(Integer::intValue).sum();
    }

    /** Rows of the branch part, or 0 when there is none. */
    public int branchRows() {
        return branchK[0] == null ? 0 : (int) branchK[0].getShape().get(0);
    }

    /**
     * What a new query attends in {@code layer}, as one {K^T (b, H, E, P), V (b, H, P, E)} pair, or null
     * when the cache is empty. With a branch, committed and branch are joined into one contiguous
     * batch-{@code b} pair, built once and reused by every sampling step until the cache changes: a
     * batch-1 prefix broadcast against batch-2 queries would otherwise be copied inside every matmul.
     */
    NDArray[] context(int layer) {
        if (branchK[layer] == null) {
            return committedK[layer] == null ? null : new NDArray[] {committedK[layer], committedV[layer]};
        }
        if (committedK[layer] == null) {
            return new NDArray[] {branchK[layer], branchV[layer]};
        }
        if (joinedK[layer] == null) {
            Shape bk = branchK[layer].getShape();
            Shape ck = committedK[layer].getShape();
            Shape cv = committedV[layer].getShape();
            NDArray k = committedK[layer].broadcast(bk.get(0), ck.get(1), ck.get(2), ck.get(3));
            NDArray v = committedV[layer].broadcast(bk.get(0), cv.get(1), cv.get(2), cv.get(3));
            joinedK[layer] = NDArrays.concat(new NDList(k, branchK[layer]), 3);
            joinedV[layer] = NDArrays.concat(new NDList(v, branchV[layer]), 2);
            joinedK[layer].attach(manager);
            joinedV[layer].attach(manager);
            k.close();
            v.close();
        }
        return new NDArray[] {joinedK[layer], joinedV[layer]};
    }

    private void invalidate(int layer) {
        if (joinedK[layer] != null) {
            joinedK[layer].close();
            joinedV[layer].close();
            joinedK[layer] = null;
            joinedV[layer] = null;
        }
    }

    /** Stores layer K^T (b, H, E, T) and V (b, H, T, E) of a new segment; batch 1 goes to committed. */
    void put(int layer, NDArray kT, NDArray v, boolean toBranch) {
        invalidate(layer);
        if (toBranch) {
            branchK[layer] = join(branchK[layer], kT, 3);
            branchV[layer] = join(branchV[layer], v, 2);
        } else {
            committedK[layer] = join(committedK[layer], kT, 3);
            committedV[layer] = join(committedV[layer], v, 2);
        }
    }

    /** Records the key and size of the segment whose layers were just {@link #put}. */
    void recordSegment(String key, int tokens, boolean toBranch) {
        (toBranch ? branchKeys : keys).add(key);
        (toBranch ? branchSizes : sizes).add(tokens);
    }

    private NDArray join(NDArray old, NDArray add, int axis) {
        NDArray out;
        if (old == null) {
            out = add.duplicate(); // contiguous copy: a view would keep the whole qkv buffer alive
        } else {
            out = NDArrays.concat(new NDList(old, add), axis);
            old.close();
        }
        out.attach(manager);
        return out;
    }

    /** Keeps only the first {@code segments} committed segments and drops any branch. */
    public void truncate(int segments) {
        dropBranch();
        if (segments >= keys.size()) {
            return;
        }
        int tokens = 0;
        for (int i = 0; i < segments; i++) {
            tokens += sizes.get(i);
        }
        for (int l = 0; l < committedK.length; l++) {
            invalidate(l);
            if (tokens == 0) {
                committedK[l].close();
                committedV[l].close();
                committedK[l] = null;
                committedV[l] = null;
            } else {
                NDArray kView = committedK[l].get(":, :, :, :" + tokens);
                NDArray vView = committedV[l].get(":, :, :" + tokens + ", :");
                NDArray k = kView.duplicate();
                NDArray v = vView.duplicate();
                kView.close();
                vView.close();
                committedK[l].close();
                committedV[l].close();
                committedK[l] = k;
                committedV[l] = v;
            }
        }
        keys.subList(segments, keys.size()).clear();
        sizes.subList(segments, sizes.size()).clear();
    }

    /** Drops the branch part (e.g. after a cancelled edit). */
    public void dropBranch() {
        for (int l = 0; l < branchK.length; l++) {
            invalidate(l);
            if (branchK[l] != null) {
                branchK[l].close();
                branchV[l].close();
                branchK[l] = null;
                branchV[l] = null;
            }
        }
        branchKeys.clear();
        branchSizes.clear();
    }

    /** Moves row {@code row} of the branch into the committed prefix (the instruction that was used). */
    public void commitBranch(int row) {
        if (branchK[0] == null) {
            return;
        }
        for (int l = 0; l < branchK.length; l++) {
            NDArray k = branchK[l].get(row + ":" + (row + 1));
            NDArray v = branchV[l].get(row + ":" + (row + 1));
            put(l, k, v, false);
            k.close();
            v.close();
        }
        keys.addAll(branchKeys);
        sizes.addAll(branchSizes);
        dropBranch();
    }

    @Override
    public void close() {
        manager.close();
    }
}
