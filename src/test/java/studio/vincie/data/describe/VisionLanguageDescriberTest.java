package studio.vincie.data.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The OpenAI-compatible client against an in-process HTTP server. */
class VisionLanguageDescriberTest {

    private HttpServer server;
    private final AtomicReference<String> method = new AtomicReference<>();
    private final AtomicReference<String> path = new AtomicReference<>();
    private final AtomicReference<String> auth = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String reply = "";
    private volatile long delayMillis;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            method.set(exchange.getRequestMethod());
            path.set(exchange.getRequestURI().getPath());
            auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(status, out.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            } catch (IOException closedByClient) {
                // the client gave up (timeout test)
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private VisionLanguageDescriber describer(String key, Duration timeout) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
        return new VisionLanguageDescriber(new VlmConfig(base, "tiny-vlm", key, timeout));
    }

    private static BufferedImage solid(Color c) {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 32, 32);
        g.dispose();
        return img;
    }

    private static FramePair pair() {
        return new FramePair(3, 9, 12, solid(Color.RED), solid(Color.BLUE));
    }

    private static String completion(String content) {
        return new ObjectMapper().createObjectNode().set("choices", new ObjectMapper().createArrayNode()
                .add(new ObjectMapper().createObjectNode().set("message",
                        new ObjectMapper().createObjectNode().put("role", "assistant").put("content", content))))
                .toString();
    }

    @Test
    void sendsBothFramesAsPngDataUrlsAndParsesTheAnswer() throws Exception {
        reply = completion("{\"instruction\": \"make the square blue\", \"category\": \"recolor\"}");
        Transition t = describer("sekret", Duration.ofSeconds(5)).describe(pair());
        assertThat(t).isEqualTo(new Transition("make the square blue", "recolor"));

        assertThat(method.get()).isEqualTo("POST");
        assertThat(path.get()).isEqualTo("/v1/chat/completions");
        assertThat(auth.get()).isEqualTo("Bearer sekret");
        JsonNode req = new ObjectMapper().readTree(body.get());
        assertThat(req.path("model").asText()).isEqualTo("tiny-vlm");
        JsonNode messages = req.path("messages");
        assertThat(messages.path(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.path(1).path("role").asText()).isEqualTo("user");
        JsonNode content = messages.path(1).path("content");
        int images = 0;
        Color[] expected = {Color.RED, Color.BLUE};
        for (JsonNode part : content) {
            if (part.path("type").asText().equals("image_url")) {
                String url = part.path("image_url").path("url").asText();
                assertThat(url).startsWith("data:image/png;base64,");
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(
                        Base64.getDecoder().decode(url.substring("data:image/png;base64,".length()))));
                assertThat(img.getWidth()).isEqualTo(32);
                assertThat(img.getRGB(5, 5) & 0xFFFFFF).isEqualTo(expected[images].getRGB() & 0xFFFFFF);
                images++;
            } else {
                assertThat(part.path("type").asText()).isEqualTo("text");
            }
        }
        assertThat(images).isEqualTo(2);
    }

    @Test
    void plainTextFencedJsonAndNoneAnswers() throws Exception {
        VisionLanguageDescriber d = describer(null, Duration.ofSeconds(5));
        reply = completion("Move the red square to the left.");
        assertThat(d.describe(pair())).isEqualTo(new Transition("Move the red square to the left.", "unknown"));
        assertThat(auth.get()).isNull();
        reply = completion("```json\n{\"instruction\": \"remove the cup\", \"category\": \"disappear\"}\n```");
        assertThat(d.describe(pair())).isEqualTo(new Transition("remove the cup", "disappear"));
        reply = completion("NONE");
        assertThat(d.describe(pair())).isNull();
    }

    @Test
    void slowServerTimesOut() {
        delayMillis = 3000;
        reply = completion("too late");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> describer(null, Duration.ofMillis(300)).describe(pair()))
                .isInstanceOf(DescribeException.class).hasMessageContaining("no answer within");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(2.5);
    }

    @Test
    void malformedAnswersAreClearErrors() {
        VisionLanguageDescriber d = describer(null, Duration.ofSeconds(5));
        reply = "<html>gateway error</html>";
        assertThatThrownBy(() -> d.describe(pair())).isInstanceOf(DescribeException.class)
                .hasMessageContaining("malformed answer").hasMessageContaining("not JSON");
        reply = "{\"id\": \"x\", \"choices\": []}";
        assertThatThrownBy(() -> d.describe(pair())).hasMessageContaining("choices[0].message.content");
        reply = completion("{\"category\": \"move\"}");
        assertThatThrownBy(() -> d.describe(pair())).hasMessageContaining("no \"instruction\"");
        reply = completion("   ");
        assertThatThrownBy(() -> d.describe(pair())).hasMessageContaining("empty");
        status = 500;
        reply = "{\"error\": \"model overloaded\"}";
        assertThatThrownBy(() -> d.describe(pair())).hasMessageContaining("HTTP 500").hasMessageContaining("overloaded");
    }

    @Test
    void configResolvesOptionsThenEnvironment() {
        Map<String, String> env = Map.of(VlmConfig.ENV_URL, "http://h:1/v1", VlmConfig.ENV_MODEL, "m",
                "MY_KEY", "k1");
        assertThat(VlmConfig.resolve(null, null, null, Duration.ofSeconds(1), Map.of())).isNull();
        VlmConfig c = VlmConfig.resolve(null, null, "MY_KEY", Duration.ofSeconds(1), env);
        assertThat(c.chatCompletions()).isEqualTo(URI.create("http://h:1/v1/chat/completions"));
        assertThat(c.apiKey()).isEqualTo("k1");
        assertThat(VlmConfig.resolve("http://o/", "x", null, Duration.ofSeconds(1), env).chatCompletions())
                .isEqualTo(URI.create("http://o/chat/completions"));
        assertThatThrownBy(() -> VlmConfig.resolve("http://o", null, null, Duration.ofSeconds(1), Map.of()))
                .hasMessageContaining("--vlm-model");
        assertThatThrownBy(() -> VlmConfig.resolve("http://o", "m", "NOPE", Duration.ofSeconds(1), Map.of()))
                .hasMessageContaining("NOPE");
        assertThatThrownBy(() -> VlmConfig.resolve("ftp://o", "m", null, Duration.ofSeconds(1), Map.of()))
                .hasMessageContaining("http(s)");
    }
}
