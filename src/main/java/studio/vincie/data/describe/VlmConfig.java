package studio.vincie.data.describe;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where and how to reach an OpenAI-compatible vision-language endpoint.
 *
 * @param baseUrl the API base, e.g. {@code http://localhost:8000/v1}; {@code /chat/completions} is appended
 * @param model   the model name the server expects
 * @param apiKey  bearer token, or null for servers without authentication
 * @param timeout per-request timeout (connect and answer)
 */
public record VlmConfig(URI baseUrl, String model, String apiKey, Duration timeout) {

    /** Environment variables read when an option is not given on the command line. */
    public static final String ENV_URL = "VINCIE_VLM_URL";
    public static final String ENV_MODEL = "VINCIE_VLM_MODEL";
    public static final String DEFAULT_KEY_ENV = "VINCIE_VLM_KEY";

    public VlmConfig {
        if (baseUrl == null || baseUrl.getScheme() == null
                || !(baseUrl.getScheme().equals("http") || baseUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException("VLM URL '" + baseUrl
                    + "' must be an http(s) URL such as http://localhost:8000/v1");
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("no VLM model name; pass --vlm-model or set " + ENV_MODEL);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("VLM timeout must be positive, was " + timeout);
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
    }

    /** The chat-completions endpoint under {@link #baseUrl}. */
    public URI chatCompletions() {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
    }

    /**
     * Resolves options against the environment: options win, then {@code VINCIE_VLM_URL} / {@code
     * VINCIE_VLM_MODEL}; the key is read from the variable named {@code keyEnv} (default {@code VINCIE_VLM_KEY}).
     *
     * @return the config, or null when neither option nor environment names a URL (no VLM configured)
     */
    public static VlmConfig resolve(String url, String model, String keyEnv, Duration timeout, Map<String, String> env) {
        String u = url != null ? url : env.get(ENV_URL);
        if (u == null || u.isBlank()) {
            return null;
        }
        String m = model != null ? model : env.get(ENV_MODEL);
        String key = env.get(keyEnv == null ? DEFAULT_KEY_ENV : keyEnv);
        if (keyEnv != null && key == null) {
            throw new IllegalArgumentException("--vlm-key-env names " + keyEnv
                    + " but that environment variable is not set; export it or drop the option");
        }
        URI uri;
        try {
            uri = URI.create(u.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("VLM URL '" + u + "' is not a valid URL", e);
        }
        return new VlmConfig(uri, m, key, timeout);
    }
}
