package studio.vincie.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSV training log {@code train.csv}: one row per step with {@code step, loss, nip, csp, nsp, lr, val}
 * ({@code val} empty except on validation steps). On resume, rows after the checkpoint's step (written
 * by a run that was killed before its next checkpoint) are dropped, so the log matches the weights.
 */
public final class TrainLog implements AutoCloseable {

    public static final String FILE = "train.csv";
    static final String HEADER = "step,loss,nip,csp,nsp,lr,val";

    /** One parsed row; {@code val} is NaN when the step had no validation. */
    public record Row(int step, float loss, float nip, float csp, float nsp, float lr, float val) {
    }

    private final Path file;
    private final List<Row> rows;
    private final BufferedWriter out;

    /** Opens the log in {@code dir}, keeping only rows with {@code step <= keepUpTo} (all when starting fresh, 0). */
    public TrainLog(Path dir, int keepUpTo) throws IOException {
        this.file = dir.resolve(FILE);
        this.rows = new ArrayList<>();
        if (keepUpTo > 0 && Files.exists(file)) {
            for (Row r : read(file)) {
                if (r.step() <= keepUpTo) {
                    rows.add(r);
                }
            }
        }
        Path tmp = dir.resolve(FILE + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.newLine();
            for (Row r : rows) {
                w.write(format(r));
                w.newLine();
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Appends and flushes a row (step is 1-based: the number of optimizer steps done). */
    public void add(Row r) throws IOException {
        rows.add(r);
        out.write(format(r));
        out.newLine();
        out.flush();
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    private static String format(Row r) {
        return String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.6e,%s", r.step(), r.loss(), r.nip(), r.csp(),
                r.nsp(), r.lr(), Float.isNaN(r.val()) ? "" : String.format(Locale.ROOT, "%.6f", r.val()));
    }

    /** Parses a {@code train.csv}. */
    public static List<Row> read(Path file) throws IOException {
        List<Row> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length != 7) {
                continue; // a line cut short by a kill
            }
            try {
                out.add(new Row(Integer.parseInt(f[0]), Float.parseFloat(f[1]), Float.parseFloat(f[2]),
                        Float.parseFloat(f[3]), Float.parseFloat(f[4]), Float.parseFloat(f[5]),
                        f[6].isEmpty() ? Float.NaN : Float.parseFloat(f[6])));
            } catch (NumberFormatException e) {
                // same: a partial last line
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
