package studio.vincie.data.masks;

import studio.vincie.data.describe.FramePair;

/**
 * Stage 3: the region masks of one turn. {@link SceneGraphMasker} is exact for studio videos;
 * {@link DifferenceMasker} estimates the region of any video from frame differences and morphology.
 */
public interface RegionMasker {

    /** Masks of the change {@code pair} shows, at {@code size x size}; null when there is no region to mark. */
    MaskPair masks(FramePair pair, int size);
}
