package dev.reelwright.core.pipeline;

import dev.reelwright.core.caption.CaptionBuilder;
import dev.reelwright.core.caption.SubtitleWriter;
import dev.reelwright.core.cost.BudgetExceeded;
import dev.reelwright.core.cost.CostLedger;
import dev.reelwright.core.cost.Stage;
import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.json.AtomicFiles;
import dev.reelwright.core.json.Json;
import dev.reelwright.core.model.ProductionSpec;
import dev.reelwright.core.model.Scene;
import dev.reelwright.core.model.SpecLoader;
import dev.reelwright.core.model.Storyboard;
import dev.reelwright.core.model.VideoFormat;
import dev.reelwright.core.pipeline.Report.SceneReport;
import dev.reelwright.core.pipeline.Report.StepReport;
import dev.reelwright.core.progress.ProgressListener;
import dev.reelwright.core.quality.QualityExpectations;
import dev.reelwright.core.quality.QualityReport;
import dev.reelwright.core.routing.Route;
import dev.reelwright.core.spi.Charge;
import dev.reelwright.core.spi.ImageGenerator.GeneratedImage;
import dev.reelwright.core.spi.KeyframeRequest;
import dev.reelwright.core.spi.ScenePlanner;
import dev.reelwright.core.spi.Speech;
import dev.reelwright.core.spi.SpeechRequest;
import dev.reelwright.core.spi.VideoGenerator.GeneratedClip;
import dev.reelwright.core.spi.WordTiming;
import dev.reelwright.core.step.StepCache;
import dev.reelwright.core.step.StepResult;
import dev.reelwright.core.timeline.CaptionCue;
import dev.reelwright.core.timeline.Timeline;
import dev.reelwright.core.timeline.Timeline.CardSegment;
import dev.reelwright.core.timeline.Timeline.ClipSegment;
import dev.reelwright.core.timeline.Timeline.Segment;
import dev.reelwright.core.timeline.Timeline.VoiceClip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * {@code make}: storyboard in, finished video out. Every step is content-addressed in {@code out/cache}, so a
 * re-run after editing one scene redoes only that scene's steps and the assembly. The output folder's files
 * appear only when complete; {@code report.json} is written last.
 */
public final class Production {
    public static final double CROSSFADE_SECONDS = 0.5;
    public static final double LEAD_IN_SECONDS = 0.4;
    public static final double TAIL_SECONDS = 0.6;
    /** Shots generated at once when clips come from remote (generative) models; vendors' own rate limits still apply. */
    public static final int REMOTE_SHOTS_IN_FLIGHT = 6;

    private final Providers providers;
    private final ProgressListener progress;
    private final int parallelism;

    public Production(Providers providers, ProgressListener progress) {
        this(providers, progress, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public Production(Providers providers, ProgressListener progress, int parallelism) {
        this.providers = providers;
        this.progress = progress;
        this.parallelism = parallelism;
    }

    public record Result(Report report, Storyboard storyboard, Path folder) {}

    public Result make(Storyboard planned, ProductionSpec spec, Path outDir, String inputName) {
        return make(new StoryboardLoader.Loaded(planned, null), spec, outDir, inputName);
    }

    /** Makes the video; the planning step, when the storyboard was planned here, is reported (and priced) with the rest. */
    public Result make(StoryboardLoader.Loaded input, ProductionSpec spec, Path outDir, String inputName) {
        Spending spending = new Spending(new CostLedger(spec.budget()));
        try {
            return make(input, spec, outDir, inputName, spending);
        } catch (ReelwrightException e) {
            // A shot in flight may fail for another reason after the budget stopped the run: the budget is the news.
            BudgetExceeded refused = e instanceof BudgetExceeded budget ? budget : spending.stopped();
            if (refused == null) throw e;
            throw new BudgetStopped(refused, spending.ledger().summary(), outDir.toAbsolutePath().normalize().resolve("cache"));
        }
    }

    private Result make(StoryboardLoader.Loaded input, ProductionSpec spec, Path outDir, String inputName, Spending spending) {
        Storyboard planned = input.storyboard();
        long started = System.nanoTime();
        Map<String, Double> timings = new LinkedHashMap<>();
        VideoFormat format = spec.format();
        Path out = outDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(out);
            Files.deleteIfExists(out.resolve("report.json")); // its presence means "this folder is complete"
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the output folder " + out, e);
        }
        StepCache cache = new StepCache(out.resolve("cache"));
        List<StepReport> steps = new ArrayList<>();
        if (input.plan() != null) {
            steps.add(stepReport(input.plan(), null, "result.json"));
            // Planning ran before this run's budget existed: its charge counts against it all the same.
            Charge plan = input.plan().reused() ? Charge.FREE : input.plan().value().charge();
            if (plan.usd() > 0) spending.call(Stage.PLAN, plan.vendor(), plan.model(), 0, () -> plan, c -> c);
        }
        List<Scene> scenes = planned.scenes();
        int n = scenes.size();
        ClipMaker maker = new ClipMaker(cache, providers, spending, spec);
        // Route every shot (and build its adapter) before paying for anything: a shot no model can make is bad input up front.
        for (Scene scene : scenes) maker.generator(maker.route(scene));

        // 1. Voice: speech decides each scene's length, so it comes first.
        long stage = System.nanoTime();
        progress.stageStarted("voice", n);
        List<StepResult<Speech>> voices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Scene scene = scenes.get(i);
            StepResult<Speech> voice = scene.narration().isBlank() ? null : cache.run("voice",
                    Map.of("synthesizer", providers.speech().id(), "text", scene.narration(), "voice", spec.voice(),
                            "words_per_minute", spec.wordsPerMinute()),
                    Speech.class,
                    folder -> {
                        Prices.Estimate price = providers.prices().speech(scene.narration());
                        return spending.call(Stage.VOICE, price.vendor(), price.model(), price.usd(),
                                () -> providers.speech().synthesize(new SpeechRequest(scene.narration(), spec.voice(), spec.wordsPerMinute()), folder),
                                Speech::charge);
                    });
            voices.add(voice);
            if (voice != null) steps.add(stepReport(voice, scene.id(), voice.value().file()));
            progress.advanced("voice", i + 1, n, scene.id());
        }
        timings.put("voice", finish("voice", stage));

        // 2. Fit each scene to its speech, in whole frames.
        List<Scene> fitted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Scene scene = scenes.get(i);
            StepResult<Speech> voice = voices.get(i);
            double seconds = voice == null ? scene.seconds()
                    : Math.max(spec.minSceneSeconds(), LEAD_IN_SECONDS + voice.value().seconds() + TAIL_SECONDS);
            int frames = Math.max(format.frames(seconds), (int) Math.ceil(CROSSFADE_SECONDS * format.fps()) * 2 + 1);
            fitted.add(scene.withSeconds(format.seconds(frames)));
        }
        int titleFrames = format.frames(planned.titleCard().seconds());
        if (titleFrames > 0 && titleFrames <= format.frames(CROSSFADE_SECONDS) * 2) titleFrames = format.frames(CROSSFADE_SECONDS) * 2 + 1;
        var titleCard = new dev.reelwright.core.model.TitleCard(planned.titleCard().text(), format.seconds(titleFrames));
        Storyboard storyboard = new Storyboard(planned.title(), titleCard, fitted);
        int crossfade = format.frames(CROSSFADE_SECONDS);

        // 3. Keyframes, in parallel.
        stage = System.nanoTime();
        List<StepResult<GeneratedImage>> keyframes = inParallel("keyframes", n, i -> {
            Scene scene = fitted.get(i);
            var request = new KeyframeRequest(scene.prompt(), scene.mood(), scene.seed(), format.width(), format.height());
            return cache.run("keyframe", Map.of("generator", providers.images().id(), "request", request), GeneratedImage.class, folder -> {
                Prices.Estimate price = providers.prices().keyframe();
                return spending.call(Stage.KEYFRAME, price.vendor(), price.model(), price.usd(),
                        () -> providers.images().generate(request, folder), GeneratedImage::charge);
            });
        }, i -> fitted.get(i).id());
        for (int i = 0; i < n; i++) steps.add(stepReport(keyframes.get(i), fitted.get(i).id(), keyframes.get(i).value().file()));
        timings.put("keyframes", finish("keyframes", stage));

        // 4. Clips: every clip but the last carries a crossfade's worth of tail. Generative clips go through the
        //    quality filter, and a shot may try several candidates (CandidateSearch).
        stage = System.nanoTime();
        // Routed on the fitted lengths, with the crossfade's tail every clip but the last carries: that is the length
        // asked of the vendor, so it is what the route prices, reserves and chains.
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Scene scene = fitted.get(i);
            routes.add(maker.route(i < n - 1 ? scene.withSeconds(format.seconds(format.frames(scene.seconds()) + crossfade)) : scene));
        }
        List<CandidateSearch> searches = routes.stream()
                .map(route -> new CandidateSearch(cache, maker.generator(route), providers.inspector(), spec)).toList();
        // Remote generation is mostly waiting on the vendor: keep several shots in flight, not one per core.
        boolean remote = routes.stream().anyMatch(route -> maker.generator(route).generative());
        List<CandidateSearch.Outcome> shots = inParallel("clips", n, remote ? Math.max(parallelism, REMOTE_SHOTS_IN_FLIGHT) : parallelism, i -> {
            Scene scene = fitted.get(i);
            StepResult<GeneratedImage> keyframe = keyframes.get(i);
            int frames = format.frames(scene.seconds()) + (i < n - 1 ? crossfade : 0);
            // The clip should stay true to the keyframe it was made from (the subject consistency check).
            var expectations = QualityExpectations.reference(keyframe.file(keyframe.value().file()));
            return searches.get(i).search(scene.seed(), expectations,
                    (candidate, seed) -> maker.make(scene, routes.get(i), keyframe, voices.get(i), frames, seed, candidate));
        }, i -> fitted.get(i).id());
        List<StepResult<GeneratedClip>> clips = shots.stream().map(shot -> shot.chosen().clip()).toList();
        List<List<StepReport>> shotSteps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shotSteps.add(candidateSteps(shots.get(i), fitted.get(i).id()));
            steps.addAll(shotSteps.getLast());
        }
        timings.put("clips", finish("clips", stage));

        // 5. The timeline: title card, scenes back to back, voices after a breath, captions on the video's clock.
        List<Segment> segments = new ArrayList<>();
        List<VoiceClip> voiceClips = new ArrayList<>();
        List<CaptionCue> captions = new ArrayList<>();
        List<Map<String, Object>> assemblyKey = new ArrayList<>();
        List<SceneReport> sceneReports = new ArrayList<>();
        int cursor = 0;
        if (titleFrames > 0) {
            segments.add(new CardSegment(titleCard.text(), null, 0, titleFrames));
            assemblyKey.add(Map.of("card", titleCard.text(), "frames", titleFrames));
            cursor = titleFrames;
        }
        for (int i = 0; i < n; i++) {
            Scene scene = fitted.get(i);
            int frames = format.frames(scene.seconds());
            StepResult<GeneratedClip> clip = clips.get(i);
            segments.add(new ClipSegment(scene.id(), clip.file(clip.value().file()), cursor, frames));
            Map<String, Object> key = new LinkedHashMap<>(Map.of("clip", clip.hash(), "frames", frames));
            StepResult<Speech> voice = voices.get(i);
            List<StepReport> sceneSteps = new ArrayList<>();
            sceneSteps.add(stepReport(keyframes.get(i), scene.id(), keyframes.get(i).value().file()));
            CandidateSearch.Outcome shot = shots.get(i);
            sceneSteps.addAll(shotSteps.get(i));
            int words = 0;
            if (voice != null) {
                int voiceStart = cursor + format.frames(LEAD_IN_SECONDS);
                voiceClips.add(new VoiceClip(voice.file(voice.value().file()), voiceStart));
                double offset = format.seconds(voiceStart);
                List<WordTiming> timed = voice.value().words().stream().map(w -> w.shifted(offset)).toList();
                if (spec.captions().on()) captions.addAll(CaptionBuilder.build(timed, format.seconds(cursor + frames)));
                key.put("voice", voice.hash());
                key.put("voice_start", voiceStart);
                sceneSteps.addFirst(stepReport(voice, scene.id(), voice.value().file()));
                words = timed.size();
            }
            assemblyKey.add(key);
            sceneReports.add(new SceneReport(scene.id(), scene.heading(), format.seconds(cursor), scene.seconds(),
                    scene.camera().label(), scene.mood().label(), words, shot.chosen().made().model(), routing(routes.get(i), shot),
                    clipVerdict(shot), candidateReports(searches.get(i), shot), sceneSteps));
            cursor += frames;
        }
        int posterFrame = titleFrames + Math.min(format.frames(fitted.getFirst().seconds()) / 2, format.frames(1.5));
        Timeline timeline = new Timeline(format, segments, crossfade, voiceClips, spec.music(), spec.musicVolumeDb(),
                captions, spec.captionStyle(), spec.brand(), Math.min(posterFrame, cursor - 1));

        // 6. Assembly: one encode of the whole video, itself a cached step.
        stage = System.nanoTime();
        Map<String, Object> assemblyInputs = new LinkedHashMap<>();
        assemblyInputs.put("assembler", providers.assembler().id());
        assemblyInputs.put("format", format);
        assemblyInputs.put("segments", assemblyKey);
        assemblyInputs.put("crossfade", crossfade);
        assemblyInputs.put("music", spec.music() == null ? "" : StepCache.fileHash(spec.music()));
        assemblyInputs.put("music_volume_db", spec.musicVolumeDb());
        assemblyInputs.put("captions", captions);
        assemblyInputs.put("caption_style", spec.captionStyle());
        assemblyInputs.put("brand", spec.brand());
        assemblyInputs.put("poster_frame", timeline.posterFrame());
        StepResult<Assembled> assembled = cache.run("assembly", assemblyInputs, Assembled.class, folder -> {
            providers.assembler().assemble(timeline, folder.resolve("video.mp4"), folder.resolve("poster.jpg"), progress);
            return new Assembled("video.mp4", "poster.jpg");
        });
        if (assembled.reused()) {
            progress.stageStarted("assemble", 1);
            progress.advanced("assemble", 1, 1, "reused");
        }
        steps.add(stepReport(assembled, null, assembled.value().video()));
        timings.put("assemble", finish(assembled.reused() ? "assemble" : null, stage));

        // 7. Publish: files appear whole, report last.
        place(assembled.file(assembled.value().video()), out.resolve("video.mp4"));
        place(assembled.file(assembled.value().poster()), out.resolve("poster.jpg"));
        AtomicFiles.writeString(out.resolve("captions.srt"), SubtitleWriter.srt(captions));
        AtomicFiles.writeString(out.resolve("captions.vtt"), SubtitleWriter.vtt(captions));
        Json.write(out.resolve("storyboard.json"), storyboard);
        SpecLoader.write(out.resolve(SpecLoader.FILE_NAME), spec);
        timings.put("total", (System.nanoTime() - started) / 1e9);

        int reused = (int) steps.stream().filter(StepReport::reused).count();
        var report = new Report(
                "complete",
                storyboard.title(),
                inputName,
                out.toString(),
                new Report.VideoInfo("video.mp4", format.width(), format.height(), format.fps(), timeline.totalFrames(),
                        timeline.totalSeconds(), "captions.srt", "captions.vtt", "poster.jpg"),
                sceneReports,
                cost(steps, timeline.totalSeconds(), spending.ledger().summary()),
                timings,
                new Report.StepSummary(steps.size() - reused, reused, steps),
                Map.of("planner", providers.planner().id(), "images", providers.images().id(), "videos", providers.videos().id(),
                        "speech", providers.speech().id(), "assembler", providers.assembler().id()));
        Json.write(out.resolve("report.json"), report);
        return new Result(report, storyboard, out);
    }

    /** Every step a shot's candidates ran: each clip of a chain, the chain itself, and each inspection. */
    private static List<StepReport> candidateSteps(CandidateSearch.Outcome shot, String scene) {
        List<StepReport> steps = new ArrayList<>();
        for (CandidateSearch.Candidate candidate : shot.candidates()) {
            for (StepResult<GeneratedClip> part : candidate.made().parts()) steps.add(stepReport(part, scene, part.value().file()));
            if (candidate.made().parts().size() > 1) steps.add(stepReport(candidate.clip(), scene, candidate.clip().value().file()));
            if (candidate.repair() != null) {
                steps.add(stepReport(candidate.repair().rejected(), scene, "result.json"));
                steps.add(stepReport(candidate.repair().step(), scene, candidate.repair().step().value().file()));
            }
            if (candidate.inspection() != null) steps.add(stepReport(candidate.inspection(), scene, "result.json"));
        }
        return steps;
    }

    /** Why the shot's model was chosen, then what happened when a vendor failed (the chosen candidate's story). */
    private static List<String> routing(Route route, CandidateSearch.Outcome shot) {
        List<String> lines = new ArrayList<>();
        if (route != null) lines.add(route.reason());
        for (CandidateSearch.Candidate candidate : shot.candidates()) {
            for (String event : candidate.made().events()) if (!lines.contains(event)) lines.add(event);
        }
        return lines;
    }

    private static String clipVerdict(CandidateSearch.Outcome shot) {
        if (!shot.inspected()) return "not_inspected";
        return shot.accepted() ? "accepted" : "best_rejected";
    }

    private static List<Report.CandidateReport> candidateReports(CandidateSearch search, CandidateSearch.Outcome shot) {
        List<Report.CandidateReport> reports = new ArrayList<>();
        for (CandidateSearch.Candidate candidate : shot.candidates()) {
            var clip = candidate.clip();
            var inspection = candidate.inspection();
            QualityReport quality = inspection == null ? null : inspection.value();
            reports.add(new Report.CandidateReport(candidate.index() + 1, candidate.seed(), clip.file(clip.value().file()).toString(),
                    candidate == shot.chosen(), quality == null ? "not_inspected" : quality.verdict().label(),
                    quality == null ? null : quality.failing(), quality == null ? Map.of() : quality.scores(),
                    quality == null ? List.of() : quality.evidence(), inspection == null ? null : inspection.folder().toString(),
                    search.whyNotChosen(candidate, shot), candidate.repair() == null ? null : candidate.repair().step().value().note()));
        }
        return reports;
    }

    /** What the assembly step stores. */
    public record Assembled(String video, String poster) {}

    private <T> List<T> inParallel(String stageName, int count, IntFunction<T> step, IntFunction<String> label) {
        return inParallel(stageName, count, parallelism, step, label);
    }

    private <T> List<T> inParallel(String stageName, int count, int threads, IntFunction<T> step, IntFunction<String> label) {
        progress.stageStarted(stageName, count);
        List<T> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, count)));
        try (pool) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> step.apply(index)));
            }
            for (int i = 0; i < count; i++) {
                results.add(futures.get(i).get());
                progress.advanced(stageName, i + 1, count, label.apply(i));
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new ReelwrightException(stageName + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            // A cancelled run: interrupt the workers, whose remote jobs then ask their vendors to cancel.
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new ReelwrightException(stageName + " was cancelled");
        }
        return results;
    }

    private double finish(String stageName, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        if (stageName != null) progress.stageFinished(stageName, seconds);
        return seconds;
    }

    private static StepReport stepReport(StepResult<?> step, String scene, String file) {
        Charge charge = switch (step.value()) {
            case GeneratedImage image -> image.charge();
            case GeneratedClip clip -> clip.charge();
            case Speech speech -> speech.charge();
            case ScenePlanner.Plan plan -> plan.charge();
            default -> Charge.FREE;
        };
        double paid = step.reused() ? 0 : charge.usd();
        return new StepReport(step.kind(), scene, step.hash(), step.reused(), Math.round(step.seconds() * 1000) / 1000.0,
                step.folder().resolve(file).toString(), paid, paid > 0 && charge.estimated());
    }

    /** What this run paid, in total, by stage, and the part of it estimated from catalog prices. */
    private static Report.Cost cost(List<StepReport> steps, double videoSeconds, CostLedger.Summary ledger) {
        Map<String, Double> byStage = new java.util.TreeMap<>();
        double actual = 0;
        double estimated = 0;
        for (StepReport step : steps) {
            byStage.merge(step.kind(), step.usd(), Double::sum);
            actual += step.usd();
            if (step.estimatedCost()) estimated += step.usd();
        }
        double perMinute = videoSeconds > 0 ? actual / (videoSeconds / 60) : 0;
        Map<String, Report.Amount> byVendor = new java.util.TreeMap<>();
        ledger.byVendor().forEach((vendor, a) -> byVendor.put(vendor, new Report.Amount(round(a.estimated()), round(a.actual()), a.calls())));
        Map<String, Report.Amount> stages = new java.util.TreeMap<>();
        ledger.byStage().forEach((name, a) -> stages.put(name.label(), new Report.Amount(round(a.estimated()), round(a.actual()), a.calls())));
        return new Report.Cost("USD", round(estimated), round(actual), round(perMinute), byStage, ledger.budget(), round(ledger.estimated()),
                round(ledger.estimatedPerFinishedMinute(videoSeconds)), byVendor, stages);
    }

    private static double round(double usd) {
        return Math.round(usd * 10_000) / 10_000.0;
    }

    /** A hard link where the file system allows it (no copy of a large video), else a copy; atomic either way. */
    private static void place(Path from, Path to) {
        try {
            Path partial = AtomicFiles.partialFor(to);
            Files.deleteIfExists(partial);
            try {
                Files.createLink(partial, from);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(from, partial);
            }
            AtomicFiles.move(partial, to);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + to, e);
        }
    }
}
