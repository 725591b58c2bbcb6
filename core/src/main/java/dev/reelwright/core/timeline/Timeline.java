package dev.reelwright.core.timeline;

import dev.reelwright.core.model.Brand;
import dev.reelwright.core.model.CaptionStyle;
import dev.reelwright.core.model.VideoFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The finished video as data, in whole frames at {@code format.fps()} (time is rational, never a drifting double).
 * Visual segments lie back to back from frame 0; at each boundary the outgoing segment's tail crossfades over the
 * first {@code crossfadeFrames} frames of the incoming one, so every segment but the last must supply
 * {@code frames + crossfadeFrames} frames. Voices start at a frame; music (optional) loops under everything.
 */
public record Timeline(
        VideoFormat format,
        List<Segment> segments,
        int crossfadeFrames,
        List<VoiceClip> voices,
        Path music,
        double musicVolumeDb,
        List<CaptionCue> captions,
        CaptionStyle captionStyle,
        Brand brand,
        int posterFrame) {

    public Timeline {
        Objects.requireNonNull(format, "format");
        segments = List.copyOf(segments);
        voices = List.copyOf(voices);
        captions = List.copyOf(captions);
        if (segments.isEmpty()) throw new IllegalArgumentException("a timeline needs a segment");
        int expected = 0;
        for (Segment segment : segments) {
            if (segment.startFrame() != expected) {
                throw new IllegalArgumentException("segments must lie back to back: expected frame " + expected + ", got " + segment.startFrame());
            }
            if (segment.frames() <= crossfadeFrames) throw new IllegalArgumentException("a segment must be longer than the crossfade");
            expected += segment.frames();
        }
        if (crossfadeFrames < 0) throw new IllegalArgumentException("crossfade must not be negative");
        if (posterFrame < 0 || posterFrame >= expected) throw new IllegalArgumentException("poster frame outside the video");
    }

    public int totalFrames() {
        Segment last = segments.getLast();
        return last.startFrame() + last.frames();
    }

    public double totalSeconds() {
        return format.seconds(totalFrames());
    }

    /** One run of frames on the picture track. */
    public sealed interface Segment permits ClipSegment, CardSegment {
        int startFrame();

        int frames();
    }

    /** Frames from a clip file, opened through a {@link dev.reelwright.core.spi.ClipDecoder}. */
    public record ClipSegment(String label, Path clip, int startFrame, int frames) implements Segment {}

    /** A card drawn from text over the brand's colours (the title card). */
    public record CardSegment(String title, String subtitle, int startFrame, int frames) implements Segment {}

    /** Speech audio (a WAV file) placed at a frame. */
    public record VoiceClip(Path wav, int startFrame) {}
}
