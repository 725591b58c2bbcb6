package dev.reelwright.providers.runway;

import dev.reelwright.core.catalog.ModelEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Runway's {@code ratio} for a frame shape. Runway takes output sizes ({@code 1280:720}), not aspect labels, and each
 * model allows its own list (PROVIDERS.md §4). The list comes from the catalog entry when its {@code aspect_ratios}
 * hold Runway's sizes; otherwise from the lists below, which are gen4.5's (image-to-video: the same six as
 * gen4_turbo; text-to-video: two). No model id is named here: a Runway model with other ratios (veo3.1 on Runway:
 * {@code 1280:720, 720:1280, 1080:1920, 1920:1080}) needs its sizes in its catalog entry.
 */
final class RunwayRatios {
    static final List<String> IMAGE_TO_VIDEO = List.of("1280:720", "720:1280", "1104:832", "960:960", "832:1104", "1584:672");
    static final List<String> TEXT_TO_VIDEO = List.of("1280:720", "720:1280");

    private RunwayRatios() {}

    /** The allowed ratio closest (in log aspect) to {@code width:height}. */
    static String pick(ModelEntry model, boolean imageToVideo, int width, int height) {
        List<String> allowed = fromCatalog(model);
        if (allowed.isEmpty()) allowed = imageToVideo ? IMAGE_TO_VIDEO : TEXT_TO_VIDEO;
        return closest(allowed, width, height);
    }

    static String closest(List<String> allowed, int width, int height) {
        double wanted = Math.log(width / (double) height);
        String best = allowed.getFirst();
        double bestDistance = Double.MAX_VALUE;
        for (String ratio : allowed) {
            double distance = Math.abs(Math.log(aspect(ratio)) - wanted);
            if (distance < bestDistance - 1e-9) {
                best = ratio;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Catalog entries listing Runway's own sizes ("1280:720"), told apart from aspect labels ("16:9") by their size. */
    private static List<String> fromCatalog(ModelEntry model) {
        List<String> sizes = new ArrayList<>();
        for (String ratio : model.aspectRatios()) {
            String[] parts = ratio.split(":");
            if (parts.length == 2 && parts[0].matches("\\d+") && parts[1].matches("\\d+")
                    && Math.max(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])) >= 100) {
                sizes.add(ratio);
            }
        }
        return sizes;
    }

    private static double aspect(String ratio) {
        String[] parts = ratio.split(":");
        return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }
}
