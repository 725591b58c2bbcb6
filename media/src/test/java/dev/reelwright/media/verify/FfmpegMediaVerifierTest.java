package dev.reelwright.media.verify;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.spi.MediaVerifier.Expect;
import dev.reelwright.media.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegMediaVerifierTest {
    private final FfmpegMediaVerifier verifier = new FfmpegMediaVerifier();

    @Test
    void aWholeClipPassesAndATruncatedOrFakeOneFails(@TempDir Path dir) throws IOException {
        Path clip = dir.resolve("clip.mp4");
        TestMedia.writeClip(clip, 320, 180, 30, 60, i -> TestMedia.solid(320, 180, 0x102030 + i * 0x020201), -1);
        assertThatCode(() -> verifier.verify(clip, Expect.VIDEO)).doesNotThrowAnyException();

        byte[] bytes = Files.readAllBytes(clip);
        Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> verifier.verify(cut, Expect.VIDEO)).isInstanceOf(ReelwrightException.class);

        Path html = Files.writeString(dir.resolve("error.mp4"), "<html>503 Service Unavailable</html>");
        assertThatThrownBy(() -> verifier.verify(html, Expect.VIDEO)).isInstanceOf(ReelwrightException.class);
        assertThatThrownBy(() -> verifier.verify(html, Expect.IMAGE)).isInstanceOf(ReelwrightException.class);
    }
}
