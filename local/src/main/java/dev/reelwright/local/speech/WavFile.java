package dev.reelwright.local.speech;

import dev.reelwright.core.json.AtomicFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes mono 16-bit PCM WAV files: the canonical 44-byte RIFF header, then the samples. */
final class WavFile {
    private static final int HEADER_BYTES = 44;

    private WavFile() {}

    /** Writes {@code pcm} (signed 16-bit little-endian mono samples) at {@code sampleRate} to {@code file}. */
    static void writeMono16(Path file, byte[] pcm, int sampleRate) {
        if (pcm.length % 2 != 0) throw new IllegalArgumentException("16-bit PCM needs an even number of bytes");
        int blockAlign = 2;
        ByteBuffer wav = ByteBuffer.allocate(HEADER_BYTES + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(HEADER_BYTES - 8 + pcm.length).put(ascii("WAVE"));
        wav.put(ascii("fmt ")).putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) 1) // mono
                .putInt(sampleRate)
                .putInt(sampleRate * blockAlign) // bytes per second
                .putShort((short) blockAlign)
                .putShort((short) 16); // bits per sample
        wav.put(ascii("data")).putInt(pcm.length).put(pcm);
        AtomicFiles.writeBytes(file, wav.array());
    }

    private static byte[] ascii(String chunkId) {
        return chunkId.getBytes(StandardCharsets.US_ASCII);
    }
}
