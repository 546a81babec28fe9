package studio.vincie.model.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ai.djl.util.JsonUtils;

/**
 * Word-level tokenizer for instructions, built from the training captions and stored as
 * {@code tokenizer.json}. Every instruction becomes exactly {@code length} ids (truncated, then padded
 * with {@link #PAD}) so text segments have a fixed size and cond/uncond branches batch without ragged
 * shapes. {@link #NULL} starts the null instruction used for classifier-free guidance; words not in
 * the vocabulary map to {@link #UNK}.
 */
public final class Tokenizer {

    public static final int PAD = 0;
    public static final int UNK = 1;
    public static final int NULL = 2;
    private static final List<String> SPECIALS = List.of("[PAD]", "[UNK]", "[NULL]");

    private final List<String> words;
    private final Map<String, Integer> ids;
    private final int length;

    private Tokenizer(List<String> words, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("tokenizer length must be at least 1, was " + length);
        }
        this.words = List.copyOf(words);
        this.length = length;
        this.ids = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            ids.put(words.get(i), i);
        }
    }

    /**
     * Builds the vocabulary from captions: specials first, then words by descending frequency (ties
     * alphabetical, so the result is deterministic), at most {@code maxVocab} entries in total.
     */
    public static Tokenizer build(Collection<String> captions, int maxVocab, int length) {
        if (maxVocab < SPECIALS.size()) {
            throw new IllegalArgumentException("maxVocab must be at least " + SPECIALS.size());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String caption : captions) {
            for (String w : split(caption)) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                : Integer.compare(b.getValue(), a.getValue()));
        List<String> words = new ArrayList<>(SPECIALS);
        for (Map.Entry<String, Integer> e : sorted) {
            if (words.size() >= maxVocab) {
                break;
            }
            words.add(e.getKey());
        }
        return new Tokenizer(words, length);
    }

    static List<String> split(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        List<String> out = new ArrayList<>(parts.length);
        for (String p : parts) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Exactly {@link #length()} ids; a blank instruction encodes as the null instruction. */
    public int[] encode(String instruction) {
        List<String> tokens = split(instruction == null ? "" : instruction);
        if (tokens.isEmpty()) {
            return nullInstruction();
        }
        int[] out = new int[length];
        for (int i = 0; i < Math.min(length, tokens.size()); i++) {
            out[i] = ids.getOrDefault(tokens.get(i), UNK);
        }
        return out;
    }

    /** The null instruction of classifier-free guidance: {@code [NULL, PAD, PAD, ...]}. */
    public int[] nullInstruction() {
        int[] out = new int[length];
        Arrays.fill(out, PAD);
        out[0] = NULL;
        return out;
    }

    public String decode(int[] tokenIds) {
        StringBuilder sb = new StringBuilder();
        for (int id : tokenIds) {
            if (id == PAD) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(id >= 0 && id < words.size() ? words.get(id) : "[?]");
        }
        return sb.toString();
    }

    public int vocabSize() {
        return words.size();
    }

    public int length() {
        return length;
    }

    public void save(Path file) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("type", "word");
        json.addProperty("length", length);
        JsonArray vocab = new JsonArray();
        words.forEach(vocab::add);
        json.add("vocab", vocab);
        Files.writeString(file, JsonUtils.GSON_PRETTY.toJson(json), StandardCharsets.UTF_8);
    }

    public static Tokenizer load(Path file) throws IOException {
        JsonObject json;
        try {
            json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a valid tokenizer.json: " + e.getMessage(), e);
        }
        if (!json.has("vocab") || !json.has("length") || !"word".equals(json.get("type").getAsString())) {
            throw new IOException(file + " must be a word tokenizer with 'type', 'length' and 'vocab'");
        }
        List<String> words = new ArrayList<>();
        json.getAsJsonArray("vocab").forEach(e -> words.add(e.getAsString()));
        if (words.size() < SPECIALS.size() || !words.subList(0, SPECIALS.size()).equals(SPECIALS)) {
            throw new IOException(file + " must start its vocab with " + SPECIALS);
        }
        return new Tokenizer(words, json.get("length").getAsInt());
    }
}
