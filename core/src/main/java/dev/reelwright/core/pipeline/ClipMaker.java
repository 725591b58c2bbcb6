package dev.reelwright.core.pipeline;

import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.cost.Pricing;
import dev.reelwright.core.cost.Stage;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.error.VendorException;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Scene;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.routing.Route;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.ClipChain;
import dev.reelwright.core.spi.ClipRequest;
import dev.reelwright.core.spi.FrameSource;
import dev.reelwright.core.spi.ImageGenerator.GeneratedImage;
import dev.reelwright.core.spi.Speech;
import dev.reelwright.core.spi.VideoGenerator;
import dev.reelwright.core.spi.VideoGenerator.GeneratedClip;
import dev.reelwright.core.step.StepCache;
import dev.reelwright.core.step.StepResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * Makes one candidate clip of a shot with the model its route chose: each paid clip reserves its price against the
 * budget before it is sent; a shot longer than the model's longest clip is chained (every further clip starts from
 * the last frame of the one before); when the vendor fails, the candidate moves to the route's next fallback, and a
 * vendor that failed for reasons other than the content (a bad key, an outage, an exhausted quota) is skipped by
 * every later shot of the run. A lip-synced shot gives its model the shot's speech on a track as long as the clip.
 */
final class ClipMaker {
    /** A candidate's clip: the step to play (a chain file when chained), every step that made it, and what happened. */
    record Made(StepResult<GeneratedClip> clip, List<StepResult<GeneratedClip>> parts, String model, List<String> events, boolean generative) {}

    private final StepCache cache;
    private final Providers providers;
    private final Spending spending;
    private final ProductionSpec spec;
    private final VideoFormat format;
    private final Set<String> failedVendors = ConcurrentHashMap.newKeySet();
    private final Map<String, VideoGenerator> generators = new ConcurrentHashMap<>();

    ClipMaker(StepCache cache, Providers providers, Spending spending, ProductionSpec spec) {
        this.cache = cache;
        this.providers = providers;
        this.spending = spending;
        this.spec = spec;
        this.format = spec.format();
    }

    /** The route of a scene, or null when every shot uses the one {@link Providers#videos()} generator. */
    Route route(Scene scene) {
        return providers.clipModels() == null ? null : providers.clipModels().route(scene, spec);
    }

    /** The generator a shot's clips come from (its route's first choice): decides inspection and candidate counts. */
    VideoGenerator generator(Route route) {
        return route == null ? providers.videos() : generatorFor(route.model());
    }

    Made make(Scene scene, Route route, StepResult<GeneratedImage> keyframe, int frames, long seed, int candidate) {
        return make(scene, route, keyframe, null, frames, seed, candidate);
    }

    /**
     * @param voice the scene's speech, which the timeline starts {@link Production#LEAD_IN_SECONDS} into the shot; a
     *              lip-synced shot is made to follow it
     */
    Made make(Scene scene, Route route, StepResult<GeneratedImage> keyframe, StepResult<Speech> voice, int frames, long seed, int candidate) {
        List<String> events = new ArrayList<>();
        StepResult<SpeechTrack> speech = route != null && route.needs().lipSync() ? speechTrack(scene, voice, frames) : null;
        Route current = route == null ? null : skipFailed(route, events);
        while (true) {
            VideoGenerator generator = generator(current);
            try {
                List<Integer> gives = new ArrayList<>();
                List<StepResult<GeneratedClip>> parts = generate(generator, current, scene, keyframe, speech, frames, seed, candidate, gives);
                StepResult<GeneratedClip> clip = parts.size() == 1 ? parts.getFirst() : chain(parts, gives, frames);
                return new Made(clip, parts, current == null ? generator.id() : current.model().id(), List.copyOf(events), generator.generative());
            } catch (VendorException e) {
                if (current == null) throw e;
                // Another vendor may take a prompt this one refused; for anything else this vendor is done for the run.
                if (e.kind() != VendorException.Kind.CONTENT_POLICY) failedVendors.add(e.vendor());
                Optional<Route> next = current.without(e.vendor(), e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                if (next.isEmpty()) throw e;
                current = next.get();
                events.add(current.reason());
            }
        }
    }

    private Route skipFailed(Route route, List<String> events) {
        Route current = route;
        while (failedVendors.contains(current.model().vendor())) {
            Optional<Route> next = current.without(current.model().vendor(), "earlier in this run");
            if (next.isEmpty()) return current; // nothing else can make it: try again rather than give up unasked
            current = next.get();
            events.add(current.reason());
        }
        return current;
    }

    private VideoGenerator generatorFor(ModelEntry model) {
        return generators.computeIfAbsent(model.id(), id -> providers.clipModels().generator(model));
    }

    /** The clips of one candidate: one, or a chain whose parts each start from the last frame of the one before. */
    private List<StepResult<GeneratedClip>> generate(VideoGenerator generator, Route route, Scene scene, StepResult<GeneratedImage> keyframe,
            StepResult<SpeechTrack> speech, int frames, long seed, int candidate, List<Integer> gives) {
        List<Double> lengths = route == null ? List.of(format.seconds(frames)) : route.choice().clipSeconds();
        List<StepResult<GeneratedClip>> parts = new ArrayList<>();
        int remaining = frames;
        for (int i = 0; i < lengths.size(); i++) {
            boolean last = i == lengths.size() - 1;
            int skip = ClipChain.skipped(i);
            int partFrames = last ? remaining + skip : Math.min(remaining + skip, format.frames(lengths.get(i)));
            double estimate = route == null ? 0 : Pricing.clip(route.model(), lengths.get(i), spec.resolution());
            StepResult<GeneratedClip> previous = parts.isEmpty() ? null : parts.getLast();
            parts.add(part(generator, route, scene, keyframe, speech, previous, partFrames, seed, candidate, i, estimate));
            gives.add(partFrames - skip);
            remaining -= partFrames - skip;
            if (remaining <= 0) break;
        }
        return parts;
    }

    private StepResult<GeneratedClip> part(VideoGenerator generator, Route route, Scene scene, StepResult<GeneratedImage> keyframe,
            StepResult<SpeechTrack> speech, StepResult<GeneratedClip> previous, int frames, long seed, int candidate, int index, double estimate) {
        Map<String, Object> key = new LinkedHashMap<>(Map.of("generator", generator.id(), "keyframe", keyframe.hash(), "prompt", scene.prompt(),
                "camera", scene.camera(), "frames", frames, "format", format, "seed", seed));
        if (candidate > 0) key.put("candidate", candidate); // the first candidate keeps the key it always had
        if (speech != null) key.put("speech", speech.hash());
        if (previous != null) {
            key.put("part", index);
            key.put("from", previous.hash());
        }
        String vendor = route == null ? "local" : route.model().vendor();
        String model = route == null ? generator.id() : route.model().id();
        return cache.run("clip", key, GeneratedClip.class, folder -> {
            Path start = previous == null ? keyframe.file(keyframe.value().file()) : lastFrame(previous, folder.resolve("chain-start.png"));
            Path track = speech == null ? null : speech.file(speech.value().file());
            var request = new ClipRequest(start, scene.prompt(), scene.camera(), frames, format, seed, track);
            if (estimate <= 0 && route == null) return generator.generate(request, folder);
            return spending.call(Stage.CLIP, vendor, model, estimate, () -> generator.generate(request, folder), GeneratedClip::charge);
        });
    }

    /** What the speech-track step stores. */
    record SpeechTrack(String file) {}

    /**
     * The scene's speech where the timeline plays it, on a silent track exactly {@code frames} long: a lip-sync model
     * makes a clip as long as its audio, so the clip fills the shot and the mouth moves with the voice.
     */
    private StepResult<SpeechTrack> speechTrack(Scene scene, StepResult<Speech> voice, int frames) {
        if (voice == null) throw new InputException("scene " + scene.id() + " is routed to a lip-sync model but has no narration to speak");
        int lead = format.frames(Production.LEAD_IN_SECONDS);
        Map<String, Object> key = Map.of("assembler", providers.assembler().id(), "voice", voice.hash(), "lead_frames", lead,
                "frames", frames, "fps", format.fps());
        return cache.run("speech_track", key, SpeechTrack.class, folder -> {
            providers.assembler().speechTrack(voice.file(voice.value().file()), format.seconds(lead), format.seconds(frames),
                    folder.resolve("speech.wav"));
            return new SpeechTrack("speech.wav");
        });
    }

    /** The last frame of a clip as a PNG: where the next clip of a chain starts. */
    private Path lastFrame(StepResult<GeneratedClip> clip, Path png) {
        int[] rgb = new int[format.width() * format.height()];
        try (FrameSource source = providers.assembler().open(clip.file(clip.value().file()), format)) {
            for (int i = 0; i < source.frameCount(); i++) source.read(i, rgb); // decoders read front to back
        }
        BufferedImage image = new BufferedImage(format.width(), format.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, format.width(), format.height(), rgb, 0, format.width());
        try {
            if (!ImageIO.write(image, "png", png.toFile())) throw new ReelwrightException("no PNG writer in this Java runtime");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
        return png;
    }

    /** The chain file that plays the parts as one clip; free itself (the parts carry their charges). */
    private StepResult<GeneratedClip> chain(List<StepResult<GeneratedClip>> parts, List<Integer> gives, int frames) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("parts", parts.stream().map(StepResult::hash).toList());
        key.put("gives", gives);
        return cache.run("chain", key, GeneratedClip.class, folder -> {
            // The step's temporary folder sits beside its final one, so a path relative to it stays right.
            List<String> files = parts.stream().map(part -> folder.relativize(part.file(part.value().file())).toString()).toList();
            String name = "clip" + ClipChain.SUFFIX;
            Json.write(folder.resolve(name), new ClipChain(files, gives));
            return new GeneratedClip(name, frames, Charge.FREE);
        });
    }
}
