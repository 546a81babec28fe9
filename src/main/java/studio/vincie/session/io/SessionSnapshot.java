package studio.vincie.session.io;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import studio.vincie.session.Session;
import studio.vincie.session.Turn;

/**
 * What a save writes, captured from a {@link Session} in an instant: the {@code session.json}
 * document and references to the turns' images and masks. {@link Session} is not thread-safe, so
 * take the snapshot on the thread that owns the session (cheap: no pixels are copied, turn content
 * is immutable), then hand it to {@link SessionStore#save(SessionSnapshot, java.nio.file.Path)} or
 * {@link Autosave#save(SessionSnapshot)} on a background thread, where the PNG encoding happens.
 */
public final class SessionSnapshot {

    private final SessionDto document;
    private final Map<String, BufferedImage> images;
    private final Map<String, BufferedImage> masks;

    private SessionSnapshot(SessionDto document, Map<String, BufferedImage> images, Map<String, BufferedImage> masks) {
        this.document = document;
        this.images = Collections.unmodifiableMap(images);
        this.masks = Collections.unmodifiableMap(masks);
    }

    /** Captures {@code session}; call on the thread that owns it. */
    public static SessionSnapshot of(Session session) {
        Map<String, BufferedImage> images = new LinkedHashMap<>();
        Map<String, BufferedImage> masks = new LinkedHashMap<>();
        for (Turn t : session.allTurns()) {
            images.put(SessionFormat.imageEntry(t.id()), t.image());
            putIfPresent(masks, SessionFormat.maskEntry(t.id(), "user"), t.userMask());
            putIfPresent(masks, SessionFormat.maskEntry(t.id(), "current"), t.predictedCurrentMask());
            putIfPresent(masks, SessionFormat.maskEntry(t.id(), "next"), t.predictedNextMask());
        }
        return new SessionSnapshot(SessionFormat.toDto(session), images, masks);
    }

    private static void putIfPresent(Map<String, BufferedImage> map, String name, BufferedImage img) {
        if (img != null) {
            map.put(name, img);
        }
    }

    /** The same snapshot under another title (a Save As names the session after its file). */
    public SessionSnapshot withTitle(String title) {
        SessionDto d = document;
        return new SessionSnapshot(new SessionDto(d.formatVersion(), d.appVersion(), title, d.currentTurnId(), d.turns()),
                images, masks);
    }

    public String title() {
        return document.title();
    }

    public int turnCount() {
        return document.turns().size();
    }

    SessionDto document() {
        return document;
    }

    /** Image entries (RGB) by zip entry name, in tree order. */
    Map<String, BufferedImage> images() {
        return images;
    }

    /** Mask entries (gray) by zip entry name. */
    Map<String, BufferedImage> masks() {
        return masks;
    }
}
