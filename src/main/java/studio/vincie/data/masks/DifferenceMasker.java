package studio.vincie.data.masks;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import studio.vincie.data.describe.FramePair;

/**
 * Region masks for any video from frame differencing: a pixel changed when any colour channel moved by more
 * than {@code threshold}; then morphology cleans the raw map: opening removes isolated specks (codec noise),
 * closing fills holes inside changed objects, and dilation adds a margin so anti-aliased edges and the
 * object's new and old outline are inside. Both masks of a turn are the same region (differencing cannot
 * tell the before-region from the after-region).
 *
 * @see DifferenceMaskConfig
 */
public final class DifferenceMasker implements RegionMasker {

    private final DifferenceMaskConfig config;

    public DifferenceMasker(DifferenceMaskConfig config) {
        this.config = config;
    }

    @Override
    public MaskPair masks(FramePair pair, int size) {
        BufferedImage mask = mask(pair.from(), pair.to());
        if (mask == null) {
            return null;
        }
        return new MaskPair(mask, mask);
    }

    /** The cleaned change mask between two equally sized RGB frames, or null when nothing changed. */
    public BufferedImage mask(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        if (b.getWidth() != w || b.getHeight() != h) {
            throw new IllegalArgumentException("frames differ in size: " + w + "x" + h + " vs "
                    + b.getWidth() + "x" + b.getHeight());
        }
        boolean[] changed = new boolean[w * h];
        int[] ra = new int[w];
        int[] rb = new int[w];
        for (int y = 0; y < h; y++) {
            a.getRGB(0, y, w, 1, ra, 0, w);
            b.getRGB(0, y, w, 1, rb, 0, w);
            for (int x = 0; x < w; x++) {
                int p = ra[x];
                int q = rb[x];
                int d = Math.max(Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF)),
                        Math.max(Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF)), Math.abs((p & 0xFF) - (q & 0xFF))));
                changed[y * w + x] = d > config.threshold();
            }
        }
        boolean[] m = Morphology.open(changed, w, h, config.openRadius());
        m = Morphology.close(m, w, h, config.closeRadius());
        m = Morphology.dilate(m, w, h, config.dilateRadius());
        int area = 0;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int k = 0; k < m.length; k++) {
            if (m[k]) {
                px[k] = (byte) 255;
                area++;
            }
        }
        return area == 0 ? null : out;
    }
}
