package studio.vincie.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a {@link BenchReport} as the printed table and as JSON. JSON keys (snake_case):
 * {@code success_at} (one number per turn), {@code per_category}, {@code l1}, {@code psnr},
 * {@code high_frequency_excess} (per turn, 0..255; {@link ImageMetrics#highFrequency}),
 * {@code mask_iou} ({@code current} and {@code next} per turn; null entries when the model predicts no
 * masks), plus {@code follow_rate}, {@code consistency_rate}, {@code edit_recall}, the run description, timing and the
 * judge's tolerances.
 */
public final class BenchReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchReportWriter() {
    }

    public static Map<String, Object> toJson(BenchReport r, JudgeTolerances tolerances) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", r.model());
        root.put("masks", r.masks());
        root.put("seed", r.seed());
        root.put("sessions", r.sessions());
        root.put("turns", r.turns());
        root.put("image_size", r.imageSize());
        root.put("success_at", r.successAt());
        root.put("follow_rate", r.followRate());
        root.put("consistency_rate", r.consistentRate());
        root.put("edit_recall", r.editRecall());
        Map<String, Object> categories = new LinkedHashMap<>();
        r.perCategory().forEach((name, stats) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("turns", stats.count());
            c.put("turn_success", stats.turnSuccess());
            c.put("success_at", stats.successAt());
            categories.put(name, c);
        });
        root.put("per_category", categories);
        root.put("l1", r.l1());
        root.put("psnr", r.psnr());
        root.put("high_frequency_excess", r.highFrequencyExcess());
        Map<String, Object> masks = new LinkedHashMap<>();
        masks.put("current", r.currentMaskIou());
        masks.put("next", r.nextMaskIou());
        root.put("mask_iou", masks);
        root.put("model_seconds_per_turn", r.modelSecondsPerTurn());
        root.put("wall_seconds", r.wallSeconds());
        root.put("tolerances", tolerances);
        return root;
    }

    public static void writeJson(BenchReport report, JudgeTolerances tolerances, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), toJson(report, tolerances));
    }

    /**
     * Every turn's verdict as a JSON array (session, turn, category, instruction, follows, consistent,
     * reasons, metrics), for finding out why a model fails.
     */
    public static void writeDetails(List<TurnOutcome> outcomes, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (TurnOutcome o : outcomes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("session", o.sessionId());
            row.put("turn", o.turn());
            row.put("category", o.category());
            row.put("instruction", o.instruction());
            row.put("succeeded", o.verdict().succeeded());
            row.put("follows", o.verdict().follows());
            row.put("consistent", o.verdict().consistent());
            row.put("reasons", o.verdict().reasons());
            row.put("l1", o.l1());
            row.put("psnr", o.psnr());
            row.put("high_frequency_excess", o.highFrequencyExcess());
            row.put("outside_l1", o.verdict().outsideL1());
            row.put("changed_outside", o.verdict().changedOutside());
            row.put("background_l1", o.verdict().backgroundL1());
            row.put("change_recall", o.verdict().changeRecall());
            rows.add(row);
        }
        JSON.writeValue(file.toFile(), rows);
    }

    /** The table printed by {@code vincie bench}. */
    public static void printTable(BenchReport r, PrintStream out) {
        out.printf("Multi-turn benchmark: model %s, %d sessions x %d turns, seed %d, masks %s, %d px%n",
                r.model(), r.sessions(), r.turns(), r.seed(), r.masks(), r.imageSize());
        StringBuilder header = new StringBuilder(String.format("%-22s", "turn"));
        for (int k = 1; k <= r.turns(); k++) {
            header.append(String.format("%8d", k));
        }
        out.println(header);
        row(out, "success@k", r.successAt(), "%8.3f");
        row(out, "follows (turn alone)", r.followRate(), "%8.3f");
        row(out, "consistent (alone)", r.consistentRate(), "%8.3f");
        row(out, "edit recall (alone)", r.editRecall(), "%8.3f");
        row(out, "L1", r.l1(), "%8.4f");
        row(out, "PSNR dB", r.psnr(), "%8.2f");
        row(out, "noise (HF excess)", r.highFrequencyExcess(), "%8.2f");
        if (r.hasMasks()) {
            row(out, "IoU C (current)", r.currentMaskIou(), "%8.3f");
            row(out, "IoU N (next)", r.nextMaskIou(), "%8.3f");
        } else {
            out.println("mask IoU: the model predicts no masks");
        }
        out.println();
        StringBuilder catHeader = new StringBuilder(String.format("%-22s%6s%8s ", "category", "turns", "alone"));
        for (int k = 1; k <= r.turns(); k++) {
            catHeader.append(String.format("%7s", "s@" + k));
        }
        out.println(catHeader);
        r.perCategory().forEach((name, stats) -> {
            StringBuilder line = new StringBuilder(String.format("%-22s%6d%8.3f ", name, stats.count(), stats.turnSuccess()));
            for (Double v : stats.successAt()) {
                line.append(v == null ? String.format("%7s", "-") : String.format("%7.3f", v));
            }
            out.println(line);
        });
        out.printf("%nmodel time %.4f s/turn, wall time %.1f s%n", r.modelSecondsPerTurn(), r.wallSeconds());
    }

    private static void row(PrintStream out, String name, List<Double> values, String format) {
        StringBuilder line = new StringBuilder(String.format("%-22s", name));
        for (Double v : values) {
            line.append(v == null ? String.format("%8s", "-") : String.format(format, v));
        }
        out.println(line);
    }
}
