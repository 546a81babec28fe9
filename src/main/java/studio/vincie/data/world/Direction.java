package studio.vincie.data.world;

/** A direction a person names for a move or a camera pan, as a unit step in scene coordinates (y down). */
public enum Direction {
    LEFT("left", -1, 0), RIGHT("right", 1, 0), UP("up", 0, -1), DOWN("down", 0, 1);

    private final String word;
    private final int dx;
    private final int dy;

    Direction(String word, int dx, int dy) {
        this.word = word;
        this.dx = dx;
        this.dy = dy;
    }

    public String word() {
        return word;
    }

    public int dx() {
        return dx;
    }

    public int dy() {
        return dy;
    }
}
