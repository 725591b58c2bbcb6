package dev.reelwright.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The contract between stages: {@code plan} writes it, a person may edit it, {@code make} renders it.
 * The video's length is the title card plus the scenes, exactly.
 */
@JsonPropertyOrder({"version", "title", "titleCard", "scenes"})
public record Storyboard(int version, String title, TitleCard titleCard, List<Scene> scenes) {
    public static final int CURRENT_VERSION = 1;

    public Storyboard {
        if (version != CURRENT_VERSION) {
            throw new IllegalArgumentException("storyboard version " + version + " is not supported (this Reelwright reads " + CURRENT_VERSION + ")");
        }
        title = Objects.requireNonNullElse(title, "").strip();
        titleCard = titleCard == null ? new TitleCard(title, 0) : titleCard;
        scenes = List.copyOf(Objects.requireNonNull(scenes, "scenes"));
        if (scenes.isEmpty()) throw new IllegalArgumentException("a storyboard needs at least one scene");
        var ids = new HashSet<String>();
        for (Scene scene : scenes) {
            if (!ids.add(scene.id())) throw new IllegalArgumentException("scene id '" + scene.id() + "' appears twice");
        }
    }

    public Storyboard(String title, TitleCard titleCard, List<Scene> scenes) {
        this(CURRENT_VERSION, title, titleCard, scenes);
    }

    public Storyboard withScenes(List<Scene> newScenes) {
        return new Storyboard(version, title, titleCard, newScenes);
    }

    @JsonIgnore
    public double totalSeconds() {
        return titleCard.seconds() + scenes.stream().mapToDouble(Scene::seconds).sum();
    }
}
