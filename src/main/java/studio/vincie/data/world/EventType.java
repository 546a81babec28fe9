package studio.vincie.data.world;

/** The kinds of studio events and the edit category each belongs to. */
public enum EventType {
    APPEAR(EditCategory.ADD),
    DISAPPEAR(EditCategory.REMOVE),
    RECOLOR(EditCategory.RECOLOR),
    MOVE(EditCategory.MOVE),
    GROW(EditCategory.RESIZE),
    SHRINK(EditCategory.RESIZE),
    ROTATE(EditCategory.ROTATE),
    SWAP(EditCategory.SWAP),
    BACKGROUND(EditCategory.BACKGROUND),
    TIME_OF_DAY(EditCategory.LIGHTING),
    CAMERA(EditCategory.VIEWPOINT),
    BRING_TO_FRONT(EditCategory.REORDER),
    INTERACTION(EditCategory.INTERACTION);

    private final EditCategory category;

    EventType(EditCategory category) {
        this.category = category;
    }

    public EditCategory category() {
        return category;
    }
}
