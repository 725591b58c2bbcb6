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
 * @param price       US dollars by unit: per_image, per_clip, per_second, per_1k_characters, per_1m_input_tokens, ...
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
}
