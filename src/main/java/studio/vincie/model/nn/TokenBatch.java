package studio.vincie.model.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import studio.vincie.model.ModelConfig;

/**
 * Host-side description of B rows of T tokens, ready to become NDArrays: per token its role, content,
 * 3D RoPE position (segment, row, column), attention group and timestep. Built row by row with
 * {@link Builder}; shorter rows are padded with tokens nobody attends.
 *
 * <p>Attention rule (design.md 3.2 and 3.5): query q may see key k iff they are in the same group
 * (the same segment, or the same noisy copy) or k is clean and {@code seg(k) < seg(q)}. Clean segments
 * thus see themselves and everything before; a noisy copy of j sees the clean segments before j and
 * itself; nothing sees noisy copies or padding.
 */
public final class TokenBatch {

    static final int PAD_GROUP = Integer.MIN_VALUE;

    public final int batch;
    public final int length;
    final int[] role;
    final int[] textId;
    final float[] image;
    final float[] mask;
    /**
     * Source patches of the noisy image tokens that have one (ModelConfig.sourceConditioning), packed:
     * {@code sourceCount x imagePatchDim}. Few tokens have a source, so only those are stored and
     * projected; {@link #sourceRow} says which row a token takes (1-based; 0 = none).
     */
    final float[] sourceRows;
    final int[] sourceRow;
    final int sourceCount;
    /** The same for noisy mask tokens: the source patches under each ({@link ModelConfig#maskSourceDim()}). */
    final float[] maskSourceRows;
    final int[] maskSourceRow;
    final int maskSourceCount;
    final int[] seg;
    final float[] row;
    final float[] col;
    final int[] group;
    final boolean[] clean;
    final int[] tIndex;
    final float[] tTable;
    final boolean hasText;
    final boolean hasImage;
    final boolean hasMask;
    /** Per token, the row of {@link #pooledTexts} whose mean embedding it receives; 0 = none. */
    final int[] pooledIndex;
    /** Instructions pooled into noisy tokens (ModelConfig.pooledText); entry 0 is "none" (null). */
    final List<int[]> pooledTexts;

    private TokenBatch(Builder b, int length) {
        this.batch = b.rows.size();
        this.length = length;
        int n = batch * length;
        int pi = b.config.imagePatchDim();
        int pm = b.config.maskPatchDim();
        role = new int[n];
        textId = new int[n];
        seg = new int[n];
        row = new float[n];
        col = new float[n];
        group = new int[n];
        clean = new boolean[n];
        tIndex = new int[n];
        Arrays.fill(group, PAD_GROUP);
        boolean anyText = false;
        boolean anyImage = false;
        boolean anyMask = false;
        for (Builder.Row r : b.rows) {
            for (Builder.Entry e : r.entries) {
                anyText |= e.segment.kind() == SegmentKind.TEXT;
                anyImage |= e.segment.kind() == SegmentKind.IMAGE;
                anyMask |= e.segment.kind().isMask();
            }
            anyText |= r.tokens < length; // padding tokens are PAD text tokens
        }
        hasText = anyText;
        hasImage = anyImage;
        hasMask = anyMask;
        image = anyImage ? new float[n * pi] : null;
        int imageSources = 0;
        int maskSources = 0;
        for (Builder.Row r : b.rows) {
            for (Builder.Entry e : r.entries) {
                if (e.source != null) {
                    if (e.segment.kind() == SegmentKind.IMAGE) {
                        imageSources += e.segment.tokenCount(b.config);
                    } else {
                        maskSources += e.segment.tokenCount(b.config);
                    }
                }
            }
        }
        int ms = b.config.maskSourceDim();
        sourceCount = imageSources;
        sourceRows = new float[imageSources * pi];
        sourceRow = new int[n];
        maskSourceCount = maskSources;
        maskSourceRows = new float[maskSources * ms];
        maskSourceRow = new int[n];
        int nextSource = 0;
        int nextMaskSource = 0;
        mask = anyMask ? new float[n * pm] : null;
        int grid = b.config.grid();
        int maskGrid = b.config.maskGrid();
        // Mask tokens are coarser: place each at the centre of the image tokens it covers, so RoPE
        // relates a mask token to the image tokens under it.
        float ratio = (float) grid / maskGrid;
        for (int bi = 0; bi < batch; bi++) {
            int p = bi * length;
            for (Builder.Entry e : b.rows.get(bi).entries) {
                Segment s = e.segment;
                int count = s.tokenCount(b.config);
                float[] under = e.source != null && s.kind().isMask() ? maskSource(b.config, e.source) : null;
                for (int i = 0; i < count; i++, p++) {
                    role[p] = s.kind().ordinal();
                    seg[p] = s.index();
                    group[p] = e.group;
                    clean[p] = e.clean;
                    tIndex[p] = e.tIndex;
                    if (s.kind() == SegmentKind.TEXT) {
                        textId[p] = s.tokenIds()[i];
                        row[p] = i;
                        col[p] = i;
                    } else if (s.kind() == SegmentKind.IMAGE) {
                        row[p] = i / grid;
                        col[p] = i % grid;
                        System.arraycopy(s.values(), i * pi, image, p * pi, pi);
                        if (e.source != null) {
                            System.arraycopy(e.source, i * pi, sourceRows, nextSource * pi, pi);
                            sourceRow[p] = ++nextSource;
                        }
                    } else {
                        row[p] = maskPosition(i / maskGrid, ratio);
                        col[p] = maskPosition(i % maskGrid, ratio);
                        System.arraycopy(s.values(), i * pm, mask, p * pm, pm);
                        if (under != null) {
                            System.arraycopy(under, i * ms, maskSourceRows, nextMaskSource * ms, ms);
                            maskSourceRow[p] = ++nextMaskSource;
                        }
                    }
                }
            }
        }
        pooledTexts = new ArrayList<>();
        pooledTexts.add(null);
        pooledIndex = new int[n];
        for (int bi = 0; bi < batch; bi++) {
            int p = bi * length;
            for (Builder.Entry e : b.rows.get(bi).entries) {
                int count = e.segment.tokenCount(b.config);
                if (e.pooledText != null) {
                    int u = pooledTexts.size();
                    pooledTexts.add(e.pooledText);
                    Arrays.fill(pooledIndex, p, p + count, u);
                }
                p += count;
            }
        }
        tTable = new float[b.tValues.size()];
        for (int i = 0; i < tTable.length; i++) {
            tTable[i] = b.tValues.get(i);
        }
    }

    /**
     * Rearranges source image values (image-token layout) into mask-token layout: per mask token, the
     * (maskPatchSize / patchSize)^2 image tokens it covers, row by row, side by side.
     */
    public static float[] maskSource(ModelConfig c, float[] image) {
        int r = c.maskPatchSize() / c.patchSize();
        int grid = c.grid();
        int mg = c.maskGrid();
        int pi = c.imagePatchDim();
        float[] out = new float[c.maskTokens() * c.maskSourceDim()];
        int o = 0;
        for (int mr = 0; mr < mg; mr++) {
            for (int mc = 0; mc < mg; mc++) {
                for (int dr = 0; dr < r; dr++) {
                    for (int dc = 0; dc < r; dc++) {
                        int token = (mr * r + dr) * grid + mc * r + dc;
                        System.arraycopy(image, token * pi, out, o, pi);
                        o += pi;
                    }
                }
            }
        }
        return out;
    }

    /**
     * The source of a generated segment {@code index} (ModelConfig.sourceConditioning): the values of
     * the image with the highest index below it among {@code clean}, or null. The one definition the
     * packer, full recomputation and the cached sampler share.
     */
    public static float[] sourceOf(List<Segment> clean, int index) {
        Segment best = null;
        for (Segment g : clean) {
            if (g.kind() == SegmentKind.IMAGE && g.index() < index && (best == null || g.index() > best.index())) {
                best = g;
            }
        }
        return best == null ? null : best.values();
    }

    /** Position on the image grid of mask row/column {@code i}: the centre of the image tokens it covers. */
    static float maskPosition(int i, float ratio) {
        return (i + 0.5f) * ratio - 0.5f;
    }

    /**
     * Source values of the {@code tokens} tokens from position {@code pos} of row {@code b}
     * (tokens x P, zero where a token has none), or null when no token of the batch has a source.
     */
    public float[] source(int b, int pos, int tokens, int patchDim) {
        if (sourceCount == 0) {
            return null;
        }
        float[] out = new float[tokens * patchDim];
        for (int i = 0; i < tokens; i++) {
            int r = sourceRow[flat(b, pos + i)];
            if (r > 0) {
                System.arraycopy(sourceRows, (r - 1) * patchDim, out, i * patchDim, patchDim);
            }
        }
        return out;
    }

    /** Flat token index of position {@code pos} in row {@code b}. */
    public int flat(int b, int pos) {
        return b * length + pos;
    }

    /** Additive block-causal mask (B, 1, T, T): 0 where attention is allowed, -1e9 elsewhere. */
    float[] additiveMask() {
        float[] m = new float[batch * length * length];
        for (int b = 0; b < batch; b++) {
            int o = b * length;
            for (int q = 0; q < length; q++) {
                int base = (b * length + q) * length;
                int gq = group[o + q];
                int sq = seg[o + q];
                for (int k = 0; k < length; k++) {
                    boolean ok = group[o + k] == gq || (clean[o + k] && seg[o + k] < sq);
                    m[base + k] = ok ? 0f : -1e9f;
                }
            }
        }
        return m;
    }

    /** Builds rows of segments; see the class Javadoc for the attention groups. */
    public static final class Builder {
        private final ModelConfig config;
        private final List<Row> rows = new ArrayList<>();
        private final List<Float> tValues = new ArrayList<>(List.of(0f));

        public Builder(ModelConfig config) {
            this.config = config;
        }

        /** Starts a new row; later segments go to it. */
        public Builder newRow() {
            rows.add(new Row());
            return this;
        }

        /** Appends a clean segment (t = 0) to the current row; returns its first position. */
        public int addClean(Segment s) {
            return current().add(new Entry(s, s.index(), true, 0, null, null), s.tokenCount(config));
        }

        /**
         * Appends a noisy copy at timestep t; {@code copyId} (>= 1) must be unique within the row.
         * Returns its first position.
         */
        public int addNoisy(Segment s, float t, int copyId) {
            float[] source = null;
            if (config.sourceConditioning() && s.kind() != SegmentKind.TEXT) {
                source = current().latestCleanImageBefore(s.index());
            }
            int[] text = config.pooledText() ? current().instructionOfTurn(s.turn()) : null;
            return addNoisy(s, t, copyId, source, text);
        }

        /**
         * Appends a noisy copy with an explicit source (the values of the clean image the edit starts
         * from, in image layout, or null). {@link #addNoisy(Segment, float, int)} finds it in the row:
         * the latest clean image before the copy's segment, which is what the cached sampler passes
         * explicitly. Images and masks both take one; a mask sees the image patches under each token.
         */
        public int addNoisy(Segment s, float t, int copyId, float[] source, int[] pooledText) {
            if (pooledText != null && (!config.pooledText() || pooledText.length != config.textLength())) {
                throw new IllegalArgumentException("a pooled instruction has textLength ids, under a config "
                        + "with pooledText");
            }
            if (source != null && (s.kind() == SegmentKind.TEXT || !config.sourceConditioning()
                    || source.length != config.gridTokens() * config.imagePatchDim())) {
                throw new IllegalArgumentException("a source is a whole image, for a noisy image or mask "
                        + "under a config with sourceConditioning");
            }
            if (copyId < 1) {
                throw new IllegalArgumentException("copyId must be >= 1");
            }
            int ti = tValues.indexOf(t);
            if (ti < 0) {
                tValues.add(t);
                ti = tValues.size() - 1;
            }
            return current().add(new Entry(s, -copyId, false, ti, source, pooledText), s.tokenCount(config));
        }

        private Row current() {
            if (rows.isEmpty()) {
                newRow();
            }
            return rows.get(rows.size() - 1);
        }

        public TokenBatch build() {
            int length = rows.stream().mapToInt(r -> r.tokens).max().orElse(0);
            if (length == 0) {
                throw new IllegalStateException("token batch is empty");
            }
            return new TokenBatch(this, length);
        }

        private static final class Row {
            final List<Entry> entries = new ArrayList<>();
            int tokens;

            /** The source of a noisy copy of segment {@code index}: see {@link TokenBatch#sourceOf}. */
            float[] latestCleanImageBefore(int index) {
                return sourceOf(entries.stream().filter(Entry::clean).map(Entry::segment).toList(), index);
            }

            /** Token ids of the clean instruction of {@code turn} in this row, or null. */
            int[] instructionOfTurn(int turn) {
                for (Entry e : entries) {
                    if (e.clean && e.segment.kind() == SegmentKind.TEXT && e.segment.turn() == turn) {
                        return e.segment.tokenIds();
                    }
                }
                return null;
            }

            int add(Entry e, int count) {
                entries.add(e);
                int start = tokens;
                tokens += count;
                return start;
            }
        }

        private record Entry(Segment segment, int group, boolean clean, int tIndex, float[] source,
                             int[] pooledText) {
        }
    }
}
