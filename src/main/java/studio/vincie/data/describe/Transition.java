package studio.vincie.data.describe;

/**
 * An instruction for one turn and its edit category (e.g. "recolor", "move"; "unknown" when the describer
 * cannot tell).
 */
public record Transition(String instruction, String category) {

    public Transition {
        if (instruction == null || instruction.isBlank()) {
            throw new IllegalArgumentException("a transition needs a non-empty instruction");
        }
        instruction = instruction.strip();
        category = category == null || category.isBlank() ? "unknown" : category.strip();
    }
}
