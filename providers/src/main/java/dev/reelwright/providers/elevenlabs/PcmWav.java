package dev.reelwright.providers.elevenlabs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Wraps raw PCM (16-bit little-endian mono, as ElevenLabs' {@code pcm_*} formats deliver it) in the canonical
 * 44-byte RIFF/WAVE header. Providers do not depend on the media module, hence this small copy.
 */
final class PcmWav {
    private PcmWav() {}

    static byte[] wrap(byte[] pcm, int sampleRate) {
        int data = pcm.length & ~1; // whole 16-bit samples only
        ByteBuffer wav = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + data).put(new byte[] {'W', 'A', 'V', 'E'});
        wav.put(new byte[] {'f', 'm', 't', ' '}).putInt(16)
                .putShort((short) 1)              // PCM
                .putShort((short) 1)              // mono
                .putInt(sampleRate)
                .putInt(sampleRate * 2)           // byte rate
                .putShort((short) 2)              // block align
                .putShort((short) 16);            // bits per sample
        wav.put(new byte[] {'d', 'a', 't', 'a'}).putInt(data).put(pcm, 0, data);
        return wav.array();
    }

    static double seconds(byte[] pcm, int sampleRate) {
        return (pcm.length / 2) / (double) sampleRate;
    }
}
