package dev.reelwright.core.caption;

import dev.reelwright.core.timeline.CaptionCue;
import java.util.List;
import java.util.Locale;

/** SubRip (.srt) and WebVTT (.vtt) text for a list of captions. */
public final class SubtitleWriter {
    private SubtitleWriter() {}

    public static String srt(List<CaptionCue> cues) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cues.size(); i++) {
            CaptionCue cue = cues.get(i);
            out.append(i + 1).append('\n')
                    .append(time(cue.start(), ',')).append(" --> ").append(time(cue.end(), ',')).append('\n')
                    .append(String.join("\n", cue.textLines())).append("\n\n");
        }
        return out.toString();
    }

    public static String vtt(List<CaptionCue> cues) {
        StringBuilder out = new StringBuilder("WEBVTT\n\n");
        for (CaptionCue cue : cues) {
            out.append(time(cue.start(), '.')).append(" --> ").append(time(cue.end(), '.')).append('\n')
                    .append(String.join("\n", cue.textLines()).replace("&", "&amp;").replace("<", "&lt;")).append("\n\n");
        }
        return out.toString();
    }

    static String time(double seconds, char millisSeparator) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d",
                millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60, millisSeparator, millis % 1000);
    }
}
