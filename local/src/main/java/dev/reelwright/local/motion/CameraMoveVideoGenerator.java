package dev.reelwright.local.motion;

import dev.reelwright.core.json.AtomicFiles;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.VideoGenerator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Image-to-video by a camera move over the keyframe. Nothing is encoded here: the "clip" is a small recipe,
 * {@code clip.motion.json}, next to a copy of the keyframe, and {@link MotionClipDecoder} renders its frames while
 * the final video is assembled, so each pixel is encoded once.
 */
public final class CameraMoveVideoGenerator implements VideoGenerator {
    public static final String ID = "camera-move-v1";
    public static final String FILE = "clip" + MotionClipDecoder.SUFFIX;

    @Override
    public String id() {
        return ID;
    }

    /** A camera move over the keyframe: no generation artifacts to filter, and the same clip for any seed. */
    @Override
    public boolean generative() {
        return false;
    }

    @Override
    public GeneratedClip generate(ClipRequest request, Path folder) {
        Path keyframe = request.keyframe();
        BufferedImage image = MotionClipDecoder.readImage(keyframe);
        String name = keyframe.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot >= 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : ".png";
        String sourceName = "source" + extension;
        try {
            AtomicFiles.writeBytes(folder.resolve(sourceName), Files.readAllBytes(keyframe));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the keyframe " + keyframe, e);
        }
        double[] focus = PointOfInterest.find(image);
        MotionRecipe recipe = new MotionRecipe(MotionRecipe.VERSION, sourceName, request.camera(), request.frames(),
                request.format().fps(), request.format().width(), request.format().height(), request.seed(),
                MotionRecipe.DEFAULT_EASING, round(focus[0]), round(focus[1]));
        Json.write(folder.resolve(FILE), recipe);
        return new GeneratedClip(FILE, request.frames());
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
