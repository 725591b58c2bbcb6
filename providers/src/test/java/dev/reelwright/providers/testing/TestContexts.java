package dev.reelwright.providers.testing;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.model.ProviderSettings;
import dev.reelwright.core.remote.JobId;
import dev.reelwright.core.remote.JobListener;
import dev.reelwright.core.remote.Sleeper;
import dev.reelwright.core.spi.MediaVerifier;
import dev.reelwright.providers.http.VendorHttp;
import dev.reelwright.providers.spi.VendorContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;

/** Vendor contexts for contract tests: a fake environment, instant sleeps (recorded), and a byte-level verifier. */
public final class TestContexts {
    private TestContexts() {}

    /** What a test context recorded: the sleeps the poll loop asked for and the job ids it journaled. */
    public static final class Recorder implements Sleeper, JobListener {
        public final List<Duration> sleeps = new ArrayList<>();
        public final List<JobId> submitted = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
        }

        @Override
        public void submitted(JobId id) {
            submitted.add(id);
        }
    }

    /**
     * A context whose vendor lives at {@code server} (through production.yaml-style settings), with the given
     * environment (put the key there). Sleeps return at once; the clock is real, so keep job timeouts in tests short.
     */
    public static VendorContext pointingAt(FakeServer server, String vendor, Map<String, String> environment, Recorder recorder) {
        return new VendorContext(environment, Map.of(vendor, new ProviderSettings(server.baseUrl().toString(), null, null)),
                VendorHttp.defaultClient(), Clock.systemUTC(), recorder, RandomGenerator.of("L64X128MixRandom"), MAGIC_BYTES, recorder);
    }

    /**
     * Checks the leading bytes only (ISO-BMFF 'ftyp', PNG, JPEG, WebP/WAV RIFF, MP3, FLAC, OGG): enough to tell a
     * media file from an error page without FFmpeg, which the providers module does not depend on.
     */
    public static final MediaVerifier MAGIC_BYTES = (file, expect) -> {
        byte[] head = head(file);
        boolean ok = switch (expect) {
            case VIDEO -> head.length >= 12 && new String(head, 4, 4).equals("ftyp");
            case IMAGE -> startsWith(head, 0x89, 'P', 'N', 'G') || startsWith(head, 0xFF, 0xD8) || startsWith(head, 'R', 'I', 'F', 'F');
            case AUDIO -> startsWith(head, 'R', 'I', 'F', 'F') || startsWith(head, 'I', 'D', '3') || startsWith(head, 0xFF, 0xFB)
                    || startsWith(head, 'f', 'L', 'a', 'C') || startsWith(head, 'O', 'g', 'g', 'S');
        };
        if (!ok) throw new ReelwrightException(file.getFileName() + " is not a " + expect.name().toLowerCase() + " file");
        return new MediaVerifier.Verified(expect == MediaVerifier.Expect.IMAGE ? 0 : 5.0, 0, 0); // bytes alone cannot tell more
    };

    /** The smallest byte string {@link #MAGIC_BYTES} accepts as a video: an MP4 'ftyp' box and some padding. */
    public static byte[] fakeMp4(int size) {
        byte[] bytes = new byte[Math.max(size, 32)];
        byte[] box = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'};
        System.arraycopy(box, 0, bytes, 0, box.length);
        return bytes;
    }

    /** The smallest byte string {@link #MAGIC_BYTES} accepts as an image: the 8-byte PNG signature and zero padding to 64 bytes. */
    public static byte[] fakePng() {
        byte[] bytes = new byte[64];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }

    /** Writes a real (decodable) RGB PNG whose pixel at (x, y) is {@code rgb(x, y)}, for adapters that read or re-encode the keyframe. */
    public static Path writePng(Path file, int width, int height, IntBinaryOperator rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image.setRGB(x, y, rgb.applyAsInt(x, y));
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static byte[] head(Path file) {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] head, int... expected) {
        if (head.length < expected.length) return false;
        for (int i = 0; i < expected.length; i++) if ((head[i] & 0xFF) != expected[i]) return false;
        return true;
    }
}
