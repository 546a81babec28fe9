package studio.vincie.data.video;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes frames to an H.264 MP4 file through FFmpeg (bytedeco natives). The bundled FFmpeg build has no
 * libx264; its H.264 encoder is Cisco's {@code libopenh264}, run in quality mode with a
 * capped quantiser and a 10 s GOP, so the studio frames survive encoding nearly intact (decoded PSNR above
 * 30 dB) and static frames decode identically.
 * Pixel format yuv420p, so width and height must be even. Not thread-safe; one writer per file.
 */
public final class VideoWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VideoWriter.class);
    /** Tried in order; the first the native build has wins. */
    private static final String[] H264_ENCODERS = {"libopenh264", "libx264", "h264"};
    /** Largest quantiser the encoder may use. */
    static final int MAX_QP = 18;

    private final Path file;
    private final int width;
    private final int height;
    private final AVFormatContext format;
    private final AVCodecContext codec;
    private final AVStream stream;
    private final AVFrame frame;
    private final AVPacket packet;
    private final SwsContext sws;
    private final BytePointer rgb;
    private final byte[] rgbBytes;
    private final PointerPointer<?> rgbPlanes;
    private final IntPointer rgbStrides;
    private long pts;
    private boolean closed;

    /**
     * Opens {@code file} for writing.
     *
     * @param fps frames per second (1..240)
     * @throws VideoException if no H.264 encoder exists or the file cannot be created
     */
    public VideoWriter(Path file, int width, int height, int fps) throws VideoException {
        this(file, width, height, fps, "mp4", null);
    }

    /**
     * Any container and encoder the FFmpeg build has (e.g. "avi" + "mpeg4"), for tests of other formats.
     *
     * @param encoderName null = the H.264 encoder
     */
    VideoWriter(Path file, int width, int height, int fps, String container, String encoderName)
            throws VideoException {
        if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
            throw new VideoException("video size " + width + "x" + height + " for " + file
                    + " is not supported; use even sizes of at least 16 (yuv420p), e.g. 128x128");
        }
        if (fps < 1 || fps > 240) {
            throw new VideoException("fps " + fps + " is out of range; use 1..240 (e.g. 24)");
        }
        FfmpegErrors.quiet();
        this.file = file;
        this.width = width;
        this.height = height;
        AVCodec encoder = encoderName == null ? findEncoder() : avcodec_find_encoder_by_name(encoderName);
        if (encoder == null || encoder.isNull()) {
            throw new VideoException("this FFmpeg build has no encoder named " + encoderName);
        }
        String path = file.toAbsolutePath().toString();
        format = new AVFormatContext(null);
        int err = avformat_alloc_output_context2(format, null, container, path);
        if (err < 0) {
            throw VideoException.ffmpeg("cannot create " + container + " container for " + file, err);
        }
        stream = avformat_new_stream(format, null);
        codec = avcodec_alloc_context3(encoder);
        codec.codec_id(encoder.id());
        codec.width(width);
        codec.height(height);
        codec.pix_fmt(AV_PIX_FMT_YUV420P);
        codec.time_base(av_make_q(1, fps));
        codec.framerate(av_make_q(fps, 1));
        // Long GOP: each I-frame re-quantises static content and shows up as flicker in frame differences.
        codec.gop_size(fps * 10);
        codec.max_b_frames(0);
        // Quality first: a generous bit budget and a capped quantiser (QP <= 18). At 128 px a studio video
        // is still under 40 kB; the default QP 26 bands gradient skies below 30 dB PSNR.
        codec.bit_rate(Math.max(2_000_000L, (long) width * height * fps * 40));
        codec.qmin(1);
        codec.qmax(MAX_QP);
        if ((format.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            codec.flags(codec.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        AVDictionary opts = new AVDictionary(null);
        if ("libopenh264".equals(encoder.name().getString())) {
            av_dict_set(opts, "allow_skip_frames", "0", 0);
            av_dict_set(opts, "rc_mode", "quality", 0);
        }
        err = avcodec_open2(codec, encoder, opts);
        av_dict_free(opts);
        if (err < 0) {
            release(false);
            throw VideoException.ffmpeg("cannot open encoder " + encoder.name().getString() + " for " + file, err);
        }
        avcodec_parameters_from_context(stream.codecpar(), codec);
        stream.time_base(codec.time_base());
        AVIOContext io = new AVIOContext(null);
        err = avio_open(io, path, AVIO_FLAG_WRITE);
        if (err < 0) {
            release(false);
            throw VideoException.ffmpeg("cannot create " + file, err);
        }
        format.pb(io);
        err = avformat_write_header(format, (AVDictionary) null);
        if (err < 0) {
            release(true);
            throw VideoException.ffmpeg("cannot write the " + container + " header to " + file, err);
        }
        frame = av_frame_alloc();
        frame.format(AV_PIX_FMT_YUV420P);
        frame.width(width);
        frame.height(height);
        av_frame_get_buffer(frame, 0);
        packet = av_packet_alloc();
        sws = sws_getContext(width, height, AV_PIX_FMT_RGB24, width, height, AV_PIX_FMT_YUV420P,
                SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, null, null, (DoublePointer) null);
        rgbBytes = new byte[width * height * 3];
        rgb = new BytePointer(rgbBytes.length);
        // swscale reads up to four plane pointers and strides even for packed RGB.
        rgbPlanes = new PointerPointer<>(4).put(0, rgb);
        rgbStrides = new IntPointer(new int[] {width * 3, 0, 0, 0});
        LOG.debug("Writing {} ({}x{} @ {} fps) with {}", file, width, height, fps, encoder.name().getString());
    }

    private static AVCodec findEncoder() throws VideoException {
        for (String name : H264_ENCODERS) {
            AVCodec c = avcodec_find_encoder_by_name(name);
            if (c != null && !c.isNull()) {
                return c;
            }
        }
        AVCodec c = avcodec_find_encoder(AV_CODEC_ID_H264);
        if (c != null && !c.isNull()) {
            return c;
        }
        throw new VideoException("this FFmpeg build has no H.264 encoder (tried libopenh264, libx264, h264)");
    }

    /** Name of the H.264 encoder this machine's FFmpeg build uses. */
    public static String encoderName() throws VideoException {
        return findEncoder().name().getString();
    }

    /** Appends one frame; it must be {@code width x height}. */
    public void write(BufferedImage image) throws VideoException {
        if (closed) {
            throw new IllegalStateException("VideoWriter for " + file + " is closed");
        }
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("frame is " + image.getWidth() + "x" + image.getHeight()
                    + " but the video " + file + " is " + width + "x" + height);
        }
        int[] row = new int[width];
        for (int y = 0, o = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++, o += 3) {
                int p = row[x];
                rgbBytes[o] = (byte) (p >> 16);
                rgbBytes[o + 1] = (byte) (p >> 8);
                rgbBytes[o + 2] = (byte) p;
            }
        }
        rgb.put(rgbBytes);
        av_frame_make_writable(frame);
        sws_scale(sws, rgbPlanes, rgbStrides, 0, height, frame.data(), frame.linesize());
        frame.pts(pts++);
        encode(frame);
    }

    private void encode(AVFrame f) throws VideoException {
        int err = avcodec_send_frame(codec, f);
        if (err < 0) {
            throw VideoException.ffmpeg("encoding frame " + pts + " of " + file + " failed", err);
        }
        while (true) {
            err = avcodec_receive_packet(codec, packet);
            if (err == AVERROR_EAGAIN() || err == AVERROR_EOF) {
                return;
            }
            if (err < 0) {
                throw VideoException.ffmpeg("encoding " + file + " failed", err);
            }
            // Without a duration the MP4 edit list ends at the last frame's start and demuxers discard it.
            packet.duration(1);
            av_packet_rescale_ts(packet, codec.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            err = av_interleaved_write_frame(format, packet);
            av_packet_unref(packet);
            if (err < 0) {
                throw VideoException.ffmpeg("writing " + file + " failed", err);
            }
        }
    }

    /** Number of frames written so far. */
    public long frameCount() {
        return pts;
    }

    /** Flushes the encoder and finishes the MP4 file. */
    @Override
    public void close() throws VideoException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            encode(null);
            int err = av_write_trailer(format);
            if (err < 0) {
                throw VideoException.ffmpeg("cannot finish " + file, err);
            }
        } finally {
            av_frame_free(frame);
            av_packet_free(packet);
            sws_freeContext(sws);
            rgb.close();
            rgbPlanes.close();
            rgbStrides.close();
            release(true);
        }
    }

    private void release(boolean ioOpen) {
        if (ioOpen && format.pb() != null && !format.pb().isNull()) {
            avio_closep(format.pb());
        }
        avcodec_free_context(codec);
        avformat_free_context(format);
    }
}
