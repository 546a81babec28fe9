package studio.vincie.data.world;

import java.util.Objects;

/** A natural-language edit instruction and the edit category it belongs to. */
public record Instruction(String text, EditCategory category) {
    public Instruction {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(category, "category");
        if (text.isBlank()) {
            throw new IllegalArgumentException("instruction text must not be blank");
        }
    }
}
