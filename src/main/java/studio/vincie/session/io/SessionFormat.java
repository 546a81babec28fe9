package studio.vincie.session.io;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import studio.vincie.session.EditSettings;
import studio.vincie.session.Session;
import studio.vincie.session.Turn;

/**
 * The mapping between a {@link Session} and its {@link SessionDto}: entry names, migration of older
 * format versions, and validation of everything read (ids, parents, child order, cycles, settings,
 * timestamps). Every problem becomes a {@link SessionFileException} naming the file and the fault.
 */
final class SessionFormat {

    /** The format version this build writes; readers accept 1..CURRENT_VERSION. */
    static final int CURRENT_VERSION = 1;

    static final String JSON_ENTRY = "session.json";

    private SessionFormat() {
    }

    static String imageEntry(String id) {
        return "images/" + entryStem(id) + ".png";
    }

    static String maskEntry(String id, String kind) {
        return "masks/" + entryStem(id) + "-" + kind + ".png";
    }

    /**
     * Turn ids are UUIDs in practice; any other id is made safe for an entry name and kept unique by
     * its hash. Readers never derive names from ids: they use the names stored in session.json.
     */
    private static String entryStem(String id) {
        if (id.matches("[A-Za-z0-9._-]{1,80}") && !id.startsWith(".")) {
            return id;
        }
        String safe = id.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe.substring(0, Math.min(40, safe.length())) + "-" + Integer.toHexString(id.hashCode());
    }

    static String appVersion() {
        String v = Session.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    // ---- writing

    static SessionDto toDto(Session session) {
        List<SessionDto.TurnDto> turns = new ArrayList<>();
        for (Turn t : session.allTurns()) {
            EditSettings s = t.settings();
            turns.add(new SessionDto.TurnDto(
                    t.id(),
                    t.parent() == null ? null : t.parent().id(),
                    t.children().stream().map(Turn::id).toList(),
                    t.instruction(),
                    s == null ? null : new SessionDto.SettingsDto(s.seed(), s.steps(), s.guidance()),
                    t.modelId(),
                    t.elapsedMillis(),
                    t.createdAt().toString(),
                    imageEntry(t.id()),
                    t.userMask() == null ? null : maskEntry(t.id(), "user"),
                    t.predictedCurrentMask() == null ? null : maskEntry(t.id(), "current"),
                    t.predictedNextMask() == null ? null : maskEntry(t.id(), "next")));
        }
        return new SessionDto(CURRENT_VERSION, appVersion(), session.title(), session.current().id(), turns);
    }

    // ---- reading

    /**
     * Brings a parsed document of any supported version up to {@link #CURRENT_VERSION}. Each future
     * format change adds one {@code from N to N+1} step here, so old files keep opening.
     */
    static ObjectNode migrate(ObjectNode doc, String fileName) throws SessionFileException {
        JsonNode versionNode = doc.get("formatVersion");
        if (versionNode == null || !versionNode.canConvertToInt()) {
            throw new SessionFileException(fileName + " is not a Vincie Studio session: session.json has no formatVersion.");
        }
        int version = versionNode.asInt();
        if (version > CURRENT_VERSION) {
            throw new SessionFileException("This session was written by a newer Vincie Studio (format " + version
                    + "; this version reads up to format " + CURRENT_VERSION + "). Update the app to open " + fileName + ".");
        }
        if (version < 1) {
            throw new SessionFileException(fileName + " has an invalid formatVersion " + version + "; the file is damaged.");
        }
        // version == CURRENT_VERSION: nothing to do yet. Future steps look like:
        // if (version == 1) { doc = migrate1to2(doc); version = 2; }
        doc.put("formatVersion", CURRENT_VERSION);
        return doc;
    }

    /** Supplies the decoded pixels of a zip entry, or fails if the entry is missing or not a PNG. */
    @FunctionalInterface
    interface Entries {
        BufferedImage image(String entryName, boolean mask) throws SessionFileException;
    }

    /** Validates {@code dto} and builds the session; nothing is returned unless all of it is sound. */
    static Session toSession(SessionDto dto, Entries entries, String fileName) throws SessionFileException {
        List<SessionDto.TurnDto> turns = dto.turns();
        if (turns == null || turns.isEmpty()) {
            throw bad(fileName, "it contains no turns");
        }
        Map<String, SessionDto.TurnDto> byId = new HashMap<>();
        SessionDto.TurnDto rootDto = null;
        for (SessionDto.TurnDto t : turns) {
            if (t == null || t.id() == null || t.id().isBlank()) {
                throw bad(fileName, "a turn has no id");
            }
            if (t.id().length() > 200) {
                throw bad(fileName, "a turn id is longer than 200 characters");
            }
            if (byId.put(t.id(), t) != null) {
                throw bad(fileName, "turn id " + t.id() + " appears twice");
            }
            if (t.parentId() == null) {
                if (rootDto != null) {
                    throw bad(fileName, "it has two source turns (" + rootDto.id() + " and " + t.id() + ")");
                }
                rootDto = t;
            }
        }
        if (rootDto == null) {
            throw bad(fileName, "no turn is the source (every turn has a parent, so the tree has a cycle)");
        }
        for (SessionDto.TurnDto t : turns) {
            if (t.parentId() != null && !byId.containsKey(t.parentId())) {
                throw bad(fileName, "turn " + t.id() + " names parent " + t.parentId() + ", which does not exist");
            }
        }
        Map<String, Turn> built = new HashMap<>();
        Turn root = build(rootDto, entries, fileName);
        built.put(rootDto.id(), root);
        Session session = new Session(root, dto.title());
        // Walk the children lists from the source; a turn reached twice means a cycle or a shared child.
        List<SessionDto.TurnDto> queue = new ArrayList<>(List.of(rootDto));
        Set<String> seen = new HashSet<>(Set.of(rootDto.id()));
        for (int i = 0; i < queue.size(); i++) {
            SessionDto.TurnDto parent = queue.get(i);
            List<String> kids = parent.children() == null ? List.of() : parent.children();
            for (String childId : kids) {
                SessionDto.TurnDto child = byId.get(childId);
                if (child == null) {
                    throw bad(fileName, "turn " + parent.id() + " lists child " + childId + ", which does not exist");
                }
                if (!parent.id().equals(child.parentId())) {
                    throw bad(fileName, "turn " + parent.id() + " lists child " + childId + ", whose parent is " + child.parentId());
                }
                if (!seen.add(childId)) {
                    throw bad(fileName, "turn " + childId + " is reached twice (the tree has a cycle)");
                }
                Turn turn = build(child, entries, fileName);
                session.attach(built.get(parent.id()), turn, Integer.MAX_VALUE);
                built.put(childId, turn);
                queue.add(child);
            }
        }
        if (seen.size() != turns.size()) {
            List<String> lost = turns.stream().map(SessionDto.TurnDto::id).filter(id -> !seen.contains(id)).toList();
            throw bad(fileName, "turns " + lost + " are not reachable from the source (missing from their parent's children, or a cycle)");
        }
        String currentId = dto.currentTurnId() == null ? rootDto.id() : dto.currentTurnId();
        Turn current = built.get(currentId);
        if (current == null) {
            throw bad(fileName, "the current turn " + currentId + " does not exist");
        }
        session.select(current);
        return session;
    }

    private static Turn build(SessionDto.TurnDto t, Entries entries, String fileName) throws SessionFileException {
        if (t.image() == null) {
            throw bad(fileName, "turn " + t.id() + " names no image");
        }
        EditSettings settings = null;
        if (t.settings() != null) {
            try {
                settings = new EditSettings(t.settings().seed(), t.settings().steps(), t.settings().guidance());
            } catch (IllegalArgumentException e) {
                throw bad(fileName, "turn " + t.id() + " has invalid settings (" + e.getMessage() + ")");
            }
        }
        Instant createdAt = null;
        if (t.createdAt() != null) {
            try {
                createdAt = Instant.parse(t.createdAt());
            } catch (DateTimeParseException e) {
                throw bad(fileName, "turn " + t.id() + " has an invalid createdAt '" + t.createdAt() + "'");
            }
        }
        if (t.elapsedMillis() < 0) {
            throw bad(fileName, "turn " + t.id() + " has a negative elapsedMillis");
        }
        return Turn.builder()
                .id(t.id())
                .instruction(t.parentId() == null ? "" : t.instruction())
                .image(entries.image(t.image(), false))
                .userMask(t.userMask() == null ? null : entries.image(t.userMask(), true))
                .predictedCurrentMask(t.currentMask() == null ? null : entries.image(t.currentMask(), true))
                .predictedNextMask(t.nextMask() == null ? null : entries.image(t.nextMask(), true))
                .settings(settings)
                .modelId(t.modelId())
                .elapsedMillis(t.elapsedMillis())
                .createdAt(createdAt)
                .build();
    }

    static SessionFileException bad(String fileName, String what) {
        return new SessionFileException("Cannot open " + fileName + ": " + what
                + ". The file is damaged; open a backup or the autosaved copy instead.");
    }
}
