package studio.vincie.data.video;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg error codes as text, and a quiet log level so decoding damaged files does not flood stderr. */
final class FfmpegErrors {

    private static volatile boolean quieted;

    private FfmpegErrors() {
    }

    static String text(int err) {
        byte[] buf = new byte[256];
        av_strerror(err, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8) + " [" + err + "]";
    }

    /** FFmpeg prints to stderr by default; we report failures ourselves with the file name. */
    static void quiet() {
        if (!quieted) {
            avutil.av_log_set_level(avutil.AV_LOG_FATAL);
            quieted = true;
        }
    }
}
