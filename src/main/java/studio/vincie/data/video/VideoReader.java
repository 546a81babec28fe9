package studio.vincie.data.video;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Decodes the first video stream of any file FFmpeg can read into RGB {@link BufferedImage}s, one by one
 * ({@link #next()}), optionally scaled so the shorter side has a given length. Opening a file that is
 * missing, corrupt or has no video stream throws {@link VideoException} with the reason; callers in a batch
 * report it and skip the file. Not thread-safe; one reader per file.
 */
public final class VideoReader implements AutoCloseable {

    private final Path file;
    private final AVFormatContext format;
    private final AVCodecContext codec;
    private final int streamIndex;
    private final AVPacket packet;
    private final AVFrame decoded;
    private final int outWidth;
    private final int outHeight;
    private final double fps;
    private final long frameCountHint;
    private SwsContext sws;
    private BytePointer rgb;
    private PointerPointer<?> rgbPlanes;
    private IntPointer rgbStrides;
    private boolean draining;
    private boolean finished;
    private boolean closed;
    private int index;

    /** Opens {@code file} at its native frame size. */
    public VideoReader(Path file) throws VideoException {
        this(file, 0);
    }

    /**
     * Opens {@code file}; frames come out scaled so their shorter side is {@code shortSide} pixels (aspect
     * kept, even sizes), or at native size when {@code shortSide <= 0}.
     */
    public VideoReader(Path file, int shortSide) throws VideoException {
        FfmpegErrors.quiet();
        this.file = file;
        if (!Files.isRegularFile(file)) {
            throw new VideoException("no such video file: " + file);
        }
        format = new AVFormatContext(null);
        int err = avformat_open_input(format, file.toAbsolutePath().toString(), null, null);
        if (err < 0) {
            throw VideoException.ffmpeg("cannot open video " + file, err);
        }
        err = avformat_find_stream_info(format, (PointerPointer<?>) null);
        if (err < 0) {
            avformat_close_input(format);
            throw VideoException.ffmpeg("cannot read stream info of " + file, err);
        }
        streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
        if (streamIndex < 0) {
            avformat_close_input(format);
            throw new VideoException(file + " has no video stream FFmpeg can decode");
        }
        AVStream stream = format.streams(streamIndex);
        AVCodec decoder = avcodec_find_decoder(stream.codecpar().codec_id());
        if (decoder == null || decoder.isNull()) {
            avformat_close_input(format);
            throw new VideoException(file + " uses a video codec this FFmpeg build cannot decode (id "
                    + stream.codecpar().codec_id() + ")");
        }
        codec = avcodec_alloc_context3(decoder);
        avcodec_parameters_to_context(codec, stream.codecpar());
        codec.thread_count(1);
        err = avcodec_open2(codec, decoder, (AVDictionary) null);
        if (err < 0 || codec.width() <= 0 || codec.height() <= 0) {
            avcodec_free_context(codec);
            avformat_close_input(format);
            throw VideoException.ffmpeg("cannot open the " + decoder.name().getString() + " decoder for " + file,
                    Math.min(err, 0));
        }
        int w = codec.width();
        int h = codec.height();
        if (shortSide > 0) {
            double scale = (double) shortSide / Math.min(w, h);
            w = Math.max(2, (int) Math.round(w * scale / 2) * 2);
            h = Math.max(2, (int) Math.round(h * scale / 2) * 2);
            if (Math.min(codec.width(), codec.height()) == shortSide) {
                w = codec.width();
                h = codec.height();
            }
        }
        outWidth = w;
        outHeight = h;
        AVRational rate = av_guess_frame_rate(format, stream, null);
        fps = rate.den() == 0 || rate.num() == 0 ? 25.0 : av_q2d(rate);
        frameCountHint = stream.nb_frames();
        packet = av_packet_alloc();
        decoded = av_frame_alloc();
    }

    /** Frames per second as FFmpeg guesses it (25 when the file does not say). */
    public double fps() {
        return fps;
    }

    /** Frame count from the container header; 0 when unknown (count by decoding). */
    public long frameCountHint() {
        return frameCountHint;
    }

    /** Width of the frames {@link #next()} returns. */
    public int width() {
        return outWidth;
    }

    /** Height of the frames {@link #next()} returns. */
    public int height() {
        return outHeight;
    }

    /** Number of frames returned so far (the index of the next one). */
    public int index() {
        return index;
    }

    /** The next decoded frame as {@code TYPE_INT_RGB}, or null at the end of the stream. */
    public BufferedImage next() throws VideoException {
        while (!finished) {
            int err = avcodec_receive_frame(codec, decoded);
            if (err >= 0) {
                BufferedImage image = convert();
                av_frame_unref(decoded);
                index++;
                return image;
            }
            if (err == AVERROR_EOF) {
                finished = true;
                break;
            }
            if (err != AVERROR_EAGAIN()) {
                throw VideoException.ffmpeg("decoding frame " + index + " of " + file + " failed", err);
            }
            if (draining) {
                finished = true;
                break;
            }
            feed();
        }
        return null;
    }

    /** Sends the next packet of our stream to the decoder, or starts draining at end of file. */
    private void feed() throws VideoException {
        while (true) {
            int err = av_read_frame(format, packet);
            if (err < 0) {
                // End of file or a truncated tail: decode what was buffered.
                avcodec_send_packet(codec, null);
                draining = true;
                return;
            }
            try {
                if (packet.stream_index() != streamIndex) {
                    continue;
                }
                err = avcodec_send_packet(codec, packet);
                if (err < 0 && err != AVERROR_INVALIDDATA) {
                    throw VideoException.ffmpeg("decoding " + file + " failed near frame " + index, err);
                }
                return;
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private BufferedImage convert() {
        int w = decoded.width();
        int h = decoded.height();
        sws = sws_getCachedContext(sws, w, h, decoded.format(), outWidth, outHeight, AV_PIX_FMT_RGB24,
                SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, null, null, (DoublePointer) null);
        int bytes = outWidth * outHeight * 3;
        if (rgb == null) {
            rgb = new BytePointer(bytes);
            // swscale writes through up to four plane pointers and strides even for packed RGB.
            rgbPlanes = new PointerPointer<>(4).put(0, rgb);
            rgbStrides = new IntPointer(new int[] {outWidth * 3, 0, 0, 0});
        }
        sws_scale(sws, decoded.data(), decoded.linesize(), 0, h, rgbPlanes, rgbStrides);
        byte[] buf = new byte[bytes];
        rgb.get(buf);
        BufferedImage image = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[outWidth];
        for (int y = 0, o = 0; y < outHeight; y++) {
            for (int x = 0; x < outWidth; x++, o += 3) {
                row[x] = ((buf[o] & 0xFF) << 16) | ((buf[o + 1] & 0xFF) << 8) | (buf[o + 2] & 0xFF);
            }
            image.setRGB(0, y, outWidth, 1, row, 0, outWidth);
        }
        return image;
    }

    /** Decodes the whole file (use only for short videos). */
    public static List<BufferedImage> readAll(Path file, int shortSide) throws VideoException {
        try (VideoReader reader = new VideoReader(file, shortSide)) {
            List<BufferedImage> frames = new ArrayList<>();
            for (BufferedImage f = reader.next(); f != null; f = reader.next()) {
                frames.add(f);
            }
            if (frames.isEmpty()) {
                throw new VideoException(file + " contains no decodable video frames");
            }
            return frames;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        av_frame_free(decoded);
        av_packet_free(packet);
        if (sws != null) {
            sws_freeContext(sws);
        }
        if (rgb != null) {
            rgb.close();
            rgbPlanes.close();
            rgbStrides.close();
        }
        avcodec_free_context(codec);
        avformat_close_input(format);
    }
}
