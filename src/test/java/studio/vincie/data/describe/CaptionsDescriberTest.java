package studio.vincie.data.describe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionsDescriberTest {

    @TempDir
    Path dir;

    private static FramePair pair(int a, int b) {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        return new FramePair(a, b, 10, img, img);
    }

    @Test
    void jsonCaptionsDescribeOverlappingPairs() throws Exception {
        Path video = dir.resolve("clip.mp4");
        Files.writeString(dir.resolve("clip.captions.json"), "{\"captions\": ["
                + "{\"start\": 1.0, \"end\": 2.0, \"text\": \"open the door.\", \"category\": \"interaction\"},"
                + "{\"start\": 2.5, \"end\": 3.0, \"text\": \"turn on the lamp\"}]}");
        Path file = CaptionsDescriber.sidecar(video);
        assertThat(file).isEqualTo(dir.resolve("clip.captions.json"));
        CaptionsDescriber d = CaptionsDescriber.load(file);
        assertThat(d.describe(pair(5, 21))).isEqualTo(new Transition("open the door", "interaction"));
        assertThat(d.describe(pair(5, 29))).isEqualTo(new Transition("open the door, then turn on the lamp", "multiple"));
        assertThat(d.describe(pair(40, 50))).isNull();
    }

    @Test
    void textCaptionsAndErrors() throws Exception {
        Path video = dir.resolve("walk.webm");
        Files.writeString(dir.resolve("walk.captions.txt"), "# start end text\n0.5 1.5 the dog sits down\n\n");
        CaptionsDescriber d = CaptionsDescriber.load(CaptionsDescriber.sidecar(video));
        assertThat(d.describe(pair(0, 10)).instruction()).isEqualTo("the dog sits down");
        assertThat(CaptionsDescriber.sidecar(dir.resolve("other.mp4"))).isNull();

        Files.writeString(dir.resolve("bad.captions.txt"), "soon later something\n");
        assertThatThrownBy(() -> CaptionsDescriber.load(dir.resolve("bad.captions.txt")))
                .isInstanceOf(DescribeException.class).hasMessageContaining("line 1");
        Files.writeString(dir.resolve("bad.captions.json"), "{\"captions\": [{\"start\": 2, \"end\": 1, \"text\": \"x\"}]}");
        assertThatThrownBy(() -> CaptionsDescriber.load(dir.resolve("bad.captions.json")))
                .hasMessageContaining("start <= end");
    }
}
