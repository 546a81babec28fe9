package studio.vincie.data.world;

/** How far a move goes, in the words a person uses, with its exact length in scene units. */
public enum Distance {
    A_LITTLE("a little", 0.12), FAR("far", 0.3);

    private final String word;
    private final double amount;

    Distance(String word, double amount) {
        this.word = word;
        this.amount = amount;
    }

    public String word() {
        return word;
    }

    /** Length in scene units (the visible scene is the unit square at the default camera). */
    public double amount() {
        return amount;
    }
}
