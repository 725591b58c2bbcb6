package dev.reelwright.core.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One model a vendor serves, as data: what it can do and what it costs. Adapters take the vendor's model id
 * from here, never from code, because vendors retire models often.
 *
 * @param id          Reelwright's name for it, {@code vendor/name}, used in production.yaml
 * @param model       the vendor's own model or endpoint id, sent on the wire
 * @param kind        image, video, avatar, speech, planner, transcription, voice_clone or lip_sync
 * @param clipSeconds the clip lengths the model offers; empty means any length (the local renderer, avatars that
 *                    follow their audio). A longer shot is chained from several clips.
 * @param resolutions what it renders ({@code 480p}, {@code 720p}, {@code 1080p}, {@code 4k}); empty means not stated
 * @param price       US dollars by unit: per_image, per_clip, per_second, per_gpu_second, per_1k_characters,
 *                    per_1m_input_tokens, ...; a unit suffixed with a resolution ({@code per_second_4k},
 *                    {@code per_clip_480p}) prices that resolution, and {@code dev.reelwright.core.cost.Pricing} prefers it
 * @param qualityTier basic, medium, high or top
 * @param strengths   what it is best at, in the router's words: motion, people, cinematic, landscape, photoreal,
 *                    product, stylized, camera, talking_head, long_shots, self_hosted
 * @param status      active or retired (retired models are never picked by default)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ModelEntry(
        String id,
        String vendor,
        String model,
        String kind,
        List<String> modes,
        List<Integer> clipSeconds,
        List<String> resolutions,
        List<String> aspectRatios,
        Boolean lipSync,
        Boolean nativeAudio,
        Boolean cameraControl,
        Boolean openWeights,
        Map<String, Double> price,
        Double latencySeconds,
        String qualityTier,
        List<String> strengths,
        String status,
        String retiredOn,
        String note) {

    public ModelEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vendor, "vendor of " + id);
        Objects.requireNonNull(model, "model of " + id);
        Objects.requireNonNull(kind, "kind of " + id);
        if (!id.startsWith(vendor + "/")) throw new IllegalArgumentException("model id '" + id + "' must start with its vendor '" + vendor + "/'");
        modes = modes == null ? List.of() : List.copyOf(modes);
        clipSeconds = clipSeconds == null ? List.of() : List.copyOf(clipSeconds);
        resolutions = resolutions == null ? List.of() : List.copyOf(resolutions);
        aspectRatios = aspectRatios == null ? List.of() : List.copyOf(aspectRatios);
        price = price == null ? Map.of() : Map.copyOf(price);
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
        status = status == null ? "active" : status;
        if (!status.equals("active") && !status.equals("retired")) {
            throw new IllegalArgumentException("status of " + id + " must be active or retired, got " + status);
        }
    }

    public boolean retired() {
        return status.equals("retired");
    }

    public boolean supports(String mode) {
        return modes.contains(mode);
    }

    public double price(String unit) {
        return price.getOrDefault(unit, 0.0);
    }

    // Helpers below avoid get/is names so that Jackson does not take them for properties of the YAML file.

    /** The longest clip one call makes, in seconds; 0 when the model makes any length. */
    public int longestClip() {
        return clipSeconds.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** basic 0, medium 1, high 2, top 3; an entry without a tier counts as medium. */
    public int tierRank() {
        return switch (qualityTier == null ? "" : qualityTier) {
            case "basic" -> 0;
            case "high" -> 2;
            case "top" -> 3;
            default -> 1;
        };
    }

    public boolean makesLipSync() {
        return Boolean.TRUE.equals(lipSync);
    }

    public boolean makesNativeAudio() {
        return Boolean.TRUE.equals(nativeAudio);
    }

    public boolean takesCameraControl() {
        return Boolean.TRUE.equals(cameraControl);
    }

    public boolean hasOpenWeights() {
        return Boolean.TRUE.equals(openWeights);
    }

    public boolean strongAt(String strength) {
        return strengths.contains(strength);
    }

    /** Whether it renders at least {@code lines} lines on the short side (an unstated list counts as yes). */
    public boolean rendersAtLeast(int lines) {
        return resolutions.isEmpty() || resolutions.stream().anyMatch(r -> lines(r) >= lines);
    }

    /** The most lines it renders on the short side, 0 when not stated. */
    public int mostLines() {
        return resolutions.stream().mapToInt(ModelEntry::lines).max().orElse(0);
    }

    /**
     * Whether it makes a frame of {@code across:down}: an aspect label ({@code 16:9}) or a vendor's output size
     * ({@code 1280:720}, as Runway lists them) within 2% of that shape. An unstated list counts as yes.
     */
    public boolean makesShape(int across, int down) {
        if (aspectRatios.isEmpty()) return true;
        double wanted = across / (double) down;
        for (String ratio : aspectRatios) {
            String[] parts = ratio.split(":");
            if (parts.length != 2 || !parts[0].strip().matches("\\d+") || !parts[1].strip().matches("\\d+")) continue;
            double shape = Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
            if (Math.abs(shape / wanted - 1) < 0.02) return true;
        }
        return false;
    }

    /** "720p" -> 720, "4k" -> 2160; anything else 0. */
    static int lines(String resolution) {
        String r = resolution.strip().toLowerCase(java.util.Locale.ROOT);
        if (r.equals("4k")) return 2160;
        if (r.endsWith("p") && r.substring(0, r.length() - 1).matches("\\d+")) return Integer.parseInt(r.substring(0, r.length() - 1));
        return 0;
    }
}
