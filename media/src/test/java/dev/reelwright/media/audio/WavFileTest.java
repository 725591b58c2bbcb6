package dev.reelwright.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelwright.core.error.ReelwrightException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsMono16() {
        float[] samples = {0f, 0.5f, -0.5f, 1f, -1f};
        Path file = dir.resolve("a.wav");
        WavFile.writeMono16(file, samples, 16_000);
        assertThat(WavFile.looksLikeWav(file)).isTrue();
        WavFile.Header header = WavFile.readHeader(file);
        assertThat(header.sampleRate()).isEqualTo(16_000);
        assertThat(header.channels()).isEqualTo(1);
        assertThat(header.frames()).isEqualTo(5);
        float[] read = WavFile.readMono(file, header);
        for (int i = 0; i < samples.length; i++) assertThat(read[i]).isCloseTo(samples[i], within(1e-4f));
    }

    @Test
    void readsStereo24BitExtensibleWithExtraChunksAsMono() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("WAVE".getBytes(StandardCharsets.ISO_8859_1));
        body.write(chunk("LIST", new byte[] {1, 2, 3})); // odd length: padded
        ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) 0xFFFE).putShort((short) 2).putInt(22_050).putInt(22_050 * 6).putShort((short) 6).putShort((short) 24)
                .putShort((short) 22).putShort((short) 24).putInt(3).putShort((short) 1).put(new byte[14]);
        body.write(chunk("fmt ", fmt.array()));
        ByteBuffer data = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        // frame 0: L = +0.5, R = -0.5 -> 0; frame 1: L = R = 0.25
        put24(data, 0x400000);
        put24(data, -0x400000);
        put24(data, 0x200000);
        put24(data, 0x200000);
        body.write(chunk("data", data.array()));
        ByteBuffer riff = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(body.size());
        Path file = dir.resolve("b.wav");
        Files.write(file, concat(riff.array(), body.toByteArray()));

        WavFile.Header header = WavFile.readHeader(file);
        assertThat(header.sampleRate()).isEqualTo(22_050);
        assertThat(header.channels()).isEqualTo(2);
        assertThat(header.bitsPerSample()).isEqualTo(24);
        assertThat(header.frames()).isEqualTo(2);
        float[] mono = WavFile.readMono(file, header);
        assertThat(mono[0]).isCloseTo(0f, within(1e-6f));
        assertThat(mono[1]).isCloseTo(0.25f, within(1e-6f));
    }

    @Test
    void rejectsWhatIsNotWav() throws Exception {
        Path file = Files.writeString(dir.resolve("c.wav"), "definitely not audio");
        assertThat(WavFile.looksLikeWav(file)).isFalse();
        assertThatThrownBy(() -> WavFile.readHeader(file)).isInstanceOf(ReelwrightException.class).hasMessageContaining("RIFF");
    }

    private static void put24(ByteBuffer b, int v) {
        b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
    }

    private static byte[] chunk(String id, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length + (payload.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(id.getBytes(StandardCharsets.ISO_8859_1)).putInt(payload.length).put(payload);
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
