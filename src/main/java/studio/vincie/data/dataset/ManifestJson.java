package studio.vincie.data.dataset;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Jackson form of {@code DATASET/manifest.json} (see {@code docs/dataset-format.md}). Unknown fields are
 * ignored so later format additions do not break older readers; {@code formatVersion} guards real changes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ManifestJson(Integer formatVersion, Integer imageSize, Long seed, String createdBy,
                    List<Entry> sessions) {

    /** The format this code writes and reads. */
    static final int FORMAT_VERSION = 1;

    /** One line of the manifest: where a session lies and what it holds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String id, String split, String path, Integer turns, List<String> categories) {
    }
}
