package dev.reelwright.local.motion;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.spi.ClipDecoder;
import dev.reelwright.core.spi.FrameSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Opens {@code *.motion.json} recipes written by {@link CameraMoveVideoGenerator}: the source image is decoded once
 * (and shared, read-only, between clips that use the same file), and each frame is rendered on demand.
 */
public final class MotionClipDecoder implements ClipDecoder {
    public static final String SUFFIX = ".motion.json";
    private static final int CACHED_IMAGES = 8;

    private final Map<String, SoftReference<SourceImage>> decoded = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SoftReference<SourceImage>> eldest) {
            return size() > CACHED_IMAGES;
        }
    };

    @Override
    public boolean accepts(Path clip) {
        Path name = clip.getFileName();
        return name != null && name.toString().endsWith(SUFFIX);
    }

    @Override
    public FrameSource open(Path clip, VideoFormat format) {
        MotionRecipe recipe = Json.readJson(clip, MotionRecipe.class);
        Path source = sourceOf(clip, recipe);
        SourceImage image = load(source);
        CameraPath path = new CameraPath(recipe, image.width, image.height, format.width(), format.height());
        // A source much larger than the frame would alias when sampled sparsely: shrink it by a whole factor first.
        double maxZoom = 1;
        for (int i = 0; i < recipe.frames(); i += Math.max(1, recipe.frames() / 16)) maxZoom = Math.max(maxZoom, path.pose(i).zoom());
        maxZoom = Math.max(maxZoom, path.pose(recipe.frames() - 1).zoom());
        int factor = (int) Math.floor(path.cover() / maxZoom / 1.25);
        if (factor >= 2) {
            return new MotionFrameSource(path, image.shrink(factor), 1.0 / factor, format.width(), format.height());
        }
        return new MotionFrameSource(path, image, 1, format.width(), format.height());
    }

    /** Reads a recipe (for tools and tests). */
    public static MotionRecipe read(Path clip) {
        return Json.readJson(clip, MotionRecipe.class);
    }

    static Path sourceOf(Path clip, MotionRecipe recipe) {
        Path source = Path.of(recipe.source());
        if (!source.isAbsolute()) {
            Path dir = clip.toAbsolutePath().getParent();
            source = dir.resolve(source);
        }
        return source;
    }

    private SourceImage load(Path file) {
        String key;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            key = file.toAbsolutePath().normalize() + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            throw InputException.in(file, "the clip's source image cannot be read: " + e.getMessage());
        }
        synchronized (decoded) {
            SoftReference<SourceImage> ref = decoded.get(key);
            SourceImage cached = ref == null ? null : ref.get();
            if (cached != null) return cached;
        }
        SourceImage image = SourceImage.of(readImage(file));
        if (image.width > 16384 || image.height > 16384) {
            image = image.shrink((int) Math.ceil(Math.max(image.width, image.height) / 16384.0));
        }
        synchronized (decoded) {
            decoded.put(key, new SoftReference<>(image));
        }
        return image;
    }

    static BufferedImage readImage(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) throw InputException.in(file, "not an image this runtime can decode");
            return image;
        } catch (IOException e) {
            throw InputException.in(file, "cannot read the image: " + e.getMessage());
        }
    }
}
