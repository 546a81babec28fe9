package studio.vincie.model.pack;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import studio.vincie.model.codec.ImageCodec;
import studio.vincie.model.nn.Segment;
import studio.vincie.model.text.Tokenizer;

/**
 * One training session as segments: images {@code I0..In}, instructions {@code T1..Tn}, and per turn
 * an optional current mask {@code Ck} and next mask {@code Nk} (null entries when absent). Built with
 * {@link #encode} from exactly the fields of {@code studio.vincie.data.dataset.TrainingSession}.
 */
public record SessionExample(List<Segment> images, List<Segment> instructions, List<Segment> currentMasks,
                             List<Segment> nextMasks) {

    public SessionExample {
        if (images.size() < 2) {
            throw new IllegalArgumentException("a session needs at least I0 and I1, had " + images.size() + " images");
        }
        int turns = images.size() - 1;
        if (instructions.size() != turns || currentMasks.size() != turns || nextMasks.size() != turns) {
            throw new IllegalArgumentException("a session with " + turns + " turns needs " + turns
                    + " instructions, current masks and next masks (null entries allowed), had "
                    + instructions.size() + ", " + currentMasks.size() + ", " + nextMasks.size());
        }
        images = List.copyOf(images);
        instructions = List.copyOf(instructions);
        currentMasks = java.util.Collections.unmodifiableList(new ArrayList<>(currentMasks));
        nextMasks = java.util.Collections.unmodifiableList(new ArrayList<>(nextMasks));
    }

    public int turns() {
        return images.size() - 1;
    }

    /**
     * Encodes a session; {@code currentMasks}/{@code nextMasks} may be null lists (no masks) or have
     * null entries.
     */
    public static SessionExample encode(List<BufferedImage> images, List<String> instructions,
                                        List<BufferedImage> currentMasks, List<BufferedImage> nextMasks,
                                        ImageCodec codec, Tokenizer tokenizer) {
        int turns = images.size() - 1;
        List<Segment> img = new ArrayList<>();
        List<Segment> txt = new ArrayList<>();
        List<Segment> cur = new ArrayList<>();
        List<Segment> next = new ArrayList<>();
        img.add(new Segment(studio.vincie.model.nn.SegmentKind.IMAGE, 0, null, codec.encodeImage(images.get(0))));
        for (int k = 1; k <= turns; k++) {
            img.add(Segment.image(k, codec.encodeImage(images.get(k))));
            txt.add(Segment.text(k, tokenizer.encode(instructions.get(k - 1))));
            BufferedImage c = currentMasks == null ? null : currentMasks.get(k - 1);
            BufferedImage n = nextMasks == null ? null : nextMasks.get(k - 1);
            cur.add(c == null ? null : Segment.currentMask(k, codec.encodeMask(c)));
            next.add(n == null ? null : Segment.nextMask(k, codec.encodeMask(n)));
        }
        return new SessionExample(img, txt, cur, next);
    }
}
