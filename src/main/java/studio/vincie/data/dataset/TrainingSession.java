package studio.vincie.data.dataset;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One training session cut from a video: the images {@code I0..In}, the instructions {@code T1..Tn}, the
 * current-region masks {@code C1..Cn} (where in {@code I(k-1)} turn k edits) and the next-region masks
 * {@code N1..Nn} (where in {@code Ik} the changed content lies), plus one edit category per turn. Mask
 * entries may be {@code null} (no mask for that turn); the lists themselves are never null. See
 * {@code docs/dataset-format.md} for how this lies on disk.
 */
public record TrainingSession(String id, String split, List<BufferedImage> images, List<String> instructions,
                              List<BufferedImage> currentMasks, List<BufferedImage> nextMasks,
                              List<String> categories) {

    /** The splits a session may belong to. */
    public static final Set<String> SPLITS = Set.of("train", "val", "test");

    public TrainingSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(split, "split");
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("session id '" + id
                    + "' may only contain letters, digits, '_', '.' and '-' (it names a folder)");
        }
        if (!SPLITS.contains(split)) {
            throw new IllegalArgumentException("split '" + split + "' of session " + id
                    + " must be one of train, val, test");
        }
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(currentMasks, "currentMasks");
        Objects.requireNonNull(nextMasks, "nextMasks");
        Objects.requireNonNull(categories, "categories");
        int turns = instructions.size();
        if (turns < 1) {
            throw new IllegalArgumentException("session " + id + " needs at least one turn (two images)");
        }
        if (images.size() != turns + 1) {
            throw new IllegalArgumentException("session " + id + " has " + turns + " instructions but "
                    + images.size() + " images; give one image more than instructions (I0..In)");
        }
        if (currentMasks.size() != turns || nextMasks.size() != turns || categories.size() != turns) {
            throw new IllegalArgumentException("session " + id + ": currentMasks (" + currentMasks.size()
                    + "), nextMasks (" + nextMasks.size() + ") and categories (" + categories.size()
                    + ") must each have one entry per instruction (" + turns + ")");
        }
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i) == null) {
                throw new IllegalArgumentException("session " + id + ": image I" + i + " is null");
            }
        }
        for (int i = 0; i < turns; i++) {
            if (instructions.get(i) == null || instructions.get(i).isBlank()) {
                throw new IllegalArgumentException("session " + id + ": instruction T" + (i + 1) + " is empty");
            }
            if (categories.get(i) == null || categories.get(i).isBlank()) {
                throw new IllegalArgumentException("session " + id + ": category of turn " + (i + 1) + " is empty");
            }
        }
        images = List.copyOf(images);
        instructions = List.copyOf(instructions);
        categories = List.copyOf(categories);
        // List.copyOf rejects nulls, but mask entries may legitimately be null.
        currentMasks = Collections.unmodifiableList(new ArrayList<>(currentMasks));
        nextMasks = Collections.unmodifiableList(new ArrayList<>(nextMasks));
    }

    /** Number of turns n (instructions). */
    public int turns() {
        return instructions.size();
    }
}
