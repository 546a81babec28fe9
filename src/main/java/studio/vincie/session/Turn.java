package studio.vincie.session;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One node of the session tree. The root holds the source image {@code I0} and has no instruction;
 * every other turn holds the instruction that produced it, the optional user mask painted for it,
 * the resulting image, the region masks the model predicted (current {@code Ck} and next {@code Nk}),
 * the settings and model it ran with, and how long it took.
 *
 * <p>Content is immutable; only the tree links change, and only through {@link Session}.
 */
public final class Turn {

    private final String id;
    private final String instruction;
    private final BufferedImage userMask;
    private final BufferedImage image;
    private final BufferedImage predictedCurrentMask;
    private final BufferedImage predictedNextMask;
    private final EditSettings settings;
    private final String modelId;
    private final long elapsedMillis;
    private final Instant createdAt;

    private Turn parent;
    private final List<Turn> children = new ArrayList<>();

    private Turn(Builder b) {
        this.id = b.id == null ? UUID.randomUUID().toString() : b.id;
        this.instruction = b.instruction == null ? "" : b.instruction;
        this.userMask = b.userMask;
        this.image = Objects.requireNonNull(b.image, "image");
        this.predictedCurrentMask = b.predictedCurrentMask;
        this.predictedNextMask = b.predictedNextMask;
        this.settings = b.settings;
        this.modelId = b.modelId == null ? "" : b.modelId;
        this.elapsedMillis = b.elapsedMillis;
        this.createdAt = b.createdAt == null ? Instant.now() : b.createdAt;
    }

    /** A root turn holding the source image. */
    public static Turn source(BufferedImage image) {
        return builder().image(image).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String id() {
        return id;
    }

    public boolean isRoot() {
        return parent == null;
    }

    /** Empty for the root. */
    public String instruction() {
        return instruction;
    }

    /** The mask the user painted for this turn (white = edit may happen here), or null. */
    public BufferedImage userMask() {
        return userMask;
    }

    public BufferedImage image() {
        return image;
    }

    public BufferedImage predictedCurrentMask() {
        return predictedCurrentMask;
    }

    public BufferedImage predictedNextMask() {
        return predictedNextMask;
    }

    /** The region-of-edit mask the next turns see as {@code Ck}: the user's if painted, else the predicted one. */
    public BufferedImage contextCurrentMask() {
        return userMask != null ? userMask : predictedCurrentMask;
    }

    /** Null for the root. */
    public EditSettings settings() {
        return settings;
    }

    public String modelId() {
        return modelId;
    }

    public long elapsedMillis() {
        return elapsedMillis;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Turn parent() {
        return parent;
    }

    public List<Turn> children() {
        return Collections.unmodifiableList(children);
    }

    /** Depth in the tree: 0 for the source, k for the k-th edit of a branch. */
    public int depth() {
        int d = 0;
        for (Turn t = parent; t != null; t = t.parent) {
            d++;
        }
        return d;
    }

    void attach(Turn child, int index) {
        if (child.parent != null) {
            throw new IllegalStateException("turn " + child.id + " already has a parent");
        }
        child.parent = this;
        children.add(Math.min(index, children.size()), child);
    }

    int detach(Turn child) {
        int index = children.indexOf(child);
        if (index < 0) {
            throw new IllegalStateException("turn " + child.id + " is not a child of " + id);
        }
        children.remove(index);
        child.parent = null;
        return index;
    }

    @Override
    public String toString() {
        return "Turn[" + depth() + ", \"" + instruction + "\"]";
    }

    /** Builds a turn; used by the controller and by the session reader. */
    public static final class Builder {
        private String id;
        private String instruction;
        private BufferedImage userMask;
        private BufferedImage image;
        private BufferedImage predictedCurrentMask;
        private BufferedImage predictedNextMask;
        private EditSettings settings;
        private String modelId;
        private long elapsedMillis;
        private Instant createdAt;

        private Builder() {
        }

        public Builder id(String v) {
            id = v;
            return this;
        }

        public Builder instruction(String v) {
            instruction = v;
            return this;
        }

        public Builder userMask(BufferedImage v) {
            userMask = v;
            return this;
        }

        public Builder image(BufferedImage v) {
            image = v;
            return this;
        }

        public Builder predictedCurrentMask(BufferedImage v) {
            predictedCurrentMask = v;
            return this;
        }

        public Builder predictedNextMask(BufferedImage v) {
            predictedNextMask = v;
            return this;
        }

        public Builder settings(EditSettings v) {
            settings = v;
            return this;
        }

        public Builder modelId(String v) {
            modelId = v;
            return this;
        }

        public Builder elapsedMillis(long v) {
            elapsedMillis = v;
            return this;
        }

        public Builder createdAt(Instant v) {
            createdAt = v;
            return this;
        }

        public Turn build() {
            return new Turn(this);
        }
    }
}
