package studio.vincie.train;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import studio.vincie.model.ModelConfig;

/**
 * One training checkpoint file: everything needed to continue bit-identically (weights, EMA weights,
 * AdamW moments, step, Adam's t, the options of the run and the model it trains; the data cursor and
 * every random draw are functions of seed and step, see {@link BatchLoader}).
 *
 * <p>Layout: magic {@code VINCIECK}, format version, header length, a JSON header (step, options,
 * the model's {@code config.json} object, tensor names and sizes), the float32 values little-endian, and a CRC32 over all of it. Written to a
 * temporary file, forced to disk and renamed over the old one (the old one is kept as
 * {@code checkpoint.prev.bin}), so a process killed at any moment leaves a complete file; a truncated
 * or damaged file is refused with a message saying so, never half-read.
 */
public record Checkpoint(int step, long adamSteps, TrainOptions options, ModelConfig config,
                         Map<String, float[]> tensors) {

    /**
     * The model the run trains. A run resumes with the architecture it began with, even when the preset
     * has changed since. Checkpoints written before the config was stored ({@code config} null) are
     * read as their preset without the parts added to the presets since: the noisy skip and the text
     * modulation when their weights lack them, and word pooling always (it has no weights and came later).
     */
    public ModelConfig model(int vocabSize) {
        if (config != null) {
            return config;
        }
        ModelConfig preset = ModelConfig.preset(options.preset(), vocabSize);
        Map<String, float[]> weights = group("w.");
        return preset.withNoisySkip(weights.containsKey("image_out_skip.weight"))
                .withTextModulation(weights.containsKey("text_mod.weight")).withWordPooling(false);
    }

    public static final String FILE = "checkpoint.bin";
    public static final String PREVIOUS = "checkpoint.prev.bin";
    private static final byte[] MAGIC = "VINCIECK".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    /** Writes atomically to {@code dir/checkpoint.bin}, keeping the previous file as {@code checkpoint.prev.bin}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        JsonObject header = new JsonObject();
        header.addProperty("step", step);
        header.addProperty("adamSteps", adamSteps);
        header.add("options", ai.djl.util.JsonUtils.GSON.toJsonTree(options));
        if (config != null) {
            header.add("config", config.toJson());
        }
        JsonArray list = new JsonArray();
        for (Map.Entry<String, float[]> e : tensors.entrySet()) {
            JsonObject t = new JsonObject();
            t.addProperty("name", e.getKey());
            t.addProperty("size", e.getValue().length);
            list.add(t);
        }
        header.add("tensors", list);
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        Path tmp = dir.resolve(FILE + ".tmp");
        CRC32 crc = new CRC32();
        try (OutputStream raw = Files.newOutputStream(tmp, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                     new java.util.zip.CheckedOutputStream(raw, crc), 1 << 20))) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(json.length);
            out.write(json);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] values : tensors.values()) {
                for (float f : values) {
                    if (!buf.hasRemaining()) {
                        out.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putFloat(f);
                }
            }
            out.write(buf.array(), 0, buf.position());
            out.flush();
            // the CRC is of everything before it; written outside the checked stream
            ByteBuffer tail = ByteBuffer.allocate(8).putLong(crc.getValue());
            raw.write(tail.array());
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Path target = dir.resolve(FILE);
        if (Files.exists(target)) {
            Files.move(target, dir.resolve(PREVIOUS), StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads and verifies a checkpoint file.
     *
     * @throws CheckpointException when it is missing, truncated, damaged or of another format
     */
    public static Checkpoint read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        String damaged = "checkpoint " + file + " is truncated or damaged";
        String advice = "; resume from " + PREVIOUS + " (rename it to " + FILE + ") or start without --resume";
        if (all.length < MAGIC.length + 16) {
            throw new CheckpointException(damaged + " (" + all.length + " bytes)" + advice);
        }
        ByteBuffer b = ByteBuffer.wrap(all);
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new CheckpointException(file + " is not a Vincie training checkpoint (bad magic)");
        }
        int version = b.getInt();
        if (version != VERSION) {
            throw new CheckpointException(file + " has checkpoint format " + version + " but this build reads "
                    + VERSION + "; continue it with the build that wrote it");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored = ByteBuffer.wrap(all, all.length - 8, 8).getLong();
        int headerLength = b.getInt();
        if (headerLength < 2 || headerLength > all.length - b.position() - 8) {
            throw new CheckpointException(damaged + " (header length " + headerLength + ")" + advice);
        }
        JsonObject header;
        try {
            header = JsonParser.parseString(new String(all, b.position(), headerLength, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (RuntimeException e) {
            throw new CheckpointException(damaged + " (header is not JSON)" + advice, e);
        }
        b.position(b.position() + headerLength);
        long expected = b.position() + 8L;
        for (var t : header.getAsJsonArray("tensors")) {
            expected += 4L * t.getAsJsonObject().get("size").getAsLong();
        }
        if (expected != all.length) {
            throw new CheckpointException(damaged + " (expected " + expected + " bytes, found " + all.length + ")"
                    + advice);
        }
        if (crc.getValue() != stored) {
            throw new CheckpointException(damaged + " (checksum mismatch)" + advice);
        }
        b.order(ByteOrder.LITTLE_ENDIAN);
        Map<String, float[]> tensors = new LinkedHashMap<>();
        for (var t : header.getAsJsonArray("tensors")) {
            JsonObject o = t.getAsJsonObject();
            float[] v = new float[o.get("size").getAsInt()];
            b.asFloatBuffer().get(v);
            b.position(b.position() + 4 * v.length);
            tensors.put(o.get("name").getAsString(), v);
        }
        TrainOptions options = ai.djl.util.JsonUtils.GSON.fromJson(header.get("options"), TrainOptions.class);
        ModelConfig config;
        try {
            config = header.has("config") ? ModelConfig.fromJson(header.getAsJsonObject("config")) : null;
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint " + file + " describes a model this build cannot train: "
                    + e.getMessage(), e);
        }
        return new Checkpoint(header.get("step").getAsInt(), header.get("adamSteps").getAsLong(), options, config,
                tensors);
    }

    /** Tensors whose name starts with {@code prefix}, with the prefix removed. */
    public Map<String, float[]> group(String prefix) {
        Map<String, float[]> out = new LinkedHashMap<>();
        tensors.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
