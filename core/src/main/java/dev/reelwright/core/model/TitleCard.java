package dev.reelwright.core.model;

/** The opening card: the production's title over its brand colours. */
public record TitleCard(String text, double seconds) {
    public TitleCard {
        text = text == null ? "" : text.strip();
        if (seconds < 0 || seconds > 30) throw new IllegalArgumentException("title card seconds must be 0..30, got " + seconds);
    }
}
