package dev.reelwright.providers.openai;

import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.error.VendorException.Kind;
import dev.reelwright.core.json.AtomicFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * OpenAI's {@code wav} speech as the mono 16-bit PCM file {@link dev.reelwright.core.spi.Speech} promises. The speech
 * endpoint streams, so its RIFF and data lengths may be placeholders (0 or all ones); the data then runs to the end of
 * the body, and the file is rewritten with the canonical 44-byte header and true lengths.
 */
final class WavAudio {
    /** Mono 16-bit little-endian samples at {@code sampleRate}. */
    record Pcm(int sampleRate, byte[] samples) {
        double seconds() {
            return samples.length / 2.0 / sampleRate;
        }
    }

    private WavAudio() {}

    static Pcm mono16(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) throw bad("the speech is not a RIFF WAVE file");
        int format = -1, channels = 0, rate = 0, bits = 0;
        int position = 12;
        while (position + 8 <= wav.length) {
            int id = b.getInt(position);
            long length = b.getInt(position + 4) & 0xFFFFFFFFL;
            int body = position + 8;
            if (id == 0x20746d66 && body + 16 <= wav.length) { // "fmt "
                format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xFFFF;
                if (format == 0xFFFE && length >= 26 && body + 26 <= wav.length) format = b.getShort(body + 24) & 0xFFFF;
            } else if (id == 0x61746164) { // "data"
                if (format != 1 || bits != 16 || channels < 1 || rate < 1000) {
                    throw bad("the speech is not 16-bit PCM (format " + format + ", " + bits + " bits, " + channels + " channels, " + rate + " Hz)");
                }
                if (length == 0 || length == 0xFFFFFFFFL || body + length > wav.length) length = wav.length - body;
                int frames = (int) (length / (2L * channels));
                byte[] out = new byte[frames * 2];
                ByteBuffer o = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
                for (int f = 0; f < frames; f++) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) sum += b.getShort(body + (f * channels + c) * 2);
                    o.putShort(f * 2, (short) Math.round(sum / (double) channels));
                }
                return new Pcm(rate, out);
            }
            if (length == 0xFFFFFFFFL) break;
            position = (int) Math.min(Integer.MAX_VALUE, body + length + (length & 1));
        }
        throw bad("the speech WAV has no data chunk");
    }

    /** Writes the canonical RIFF header and the samples, atomically. */
    static void write(Path file, Pcm pcm) {
        byte[] data = pcm.samples();
        ByteBuffer wav = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.length).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(pcm.sampleRate()).putInt(pcm.sampleRate() * 2).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        AtomicFiles.writeBytes(file, wav.array());
    }

    private static VendorException bad(String why) {
        return VendorException.of(OpenAiErrors.VENDOR, Kind.BAD_OUTPUT, why);
    }
}
