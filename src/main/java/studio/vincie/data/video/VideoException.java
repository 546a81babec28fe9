package studio.vincie.data.video;

import java.io.IOException;

/**
 * A video that cannot be opened, decoded or written. The message names the file and the FFmpeg error, so a
 * batch can report it and move on to the next file.
 */
public final class VideoException extends IOException {

    public VideoException(String message) {
        super(message);
    }

    /** Message plus FFmpeg's text for error code {@code err}. */
    static VideoException ffmpeg(String message, int err) {
        return new VideoException(message + " (FFmpeg: " + FfmpegErrors.text(err) + ")");
    }
}
