package studio.vincie.data.world;

/** Where an object ends up relative to another in an interaction event: touching it on one side. */
public enum Relation {
    LEFT_OF("to the left of"), RIGHT_OF("to the right of"), ON_TOP_OF("on top of");

    private final String words;

    Relation(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
