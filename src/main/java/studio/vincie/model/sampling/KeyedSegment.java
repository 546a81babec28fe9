package studio.vincie.model.sampling;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import studio.vincie.model.nn.Segment;

/**
 * A segment with a content key: kind, index and a SHA-256 of its content. Two requests that share a
 * prefix of keys share the cached K/V of that prefix, which is how the cache follows the session tree.
 */
public record KeyedSegment(String key, Segment segment) {

    public static KeyedSegment of(Segment s) {
        return new KeyedSegment(keyOf(s), s);
    }

    public static String keyOf(Segment s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (s.tokenIds() != null) {
                ByteBuffer b = ByteBuffer.allocate(4 * s.tokenIds().length);
                b.asIntBuffer().put(s.tokenIds());
                md.update(b);
            } else {
                ByteBuffer b = ByteBuffer.allocate(4 * s.values().length);
                b.asFloatBuffer().put(s.values());
                md.update(b);
            }
            return s.kind() + "@" + s.index() + ":" + HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
