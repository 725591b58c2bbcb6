package dev.reelwright.core.routing;

import dev.reelwright.core.model.Aspect;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Resolution;
import dev.reelwright.core.model.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one shot asks of a video model. Hard needs exclude a model that cannot meet them: resolution, aspect,
 * image-to-video, lip sync. Soft needs weigh in the choice: length (longer than a model's longest clip means
 * chained clips and stitches), native audio, a moving camera, the kind of content.
 *
 * @param seconds      the shot's length on the timeline
 * @param imageToVideo the clip starts from a keyframe (else text-to-video will do)
 * @param lipSync      a talking head whose mouth must follow the speech
 * @param nativeAudio  the shot wants sound generated with the picture (sound effects)
 */
public record ShotNeeds(
        double seconds, Resolution resolution, Aspect aspect, boolean imageToVideo, boolean lipSync, boolean nativeAudio,
        CameraMove camera, ContentKind content) {
    /** Words in a prompt asking for sound from the picture itself. */
    private static final Pattern SOUND_CUES = Pattern.compile("\\b(sound of|sounds of|we hear|sfx|sound effects?|audible)\\b");

    public ShotNeeds {
        if (!(seconds > 0)) throw new IllegalArgumentException("a shot needs a positive length, got " + seconds);
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(aspect, "aspect");
        camera = camera == null ? CameraMove.STATIC : camera;
        content = content == null ? ContentKind.GENERAL : content;
    }

    /**
     * A scene's needs in a production. Image-to-video always: the pipeline draws a keyframe for every shot first.
     * Content from the prompt's cue words ({@link ContentKind#of}). Lip sync when the content is a talking head with
     * narration to speak and production.yaml names a {@code models.lip_sync} model. Native audio when the prompt asks for sound ("sound of
     * waves", "we hear", "sfx").
     */
    public static ShotNeeds of(Scene scene, ProductionSpec spec) {
        String prompt = scene.prompt();
        ContentKind content = ContentKind.of(prompt);
        String lipSyncModel = spec.models().lipSync();
        boolean lipSync = content == ContentKind.TALKING_HEAD && !scene.narration().isBlank() && lipSyncModel != null
                && !lipSyncModel.isBlank();
        boolean sound = SOUND_CUES.matcher(prompt.toLowerCase(Locale.ROOT)).find();
        return new ShotNeeds(scene.seconds(), spec.resolution(), spec.aspect(), true, lipSync, sound, scene.camera(), content);
    }

    /** "12.0 s 1080p 16:9 image-to-video, orbit camera, lip sync" for messages. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "%.1f s %s %s %s", seconds, resolution.label(), aspect.label(),
                imageToVideo ? "image-to-video" : "text-to-video"));
        if (camera != CameraMove.STATIC) parts.add(camera.label().replace('_', ' ') + " camera");
        if (lipSync) parts.add("lip sync");
        if (nativeAudio) parts.add("native audio");
        if (content != ContentKind.GENERAL) parts.add(content.label());
        return String.join(", ", parts);
    }
}
