package studio.vincie.session.io;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code session.json} document of a {@code .vincie} file, as written by the current format
 * version ({@link SessionFormat#CURRENT_VERSION}). Turns are listed parents-first; the tree is given
 * both by {@code parentId} and by each turn's ordered {@code children}, and the reader checks that
 * the two agree. Image fields name zip entries. See {@code docs/session-format.md}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionDto(
        int formatVersion,
        String appVersion,
        String title,
        String currentTurnId,
        List<TurnDto> turns) {

    /** One turn; {@code parentId}, {@code instruction}'s meaning and {@code settings} are null/empty for the source. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TurnDto(
            String id,
            String parentId,
            List<String> children,
            String instruction,
            SettingsDto settings,
            String modelId,
            long elapsedMillis,
            String createdAt,
            String image,
            String userMask,
            String currentMask,
            String nextMask) {
    }

    /** Sampler settings of a turn. */
    public record SettingsDto(long seed, int steps, float guidance) {
    }
}
