package studio.vincie.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A multi-turn editing session: a tree of {@link Turn}s rooted at the source image, with a current
 * turn. The path from the root to the current turn is the context of the next edit; editing from a
 * turn that already has children starts a new branch.
 *
 * <p>Not thread-safe: the controller mutates it on one (foreground) thread.
 */
public final class Session {

    private final Turn root;
    private Turn current;
    private String title;

    public Session(Turn root, String title) {
        this.root = Objects.requireNonNull(root, "root");
        if (!root.isRoot()) {
            throw new IllegalArgumentException("root turn has a parent");
        }
        this.current = root;
        this.title = title == null || title.isBlank() ? "Untitled" : title;
    }

    public Turn root() {
        return root;
    }

    public Turn current() {
        return current;
    }

    public String title() {
        return title;
    }

    public void setTitle(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** Makes {@code turn} current; it must belong to this session. */
    public void select(Turn turn) {
        if (!contains(turn)) {
            throw new IllegalArgumentException("turn is not part of this session: " + turn);
        }
        current = turn;
    }

    /** Root-to-current path, root first. */
    public List<Turn> branch() {
        return pathTo(current);
    }

    /** Root-to-{@code turn} path, root first. */
    public static List<Turn> pathTo(Turn turn) {
        List<Turn> path = new ArrayList<>();
        for (Turn t = turn; t != null; t = t.parent()) {
            path.add(t);
        }
        Collections.reverse(path);
        return path;
    }

    /** Every turn in depth-first pre-order (parents before children, siblings in order). */
    public List<Turn> allTurns() {
        List<Turn> out = new ArrayList<>();
        Deque<Turn> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Turn t = stack.pop();
            out.add(t);
            List<Turn> kids = t.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return out;
    }

    public Optional<Turn> findById(String id) {
        return allTurns().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public boolean contains(Turn turn) {
        Turn t = turn;
        while (t != null && t.parent() != null) {
            t = t.parent();
        }
        return t == root;
    }

    /** Attaches {@code child} under {@code parent} at {@code index} (clamped); used by commands and readers. */
    public void attach(Turn parent, Turn child, int index) {
        if (!contains(parent)) {
            throw new IllegalArgumentException("parent is not part of this session: " + parent);
        }
        parent.attach(child, index);
    }

    /** Detaches {@code turn} (with its subtree) and returns its former index; the root cannot be detached. */
    public int detach(Turn turn) {
        if (turn == root || turn.parent() == null) {
            throw new IllegalArgumentException("cannot detach the source turn");
        }
        Turn parent = turn.parent();
        boolean currentInside = isAncestorOrSelf(turn, current);
        int index = parent.detach(turn);
        if (currentInside) {
            current = parent;
        }
        return index;
    }

    private static boolean isAncestorOrSelf(Turn ancestor, Turn t) {
        for (Turn x = t; x != null; x = x.parent()) {
            if (x == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Number of turns in the tree, the source included. */
    public int size() {
        return allTurns().size();
    }
}
