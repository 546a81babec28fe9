package studio.vincie.data.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import studio.vincie.data.StudioVideosFixture;
import studio.vincie.data.dataset.Dataset;
import studio.vincie.data.dataset.TrainingSession;
import studio.vincie.data.describe.VlmConfig;

/** A video with no sidecar, described by an OpenAI-compatible endpoint (an in-test server). */
class PrepareWithVlmTest {

    @TempDir
    Path dir;

    @Test
    void vlmDescribesEveryPairAndDifferenceMasksMarkTheChange() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int n = calls.incrementAndGet();
            byte[] out = ("{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": "
                    + "\"{\\\"instruction\\\": \\\"change number " + n + "\\\", \\\"category\\\": \\\"other\\\"}\"}}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
        try {
            Path videos = Files.createDirectories(dir.resolve("videos"));
            Files.copy(StudioVideosFixture.videos().get(0), videos.resolve("foreign.mp4"));
            VlmConfig vlm = new VlmConfig(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1"),
                    "fake", null, Duration.ofSeconds(10));
            PrepareOptions o = PrepareOptions.defaults(videos, dir.resolve("ds"), 1).withVlm(vlm).withThreads(1);
            PrepareReport r = new PreparePipeline(o).run(new ArrayList<String>()::add);
            assertThat(r.sessions()).isPositive();
            assertThat(calls.get()).isEqualTo(r.turns());
            Dataset ds = Dataset.open(dir.resolve("ds"));
            for (String id : ds.ids(null)) {
                TrainingSession s = ds.load(id);
                assertThat(s.instructions()).allSatisfy(t -> assertThat(t).startsWith("change number "));
                assertThat(s.categories()).containsOnly("other");
                assertThat(s.currentMasks()).doesNotContainNull();
            }
        } finally {
            server.stop(0);
        }
    }
}
