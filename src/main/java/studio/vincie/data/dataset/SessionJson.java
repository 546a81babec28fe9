package studio.vincie.data.dataset;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Jackson form of {@code DATASET/sessions/<id>/session.json}: the source video, the frame indices the
 * images came from, and per turn the instruction, category and file names (relative to the session folder).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SessionJson(String id, String source, List<Integer> frameIndices, String image0, List<TurnJson> turns) {

    /** One turn's files and text; a null mask name means the turn has no such mask. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TurnJson(String instruction, String category, String currentMask, String nextMask, String image) {
    }
}
