package studio.vincie.data.world;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON for scene graphs: the records serialise as they are (enums by name). One shared, thread-safe
 * mapper; {@code toJson}/{@code fromJson} round-trip a {@link Scene} exactly.
 */
public final class SceneJson {

    /** Shared mapper, configured for the studio records. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SceneJson() {
    }

    public static String toJson(Scene scene) {
        try {
            return MAPPER.writeValueAsString(scene);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise scene: " + e.getOriginalMessage(), e);
        }
    }

    public static Scene fromJson(String json) {
        try {
            return MAPPER.readValue(json, Scene.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a studio scene JSON: " + e.getOriginalMessage(), e);
        }
    }
}
