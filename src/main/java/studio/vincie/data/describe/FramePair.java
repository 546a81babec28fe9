package studio.vincie.data.describe;

import java.awt.image.BufferedImage;

/**
 * Two selected frames of one video, the "before" and "after" of a turn, with their frame indices and times.
 */
public record FramePair(int fromIndex, int toIndex, double fps, BufferedImage from, BufferedImage to) {

    public FramePair {
        if (fromIndex < 0 || toIndex <= fromIndex) {
            throw new IllegalArgumentException("frame pair must go forward in time (got " + fromIndex + " -> "
                    + toIndex + ")");
        }
        if (!(fps > 0)) {
            throw new IllegalArgumentException("fps must be positive, was " + fps);
        }
    }

    /** Time of the "before" frame in seconds. */
    public double fromSeconds() {
        return fromIndex / fps;
    }

    /** Time of the "after" frame in seconds. */
    public double toSeconds() {
        return toIndex / fps;
    }
}
