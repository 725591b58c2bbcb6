package dev.reelwright.media.audio;

import dev.reelwright.core.json.AtomicFiles;
import dev.reelwright.core.error.ReelwrightException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * RIFF/WAVE files: PCM 8/16/24/32-bit and 32/64-bit float, any channel count (read as mono), any sample rate.
 * The header alone tells a clip's length, so a mixer can plan before it loads anything.
 */
public final class WavFile {
    private static final int PCM = 1;
    private static final int FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;

    private WavFile() {}

    /** Where the samples lie and how they are stored. */
    public record Header(int sampleRate, int channels, int bitsPerSample, boolean floating, long dataOffset, long dataBytes) {
        public int blockAlign() {
            return channels * (bitsPerSample / 8);
        }

        /** Sample frames (one sample per channel) in the file. */
        public long frames() {
            return dataBytes / blockAlign();
        }

        public double seconds() {
            return frames() / (double) sampleRate;
        }
    }

    /** True when the file starts like a RIFF WAVE file. */
    public static boolean looksLikeWav(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(12);
            channel.read(head, 0);
            head.flip();
            if (head.remaining() < 12) return false;
            byte[] bytes = new byte[12];
            head.get(bytes);
            String s = new String(bytes, StandardCharsets.ISO_8859_1);
            return (s.startsWith("RIFF") || s.startsWith("RF64")) && s.substring(8).equals("WAVE");
        } catch (IOException e) {
            return false;
        }
    }

    public static Header readHeader(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer buf = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            read(channel, buf, 0, 12);
            if (buf.getInt(0) != 0x46464952 || buf.getInt(8) != 0x45564157) throw bad(file, "not a RIFF WAVE file");
            long position = 12;
            int format = -1, channels = 0, rate = 0, bits = 0;
            while (position + 8 <= size) {
                read(channel, buf, position, 8);
                int id = buf.getInt(0);
                long length = buf.getInt(4) & 0xFFFFFFFFL;
                long body = position + 8;
                if (id == 0x20746d66) { // "fmt "
                    int n = (int) Math.min(length, 40);
                    read(channel, buf, body, n);
                    format = buf.getShort(0) & 0xFFFF;
                    channels = buf.getShort(2) & 0xFFFF;
                    rate = buf.getInt(4);
                    bits = buf.getShort(14) & 0xFFFF;
                    if (format == EXTENSIBLE && n >= 26) format = buf.getShort(24) & 0xFFFF;
                } else if (id == 0x61746164) { // "data"
                    if (format < 0) throw bad(file, "data before the format chunk");
                    // Streaming writers leave the length at 0 or all ones: the data then runs to the end.
                    if (length == 0 || length == 0xFFFFFFFFL || body + length > size) length = size - body;
                    if (format != PCM && format != FLOAT) throw bad(file, "sample encoding " + format + " is not PCM or float");
                    if (channels < 1 || rate < 1000 || rate > 384_000) throw bad(file, channels + " channels at " + rate + " Hz");
                    boolean floating = format == FLOAT;
                    if (floating ? bits != 32 && bits != 64 : bits != 8 && bits != 16 && bits != 24 && bits != 32) {
                        throw bad(file, bits + "-bit samples");
                    }
                    Header header = new Header(rate, channels, bits, floating, body, length);
                    return new Header(rate, channels, bits, floating, body, header.frames() * header.blockAlign());
                }
                position = body + length + (length & 1);
            }
            throw bad(file, "no data chunk");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** All samples, channels averaged to mono, as floats in -1..1. */
    public static float[] readMono(Path file, Header header) {
        long frames = header.frames();
        if (frames > Integer.MAX_VALUE - 16) throw bad(file, "too long to load");
        float[] out = new float[(int) frames];
        int channels = header.channels(), bytes = header.bitsPerSample() / 8, block = header.blockAlign();
        float scale = 1f / channels;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(Math.max(block, 65536 / block * block)).order(ByteOrder.LITTLE_ENDIAN);
            long position = header.dataOffset(), end = header.dataOffset() + header.dataBytes();
            int frame = 0;
            while (position < end && frame < out.length) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), end - position));
                int n = channel.read(buf, position);
                if (n <= 0) break;
                position += n;
                buf.flip();
                while (buf.remaining() >= block && frame < out.length) {
                    float sum = 0;
                    for (int c = 0; c < channels; c++) sum += sample(buf, bytes, header.floating());
                    out[frame++] = sum * scale;
                }
                if (buf.remaining() > 0) position -= buf.remaining();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    private static float sample(ByteBuffer buf, int bytes, boolean floating) {
        if (floating) return bytes == 4 ? buf.getFloat() : (float) buf.getDouble();
        return switch (bytes) {
            case 1 -> ((buf.get() & 0xFF) - 128) / 128f;
            case 2 -> buf.getShort() / 32768f;
            case 3 -> {
                int v = (buf.get() & 0xFF) | (buf.get() & 0xFF) << 8 | buf.get() << 16;
                yield v / 8388608f;
            }
            default -> buf.getInt() / 2147483648f;
        };
    }

    /** Writes mono 16-bit PCM (values clipped to -1..1). */
    public static void writeMono16(Path file, float[] samples, int sampleRate) {
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) pcm.putShort((short) Math.round(Math.max(-1f, Math.min(1f, s)) * 32767f));
        writeMono16(file, pcm.array(), sampleRate);
    }

    /**
     * Writes {@code pcm} (signed 16-bit little-endian mono samples) behind the canonical 44-byte RIFF header,
     * atomically, so a crash never leaves a truncated WAV under the final name.
     */
    public static void writeMono16(Path file, byte[] pcm, int sampleRate) {
        if (pcm.length % 2 != 0) throw new IllegalArgumentException("16-bit PCM needs an even number of bytes");
        ByteBuffer wav = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(36 + pcm.length).put("WAVE".getBytes(StandardCharsets.ISO_8859_1));
        wav.put("fmt ".getBytes(StandardCharsets.ISO_8859_1)).putInt(16).putShort((short) PCM).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes(StandardCharsets.ISO_8859_1)).putInt(pcm.length).put(pcm);
        AtomicFiles.writeBytes(file, wav.array());
    }

    private static void read(FileChannel channel, ByteBuffer buf, long position, int length) throws IOException {
        buf.clear().limit(length);
        while (buf.hasRemaining()) {
            if (channel.read(buf, position + buf.position()) < 0) throw new IOException("unexpected end of file");
        }
        buf.flip();
    }

    private static ReelwrightException bad(Path file, String why) {
        return new ReelwrightException("voice file " + file + " cannot be read as WAV: " + why);
    }
}
