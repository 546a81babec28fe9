package studio.vincie.data.world;

/**
 * The twelve edit categories a benchmark reports per: every {@link EventType} belongs to one.
 * {@link #label()} is the lower-case name used in JSON and tables.
 */
public enum EditCategory {
    ADD, REMOVE, RECOLOR, MOVE, RESIZE, ROTATE, SWAP, BACKGROUND, LIGHTING, VIEWPOINT, REORDER, INTERACTION;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Local edits change only the region of their objects; the others change the whole frame. */
    public boolean isLocal() {
        return this != BACKGROUND && this != LIGHTING && this != VIEWPOINT;
    }
}
