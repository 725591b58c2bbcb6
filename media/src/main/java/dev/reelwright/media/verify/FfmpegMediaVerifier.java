package dev.reelwright.media.verify;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.spi.MediaVerifier;
import dev.reelwright.media.Ffmpeg;
import dev.reelwright.media.MediaProbe;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Proves a download decodes. A video is decoded to its end (packets only as far as needed to count frames), so a
 * file cut off inside its media data fails here even when its header looks whole.
 */
public final class FfmpegMediaVerifier implements MediaVerifier {
    /** A clip that decodes to fewer frames than its header promises by more than this share is truncated. */
    private static final double MISSING_FRAMES_TOLERATED = 0.1;

    @Override
    public Verified verify(Path file, Expect expect) {
        return switch (expect) {
            case VIDEO -> verifyVideo(file);
            case IMAGE -> verifyImage(file);
            case AUDIO -> verifyAudio(file);
        };
    }

    private static Verified verifyVideo(Path file) {
        MediaProbe.Info info = probe(file);
        if (!info.hasVideo() || info.width() <= 0 || info.height() <= 0) throw new ReelwrightException(file.getFileName() + " holds no video stream");
        Ffmpeg.load();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        long decoded = 0;
        try {
            grabber.start();
            for (Frame frame; (frame = grabber.grabImage()) != null; ) {
                if (frame.image != null) decoded++;
            }
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new ReelwrightException(file.getFileName() + " stops decoding after " + decoded + " frames: " + e.getMessage(), e);
        } finally {
            try {
                grabber.close();
            } catch (FrameGrabber.Exception ignored) {
                // closing a failed grabber can fail too; the verdict stands
            }
        }
        if (decoded == 0) throw new ReelwrightException(file.getFileName() + " decodes to no frames");
        if (info.videoFrames() > 0 && decoded < info.videoFrames() * (1 - MISSING_FRAMES_TOLERATED)) {
            throw new ReelwrightException(file.getFileName() + " is truncated: " + decoded + " of " + info.videoFrames() + " frames decode");
        }
        return new Verified(info.videoSeconds() > 0 ? info.videoSeconds() : info.seconds(), info.width(), info.height());
    }

    private static Verified verifyImage(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image != null && image.getWidth() > 0) return new Verified(0, image.getWidth(), image.getHeight());
        } catch (IOException e) {
            // not a format ImageIO knows (WebP, say): FFmpeg may
        }
        MediaProbe.Info info = probe(file);
        if (!info.hasVideo() || info.width() <= 0) throw new ReelwrightException(file.getFileName() + " is not an image");
        return new Verified(0, info.width(), info.height());
    }

    private static Verified verifyAudio(Path file) {
        MediaProbe.Info info = probe(file);
        double seconds = info.audioSeconds() > 0 ? info.audioSeconds() : info.seconds();
        if (!info.hasAudio() || !(seconds > 0)) throw new ReelwrightException(file.getFileName() + " holds no audio");
        return new Verified(seconds, 0, 0);
    }

    private static MediaProbe.Info probe(Path file) {
        try {
            return MediaProbe.probe(file);
        } catch (RuntimeException e) {
            throw new ReelwrightException(file.getFileName() + " is not a media file: " + e.getMessage(), e);
        }
    }
}
