package dev.reelwright.cli.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelwright.cli.LocalStack;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.Mood;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Scene;
import dev.reelwright.core.model.SpecLoader;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.model.TitleCard;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.pipeline.Production;
import dev.reelwright.core.pipeline.Providers;
import dev.reelwright.core.progress.ProgressListener;
import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.FrameSource;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.media.decode.FfmpegClipDecoder;
import dev.reelwright.media.quality.QualityTestSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The quality filter inside {@code make}: a generative model whose first clip for a shot shows an artifact. A
 * morphing clip is rejected, a second candidate is generated and used, the rejected one stays on disk with its
 * report, and the finished video shows the clean clip. A flickering clip, or one with a ghost limb, is repaired
 * instead, and no second clip is paid for.
 */
@Tag("slow")
class QualityFilterInMakeTest {
    private static final QualityTestSet.Settings CLIPS = new QualityTestSet.Settings(640, 360, 30, 3.0);

    /** Serves prepared clips in order per scene seed: the n-th request for a shot gets its n-th clip. */
    static final class PreparedClips implements VideoGenerator {
        final Map<Long, List<Path>> byScene;
        final List<String> served = Collections.synchronizedList(new ArrayList<>());

        PreparedClips(Map<Long, List<Path>> byScene) {
            this.byScene = byScene;
        }

        @Override
        public String id() {
            return "prepared-clips";
        }

        @Override
        public GeneratedClip generate(ClipRequest request, Path folder) {
            // Candidate seeds are the scene's seed plus a stride per candidate.
            for (var entry : byScene.entrySet()) {
                long offset = request.seed() - entry.getKey();
                if (offset >= 0 && offset % 1_000_003L == 0 && offset / 1_000_003L < entry.getValue().size()) {
                    Path clip = entry.getValue().get((int) (offset / 1_000_003L));
                    served.add(clip.getFileName().toString());
                    try {
                        Files.copy(clip, folder.resolve("clip.mp4"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return new GeneratedClip("clip.mp4", CLIPS.frames());
                }
            }
            throw new AssertionError("unexpected request seed " + request.seed());
        }
    }

    @Test
    void aRejectedClipIsReplacedByTheNextCandidate(@TempDir Path dir) throws IOException {
        Path clips = Files.createDirectories(dir.resolve("vendor"));
        // Morphing cannot be repaired from the clip itself: only another take helps.
        Path morphing = QualityTestSet.injected(clips, Artifact.MORPHING, QualityTestSet.Strength.STRONG, 3, CLIPS).file();
        Path clean = QualityTestSet.clean(clips, QualityTestSet.Kind.ZOOM_FIGURE, 4, CLIPS).file();
        Path second = QualityTestSet.clean(clips, QualityTestSet.Kind.PAN_SHAPES, 5, CLIPS).file();
        var generator = new PreparedClips(Map.of(11L, List.of(morphing, clean), 22L, List.of(second)));

        // The prepared clips were not made from this run's keyframes, so subject consistency is not what is tested here.
        ProductionSpec spec = SpecLoader.load(Files.writeString(dir.resolve("production.yaml"),
                "resolution: 720p\ncaptions: off\nquality_thresholds: {subject_drift: 0}\n"));
        Providers local = LocalStack.providers(spec);
        Providers providers = new Providers(local.planner(), local.images(), generator, local.speech(), local.assembler(), local.inspector());
        var storyboard = new Storyboard("Filter", new TitleCard("", 0), List.of(
                new Scene("s1", "One", "", "a figure in a room", CameraMove.STATIC, Mood.CALM, 3.0, 11),
                new Scene("s2", "Two", "", "shapes drifting", CameraMove.STATIC, Mood.CALM, 3.0, 22)));
        Path out = dir.resolve("out");

        new Production(providers, ProgressListener.NONE).make(storyboard, spec, out, "filter");

        assertThat(generator.served).containsExactlyInAnyOrder(morphing.getFileName().toString(), clean.getFileName().toString(),
                second.getFileName().toString());
        JsonNode report = Json.json().readTree(out.resolve("report.json").toFile());
        JsonNode first = report.get("scenes").get(0);
        assertThat(first.get("clip").asText()).isEqualTo("accepted");
        JsonNode candidates = first.get("candidates");
        assertThat(candidates).hasSize(2);
        assertThat(candidates.get(0).get("verdict").asText()).isEqualTo("reject");
        assertThat(candidates.get(0).get("failing").asText()).isEqualTo(Artifact.MORPHING.label());
        assertThat(candidates.get(0).get("chosen").asBoolean()).isFalse();
        assertThat(candidates.get(0).get("lost_because").asText()).startsWith("rejected: " + Artifact.MORPHING.label());
        assertThat(candidates.get(0).get("scores").get(Artifact.MORPHING.label()).asDouble()).isLessThan(0.5);
        assertThat(candidates.get(0).has("repaired")).isFalse();
        assertThat(Path.of(candidates.get(0).get("file").asText())).exists(); // the rejected clip is kept
        assertThat(candidates.get(1).get("verdict").asText()).isEqualTo("accept");
        assertThat(candidates.get(1).get("chosen").asBoolean()).isTrue();
        assertThat(candidates.get(1).has("lost_because")).isFalse();
        assertThat(report.get("scenes").get(1).get("candidates")).hasSize(1);
        assertThat(report.get("steps").get("all").findValuesAsText("kind")).contains("inspect");

        // The finished video shows the clean clip in the first scene, not the morphing one.
        VideoFormat format = spec.format();
        int frame = format.frames(1.5);
        int[] video = frameOf(out.resolve("video.mp4"), format, frame);
        assertThat(distance(video, frameOf(clean, format, frame))).isLessThan(distance(video, frameOf(morphing, format, frame)) / 3);

        // A second make pays for nothing and inspects nothing again.
        generator.served.clear();
        new Production(providers, ProgressListener.NONE).make(storyboard, spec, out, "filter");
        assertThat(generator.served).isEmpty();
        JsonNode again = Json.json().readTree(out.resolve("report.json").toFile());
        assertThat(again.get("steps").get("run").asInt()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Artifact.class, names = {"FLICKER", "GHOST_LIMBS"})
    void aRepairableClipIsRepairedInsteadOfPayingForAnother(Artifact artifact, @TempDir Path dir) throws IOException {
        Path clips = Files.createDirectories(dir.resolve("vendor"));
        Path damaged = QualityTestSet.injected(clips, artifact, QualityTestSet.Strength.MEDIUM, 3, CLIPS).file();
        Path spare = QualityTestSet.clean(clips, QualityTestSet.Kind.PAN_SHAPES, 5, CLIPS).file();
        var generator = new PreparedClips(Map.of(11L, List.of(damaged, spare)));
        ProductionSpec spec = SpecLoader.load(Files.writeString(dir.resolve("production.yaml"),
                "resolution: 720p\ncaptions: off\nquality_thresholds: {subject_drift: 0}\n"));
        Providers local = LocalStack.providers(spec);
        Providers providers = new Providers(local.planner(), local.images(), generator, local.speech(), local.assembler(), local.inspector());
        var storyboard = new Storyboard("Repair", new TitleCard("", 0), List.of(
                new Scene("s1", "One", "", "a figure in a room", CameraMove.STATIC, Mood.CALM, 3.0, 11)));
        Path out = dir.resolve("out");

        new Production(providers, ProgressListener.NONE).make(storyboard, spec, out, "repair");

        assertThat(generator.served).containsExactly(damaged.getFileName().toString()); // one take paid for, not two
        JsonNode scene = Json.json().readTree(out.resolve("report.json").toFile()).get("scenes").get(0);
        assertThat(scene.get("clip").asText()).isEqualTo("accepted");
        JsonNode candidate = scene.get("candidates").get(0);
        assertThat(scene.get("candidates")).hasSize(1);
        assertThat(candidate.get("verdict").asText()).isEqualTo("accept");
        assertThat(candidate.get("repaired").asText()).startsWith(artifact.label() + ": ");
        assertThat(candidate.get("file").asText()).endsWith("repaired.mp4");
        assertThat(scene.get("steps").findValuesAsText("kind")).contains("repair", "inspect");
    }

    private static int[] frameOf(Path video, VideoFormat format, int index) {
        int[] rgb = new int[format.width() * format.height()];
        try (FrameSource source = new FfmpegClipDecoder().open(video, format)) {
            for (int i = 0; i <= index; i++) source.read(i, rgb);
        }
        return rgb;
    }

    /** Mean absolute difference per channel. */
    private static double distance(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) sum += Math.abs((a[i] >> shift & 0xFF) - (b[i] >> shift & 0xFF));
        }
        return sum / (3.0 * a.length);
    }
}
