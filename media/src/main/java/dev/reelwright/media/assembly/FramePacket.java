package dev.reelwright.media.assembly;

import dev.reelwright.core.model.VideoFormat;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;

/** One frame's picture (in the encoder's input layout) and its slice of audio, passed from renderer to encoder. */
final class FramePacket {
    final ByteBuffer picture;
    final IntBuffer pixels;
    final float[] left;
    final float[] right;
    int frame = -1;
    int samples;

    FramePacket(VideoFormat format, int maxSamples) {
        this.picture = VideoEncoder.frameBuffer(format);
        this.pixels = picture.asIntBuffer();
        this.left = new float[maxSamples];
        this.right = new float[maxSamples];
    }

    /** Copies 0xRRGGBB pixels in; as little-endian ints they are the BGR0 bytes the encoder reads. */
    void setPixels(int[] rgb) {
        pixels.clear();
        pixels.put(rgb, 0, pixels.capacity());
    }
}
