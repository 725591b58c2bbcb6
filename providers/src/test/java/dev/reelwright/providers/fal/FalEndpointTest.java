package dev.reelwright.providers.fal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.model.CameraMove;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-endpoint input conventions, from PROVIDERS.md §1 and vendor-specs/fal.json. */
class FalEndpointTest {
    private static ModelEntry video(String endpoint, String mode) {
        return new ModelEntry("fal/test", "fal", endpoint, "video", List.of(mode), List.of(5, 10), List.of("480p", "720p"),
                List.of("16:9", "9:16", "1:1"), null, null, null, null, Map.of(), null, null, null, null, null, null);
    }

    @Test
    void theAppPathDropsTheEndpointsSubpathButKeepsNamespaces() {
        assertThat(FalEndpoint.appPath("fal-ai/kling-video/v2.1/master/image-to-video")).isEqualTo("fal-ai/kling-video");
        assertThat(FalEndpoint.appPath("fal-ai/wan-i2v")).isEqualTo("fal-ai/wan-i2v");
        assertThat(FalEndpoint.appPath("workflows/acme/my-flow/run")).isEqualTo("workflows/acme/my-flow");
        assertThat(FalEndpoint.appPath("comfy/acme/graph")).isEqualTo("comfy/acme/graph");
    }

    @Test
    void klingImageFieldFollowsTheVersion() {
        assertThat(FalEndpoint.video(video("fal-ai/kling-video/v2.1/master/image-to-video", "image-to-video")).imageField()).isEqualTo("image_url");
        assertThat(FalEndpoint.video(video("fal-ai/kling-video/v2.5-turbo/pro/image-to-video", "image-to-video")).imageField()).isEqualTo("image_url");
        assertThat(FalEndpoint.video(video("fal-ai/kling-video/v2.6/pro/image-to-video", "image-to-video")).imageField()).isEqualTo("start_image_url");
        assertThat(FalEndpoint.video(video("fal-ai/kling-video/v3/pro/image-to-video", "image-to-video")).imageField()).isEqualTo("start_image_url");
        assertThat(FalEndpoint.video(video("fal-ai/kling-video/v3/turbo/pro/image-to-video", "image-to-video")).imageField()).isEqualTo("image_url");
        assertThat(FalEndpoint.video(video("fal-ai/kling-video/v2.1/master/text-to-video", "text-to-video")).imageField()).isNull();
    }

    @Test
    void aspectRatioOnlyWhereTheEndpointTakesIt() {
        assertThat(FalEndpoint.video(video("fal-ai/kling-video/v2.1/master/text-to-video", "text-to-video")).aspectRatio()).isTrue();
        assertThat(FalEndpoint.video(video("fal-ai/kling-video/v2.1/pro/image-to-video", "image-to-video")).aspectRatio()).isFalse();
        assertThat(FalEndpoint.video(video("fal-ai/kling-video/v1.6/pro/image-to-video", "image-to-video")).aspectRatio()).isTrue();
        assertThat(FalEndpoint.video(video("fal-ai/wan-i2v", "image-to-video")).aspectRatio()).isTrue();
        assertThat(FalEndpoint.video(video("fal-ai/wan-25-preview/image-to-video", "image-to-video")).aspectRatio()).isFalse();
        assertThat(FalEndpoint.video(video("wan/v2.6/text-to-video", "text-to-video")).aspectRatio()).isTrue();
    }

    @Test
    void wanLengthStyles() {
        FalEndpoint wan21 = FalEndpoint.video(video("fal-ai/wan-i2v", "image-to-video"));
        assertThat(wan21.length()).isEqualTo(FalEndpoint.Length.NUM_FRAMES);
        assertThat(wan21.numFrames(5)).isEqualTo(81);
        assertThat(wan21.numFrames(10)).isEqualTo(100);
        FalEndpoint wan22 = FalEndpoint.video(video("fal-ai/wan/v2.2-a14b/image-to-video", "image-to-video"));
        assertThat(wan22.numFrames(8)).isEqualTo(129);
        assertThat(FalEndpoint.video(video("wan/v2.6/image-to-video", "image-to-video")).length()).isEqualTo(FalEndpoint.Length.DURATION_STRING);
        assertThat(FalEndpoint.video(video("fal-ai/wan-pro/image-to-video", "image-to-video")).length()).isEqualTo(FalEndpoint.Length.NONE);
    }

    @Test
    void everyCatalogVideoModelHasAnImageFieldWhenItIsImageToVideo() {
        for (ModelEntry model : ModelCatalog.bundled().byVendor("fal")) {
            if (!model.kind().equals("video")) continue;
            FalEndpoint endpoint = FalEndpoint.video(model);
            assertThat(endpoint.imageToVideo()).isEqualTo(model.supports("image-to-video"));
            assertThat(endpoint.imageField() != null).isEqualTo(model.supports("image-to-video"));
        }
    }

    @Test
    void cameraMovesBecomeASentenceAndPromptsStayWithinTheLimit() {
        for (CameraMove move : CameraMove.values()) assertThat(FalVideoJobs.camera(move)).isNotBlank();
        String prompt = FalVideoJobs.prompt("x".repeat(3000), CameraMove.ORBIT);
        assertThat(prompt).hasSizeLessThanOrEqualTo(FalVideoJobs.MAX_PROMPT).endsWith(FalVideoJobs.camera(CameraMove.ORBIT));
        assertThat(FalVideoJobs.nearestRatio(1920, 1080, List.of("16:9", "9:16", "1:1"))).isEqualTo("16:9");
        assertThat(FalVideoJobs.nearestRatio(1080, 1350, List.of("16:9", "9:16", "1:1"))).isEqualTo("1:1");
        assertThat(FalVideoJobs.nearestResolution(1080, 1920, List.of("480p", "720p"))).isEqualTo("720p");
        assertThat(FalVideoJobs.seed(-1)).isBetween(0L, (1L << 31) - 1);
    }
}
