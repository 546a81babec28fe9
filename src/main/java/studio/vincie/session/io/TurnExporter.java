package studio.vincie.session.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import studio.vincie.session.EditSettings;
import studio.vincie.session.Turn;

/**
 * Exports one turn's image as a PNG that carries how it was made in {@code tEXt} chunks
 * ({@code vincie:instruction}, {@code vincie:turn}, {@code vincie:seed}, {@code vincie:steps},
 * {@code vincie:guidance}, {@code vincie:model}), so a picture shared on its own still tells its story.
 * Read them back with {@link ImageFiles#readPngText(Path)}.
 */
public final class TurnExporter {

    private TurnExporter() {
    }

    public static void exportPng(Turn turn, Path file) throws IOException {
        ImageFiles.writePng(turn.image(), file, metadata(turn));
    }

    /** The text chunks written for {@code turn}. */
    public static Map<String, String> metadata(Turn turn) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("Software", "Vincie Studio " + SessionFormat.appVersion());
        text.put("vincie:turn", Integer.toString(turn.depth()));
        if (!turn.isRoot()) {
            text.put("vincie:instruction", turn.instruction());
        }
        EditSettings s = turn.settings();
        if (s != null) {
            text.put("vincie:seed", Long.toString(s.seed()));
            text.put("vincie:steps", Integer.toString(s.steps()));
            text.put("vincie:guidance", Float.toString(s.guidance()));
        }
        if (!turn.modelId().isEmpty()) {
            text.put("vincie:model", turn.modelId());
        }
        text.put("vincie:createdAt", turn.createdAt().toString());
        return text;
    }
}
