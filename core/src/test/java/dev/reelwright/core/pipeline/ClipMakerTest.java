package dev.reelwright.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.cost.BudgetExceeded;
import dev.reelwright.core.cost.CostLedger;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.model.CameraMove;
import dev.reelwright.core.model.Mood;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Scene;
import dev.reelwright.core.model.SpecLoader;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.quality.QualityInspector;
import dev.reelwright.core.routing.Route;
import dev.reelwright.core.routing.Router;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.ClipChain;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.FrameSource;
import dev.reelwright.core.spi.ImageGenerator.GeneratedImage;
import dev.reelwright.core.spi.VideoAssembler;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.core.step.StepCache;
import dev.reelwright.core.step.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fallback, budget reservations and chaining of one shot's clip, with fake generators and a fake decoder. */
class ClipMakerTest {
    @TempDir
    Path dir;

    ModelCatalog catalog = ModelCatalog.bundled();
    StepCache cache;
    StepResult<GeneratedImage> keyframe;

    /** A fake vendor: records each request, fails with {@code failure} when set, else writes a text "clip" of its frame count. */
    static final class FakeVendor implements VideoGenerator {
        final String id;
        final boolean generative;
        final List<ClipRequest> requests = Collections.synchronizedList(new ArrayList<>());
        RuntimeException failure;
        double charge;

        FakeVendor(String id, boolean generative) {
            this.id = id;
            this.generative = generative;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public boolean generative() {
            return generative;
        }

        @Override
        public GeneratedClip generate(ClipRequest request, Path folder) {
            requests.add(request);
            if (failure != null) throw failure;
            try {
                Files.writeString(folder.resolve("clip.txt"), Integer.toString(request.frames()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new GeneratedClip("clip.txt", request.frames(), new Charge(id, id, charge, false));
        }
    }

    /** Opens a fake "clip" as frames of a grey that encodes the frame's index. */
    static final class TextClips implements VideoAssembler {
        @Override
        public String id() {
            return "text-clips";
        }

        @Override
        public void assemble(dev.reelwright.core.timeline.Timeline timeline, Path video, Path poster, dev.reelwright.core.progress.ProgressListener p) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FrameSource open(Path clip, VideoFormat format) {
            int frames;
            try {
                frames = Integer.parseInt(Files.readString(clip).strip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new FrameSource() {
                @Override
                public int frameCount() {
                    return frames;
                }

                @Override
                public void read(int index, int[] rgb) {
                    java.util.Arrays.fill(rgb, Math.min(index, frames - 1) * 0x010101);
                }

                @Override
                public void close() {}
            };
        }
    }

    @BeforeEach
    void keyframe() throws IOException {
        cache = new StepCache(dir.resolve("cache"));
        keyframe = cache.run("keyframe", Map.of("k", 1), GeneratedImage.class, folder -> {
            try {
                Files.writeString(folder.resolve("keyframe.png"), "not really a png");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new GeneratedImage("keyframe.png");
        });
    }

    private Providers providers(Map<String, VideoGenerator> byVendor, Router router) {
        ClipModels models = ClipModels.of(router, model -> byVendor.get(model.vendor()));
        QualityInspector inspector = new CandidateSearchTest.FileScoreInspector();
        VideoGenerator unused = byVendor.values().iterator().next();
        return new Providers(UnusedSeams.PLANNER, UnusedSeams.IMAGES, unused, UnusedSeams.SPEECH, new TextClips(), inspector, models, Prices.FREE);
    }

    private ProductionSpec spec(String yaml) throws IOException {
        return SpecLoader.load(Files.writeString(dir.resolve("production.yaml"), "resolution: 720p\n" + yaml));
    }

    private static Scene scene(String id, double seconds) {
        return new Scene(id, null, "words", "a harbour at dusk", CameraMove.PAN_RIGHT, Mood.CALM, seconds, 5);
    }

    @Test
    void aVendorThatFailsIsReplacedByTheFallbackAndSkippedByLaterShots() throws IOException {
        var runway = new FakeVendor("runway-fake", true);
        runway.failure = VendorException.badKey("runway", 401, "RUNWAYML_API_SECRET");
        var local = new FakeVendor("local-fake", false);
        ProductionSpec spec = spec("models: {clips: auto}\nvendors: {allow: [runway, local]}\n");
        var maker = new ClipMaker(cache, providers(Map.of("runway", runway, "local", local), new Router(catalog, v -> true)),
                new Spending(CostLedger.unlimited()), spec);

        Scene first = scene("s1", 4), second = scene("s2", 4);
        ClipMaker.Made a = maker.make(first, maker.route(first), keyframe, 120, 5, 0);
        ClipMaker.Made b = maker.make(second, maker.route(second), keyframe, 120, 6, 0);

        assertThat(runway.requests).hasSize(1);
        assertThat(local.requests).hasSize(2);
        assertThat(a.model()).isEqualTo("local/camera-move");
        assertThat(a.events()).containsExactly("runway failed (authentication) -> local/camera-move");
        assertThat(b.events()).containsExactly("runway failed (earlier in this run) -> local/camera-move");
        assertThat(a.generative()).isFalse();
    }

    @Test
    void aContentRefusalFallsBackButLeavesTheVendorForOtherShots() throws IOException {
        var runway = new FakeVendor("runway-fake", true);
        runway.failure = VendorException.wrap("runway", VendorException.Kind.CONTENT_POLICY, "refused", null);
        var local = new FakeVendor("local-fake", false);
        ProductionSpec spec = spec("models: {clips: auto}\nvendors: {allow: [runway, local]}\n");
        var maker = new ClipMaker(cache, providers(Map.of("runway", runway, "local", local), new Router(catalog, v -> true)),
                new Spending(CostLedger.unlimited()), spec);
        maker.make(scene("s1", 4), maker.route(scene("s1", 4)), keyframe, 120, 5, 0);
        maker.make(scene("s2", 4), maker.route(scene("s2", 4)), keyframe, 120, 6, 0);
        assertThat(runway.requests).hasSize(2);
    }

    @Test
    void aChainedShotReservesExactlyItsEstimateAndStartsEachClipFromTheLastFrame() throws IOException {
        var runway = new FakeVendor("runway-fake", true);
        ProductionSpec spec = spec("models: {clips: runway/gen4.5}\n");
        Router router = new Router(catalog, v -> true);
        CostLedger ledger = CostLedger.unlimited();
        var maker = new ClipMaker(cache, providers(Map.of("runway", runway), router), new Spending(ledger), spec);
        Scene shot = scene("long", 14);
        Route route = maker.route(shot);
        assertThat(route.clips()).isEqualTo(2);
        runway.charge = 0; // the vendor reports nothing: what was reserved is all we know

        int frames = spec.format().frames(14.5); // the scene and a crossfade's tail
        ClipMaker.Made made = maker.make(shot, route, keyframe, frames, 5, 0);

        // The reservations are the estimate's unit price, to the cent.
        assertThat(ledger.summary().estimated()).isCloseTo(route.usdPerCandidate(), within(1e-6));
        assertThat(runway.requests).hasSize(2);
        assertThat(runway.requests.get(0).keyframe()).isEqualTo(keyframe.file("keyframe.png"));
        assertThat(runway.requests.get(1).keyframe().getFileName().toString()).isEqualTo("chain-start.png");
        assertThat(runway.requests.get(0).frames()).isEqualTo(spec.format().frames(10));
        ClipChain chain = ClipChain.read(made.clip().file(made.clip().value().file()));
        assertThat(chain.totalFrames()).isEqualTo(frames);
        assertThat(chain.files(made.clip().file(made.clip().value().file()))).allSatisfy(part -> assertThat(part).exists());
        // The chain plays the first part whole, then the second from its second frame.
        try (FrameSource source = new dev.reelwright.core.spi.ChainClipDecoder(List.of(new TextClipDecoder()))
                .open(made.clip().file(made.clip().value().file()), spec.format())) {
            int[] rgb = new int[spec.format().width() * spec.format().height()];
            int firstPart = chain.frames().getFirst();
            source.read(firstPart - 1, rgb);
            assertThat(rgb[0]).isEqualTo((firstPart - 1) * 0x010101);
            source.read(firstPart, rgb);
            assertThat(rgb[0]).isEqualTo(0x010101);
        }
    }

    @Test
    void aCallThatWouldPassTheBudgetIsNotSentAndNothingLaterIs() throws IOException {
        var runway = new FakeVendor("runway-fake", true);
        ProductionSpec spec = spec("models: {clips: runway/gen4.5}\n");
        Router router = new Router(catalog, v -> true);
        Route route = router.route(scene("s1", 4), spec);
        // Room for one clip, not two.
        CostLedger ledger = new CostLedger(route.usdPerCandidate() * 1.5);
        runway.charge = route.usdPerCandidate(); // the vendor charges what was expected
        var maker = new ClipMaker(cache, providers(Map.of("runway", runway), router), new Spending(ledger), spec);
        maker.make(scene("s1", 4), route, keyframe, 120, 5, 0);
        assertThatThrownBy(() -> maker.make(scene("s2", 4), route, keyframe, 120, 6, 0)).isInstanceOf(BudgetExceeded.class);
        assertThat(runway.requests).hasSize(1);
        assertThat(ledger.summary().actual()).isLessThanOrEqualTo(ledger.summary().budget());
    }

    /** {@link TextClips}' decoding as a {@link dev.reelwright.core.spi.ClipDecoder}. */
    static final class TextClipDecoder implements dev.reelwright.core.spi.ClipDecoder {
        @Override
        public boolean accepts(Path clip) {
            return clip.toString().endsWith(".txt");
        }

        @Override
        public FrameSource open(Path clip, VideoFormat format) {
            return new TextClips().open(clip, format);
        }
    }
}
