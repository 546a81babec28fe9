package studio.vincie.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.vincie.model.codec.PatchCodec;
import studio.vincie.model.text.Tokenizer;

/** Tokenizer (specials, padding, unknown words, save/load) and PatchCodec round trips. */
class TokenizerAndCodecTest {

    @TempDir
    Path dir;

    @Test
    void tokenizerPadsTruncatesAndKnowsItsSpecials() throws Exception {
        Tokenizer tok = Tokenizer.build(List.of("Make the red circle blue.", "make the square red"), 100, 4);
        assertThat(tok.vocabSize()).isEqualTo(3 + 6);
        int[] ids = tok.encode("make the zebra");
        assertThat(ids).hasSize(4);
        assertThat(ids[2]).isEqualTo(Tokenizer.UNK);
        assertThat(ids[3]).isEqualTo(Tokenizer.PAD);
        assertThat(tok.encode("make the red circle blue")).hasSize(4); // truncated
        assertThat(tok.encode("  ")).containsExactly(tok.nullInstruction());
        assertThat(tok.nullInstruction()).containsExactly(Tokenizer.NULL, Tokenizer.PAD, Tokenizer.PAD, Tokenizer.PAD);
        // most frequent words first: make, red, the (2 each, alphabetical) before blue, circle, square
        assertThat(tok.decode(tok.encode("make red the blue"))).isEqualTo("make red the blue");
        assertThat(tok.encode("make")[0]).isEqualTo(3);
        tok.save(dir.resolve("tokenizer.json"));
        Tokenizer back = Tokenizer.load(dir.resolve("tokenizer.json"));
        assertThat(back.encode("the square is red")).containsExactly(tok.encode("the square is red"));
    }

    @Test
    void patchCodecRoundTripsImagesAndMasksExactly() {
        PatchCodec codec = new PatchCodec(32, 8, 16);
        BufferedImage img = TinyFixtures.noiseImage(32, 9);
        float[] v = codec.encodeImage(img);
        assertThat(v).hasSize(16 * 8 * 8 * 3);
        BufferedImage back = codec.decodeImage(v);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                assertThat(back.getRGB(x, y)).isEqualTo(img.getRGB(x, y));
            }
        }
        // token 1 is the patch right of the top-left one: its first value is the red of pixel (8, 0)
        assertThat(v[8 * 8 * 3]).isEqualTo(((img.getRGB(8, 0) >> 16) & 0xFF) / 127.5f - 1f);
        BufferedImage mask = TinyFixtures.blockMask(32, 2);
        float[] mv = codec.encodeMask(mask);
        assertThat(mv).hasSize(4 * 16 * 16);
        BufferedImage mback = codec.decodeMask(mv);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                assertThat(mback.getRaster().getSample(x, y, 0)).isEqualTo(mask.getRaster().getSample(x, y, 0));
            }
        }
    }
}
