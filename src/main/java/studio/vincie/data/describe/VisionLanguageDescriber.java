package studio.vincie.data.describe;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Describes a frame pair with an OpenAI-compatible vision-language model: POST {@code {url}/chat/completions}
 * with both frames as base64 PNG data URLs in {@code image_url} content parts, asking for one imperative
 * editing instruction as JSON {@code {"instruction": "...", "category": "..."}}. Plain-text answers are
 * accepted as the instruction; an answer of {@code NONE} means nothing changed. A timeout, an HTTP error or a
 * response without {@code choices[0].message.content} is a {@link DescribeException} naming the endpoint.
 * Thread-safe; one instance can serve all videos of a run.
 */
public final class VisionLanguageDescriber implements TransitionDescriber {

    private static final Logger LOG = LoggerFactory.getLogger(VisionLanguageDescriber.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SYSTEM_PROMPT = "You write image-editing instructions. You are shown two frames of a video: "
            + "BEFORE then AFTER. Write the single imperative instruction that would edit BEFORE into AFTER, "
            + "naming objects the way a person would (e.g. \"make the red car blue\", \"move the cup to the left\"). "
            + "Answer only with JSON: {\"instruction\": \"...\", \"category\": \"...\"} where category is one of "
            + "appear, disappear, recolor, move, resize, rotate, swap, background, lighting, viewpoint, front, "
            + "interaction, other. If nothing visible changed, answer NONE.";

    private final VlmConfig config;
    private final HttpClient http;

    public VisionLanguageDescriber(VlmConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public String name() {
        return "vlm:" + config.model();
    }

    @Override
    public Transition describe(FramePair pair) throws DescribeException {
        String body = requestBody(pair);
        HttpRequest.Builder request = HttpRequest.newBuilder(config.chatCompletions())
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (config.apiKey() != null) {
            request.header("Authorization", "Bearer " + config.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new DescribeException("the VLM at " + config.chatCompletions() + " gave no answer within "
                    + config.timeout().toSeconds() + " s; check the server or raise the timeout", e);
        } catch (IOException e) {
            throw new DescribeException("cannot reach the VLM at " + config.chatCompletions() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DescribeException("interrupted while waiting for the VLM", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DescribeException("the VLM at " + config.chatCompletions() + " answered HTTP "
                    + response.statusCode() + ": " + snippet(response.body()));
        }
        return parseAnswer(response.body());
    }

    /** The chat-completions request: system prompt, then a user message with text and the two images. */
    String requestBody(FramePair pair) throws DescribeException {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", config.model());
        root.put("temperature", 0.2);
        root.put("max_tokens", 120);
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
        ObjectNode user = messages.addObject().put("role", "user");
        ArrayNode content = user.putArray("content");
        content.addObject().put("type", "text").put("text", "BEFORE:");
        content.addObject().put("type", "image_url").putObject("image_url").put("url", dataUrl(pair.from()));
        content.addObject().put("type", "text").put("text", "AFTER:");
        content.addObject().put("type", "image_url").putObject("image_url").put("url", dataUrl(pair.to()));
        return root.toString();
    }

    private static String dataUrl(BufferedImage image) throws DescribeException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new DescribeException("cannot encode a frame as PNG: " + e.getMessage(), e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    /** Reads {@code choices[0].message.content}; null when the model says nothing changed. */
    Transition parseAnswer(String body) throws DescribeException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw malformed("the body is not JSON", body);
        }
        JsonNode content = root == null ? null : root.path("choices").path(0).path("message").path("content");
        if (content == null || !content.isTextual()) {
            throw malformed("no choices[0].message.content text", body);
        }
        String text = stripFences(content.asText().strip());
        if (text.isEmpty()) {
            throw malformed("the answer text is empty", body);
        }
        if (text.equalsIgnoreCase("NONE") || text.equalsIgnoreCase("\"NONE\"")) {
            return null;
        }
        if (text.startsWith("{")) {
            JsonNode answer;
            try {
                answer = JSON.readTree(text);
            } catch (IOException e) {
                throw malformed("the answer starts like JSON but does not parse", body);
            }
            JsonNode instruction = answer.path("instruction");
            if (!instruction.isTextual() || instruction.asText().isBlank()) {
                throw malformed("the answer JSON has no \"instruction\" text", body);
            }
            if (instruction.asText().strip().equalsIgnoreCase("NONE")) {
                return null;
            }
            return new Transition(instruction.asText(), answer.path("category").asText("unknown"));
        }
        LOG.debug("VLM answered in plain text: {}", text);
        return new Transition(text.lines().findFirst().orElse(text), "unknown");
    }

    private static String stripFences(String text) {
        if (text.startsWith("```")) {
            int firstNewline = text.indexOf('\n');
            int end = text.lastIndexOf("```");
            if (firstNewline > 0 && end > firstNewline) {
                return text.substring(firstNewline + 1, end).strip();
            }
        }
        return text;
    }

    private DescribeException malformed(String what, String body) {
        return new DescribeException("malformed answer from the VLM at " + config.chatCompletions() + " (" + what
                + "); expected an OpenAI chat-completions response. Body starts: " + snippet(body));
    }

    private static String snippet(String body) {
        String s = body == null ? "" : body.replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
