package dev.reelwright.cli.command;

import dev.reelwright.cli.Environment;
import dev.reelwright.core.catalog.ModelCatalog;
import dev.reelwright.core.catalog.ModelEntry;
import dev.reelwright.core.error.InputException;
import dev.reelwright.core.json.Json;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "models", mixinStandardHelpOptions = true,
        header = "List the model catalog: what each model makes, its limits, price, speed and quality tier.",
        description = {"", "The catalog is data: the bundled models.yaml, with production.yaml 'catalog: my-models.yaml' laid over it by id",
            "(add a model, or change a price, a tier or a status). Pick models in production.yaml 'models:' by the ids shown;",
            "'models.clips: auto' lets the router choose per shot ('reelwright estimate' shows its choices and why).",
            "Modes: t2v text-to-video, i2v image-to-video, avatar image + speech -> talking head, t2i text-to-image, tts speech.",
            "Seconds are the clip lengths one call makes ('any': whatever the shot needs); a longer shot is chained from clips.",
            "Features: lip_sync, audio (generated with the picture), camera_control (camera-move parameters), open_weights.",
            "Prices are US dollars, estimates unless the vendor reports its charge. Retired models are listed, and never picked.", ""})
public final class ModelsCommand implements Callable<Integer> {
    private static final Map<String, String> MODES = Map.of("text-to-video", "t2v", "image-to-video", "i2v", "text-to-image", "t2i",
            "text-to-speech", "tts");
    /** Price units in the order they are shown, with how each reads. */
    private static final Map<String, String> UNITS = units();

    private final Environment environment;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only this kind: video, avatar, image, speech, planner, transcription, "
            + "voice_clone or lip_sync.")
    String kind;

    @Option(names = "--json", description = "Print the entries as JSON, as the catalog holds them.")
    boolean json;

    @Option(names = "--spec", paramLabel = "production.yaml", description = "Lay this production's 'catalog' file over the bundled one.")
    Path specFile;

    @Spec
    CommandSpec spec;

    public ModelsCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ModelCatalog catalog = ProvidersCommand.selection(specFile, environment).catalog();
        List<ModelEntry> models = catalog.all();
        if (kind != null) {
            String wanted = kind.strip().toLowerCase(Locale.ROOT);
            List<String> kinds = models.stream().map(ModelEntry::kind).distinct().toList();
            if (!kinds.contains(wanted)) throw new InputException("--kind " + kind + " is not one of " + String.join(", ", kinds));
            models = catalog.byKind(wanted);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.toJson(Map.of("models", models)));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (ModelEntry m : models) {
                rows.add(List.of(m.id(), m.vendor(), m.kind(), m.modes().stream().map(mode -> MODES.getOrDefault(mode, mode))
                        .collect(Collectors.joining(",")), seconds(m), String.join(",", m.resolutions()), price(m),
                        m.latencySeconds() == null ? "" : latency(m.latencySeconds()), m.qualityTier() == null ? "" : m.qualityTier(),
                        String.join(",", m.strengths()), features(m), m.retired() ? "retired" + (m.retiredOn() == null ? "" : " " + m.retiredOn()) : "active"));
            }
            out.print(Tables.render(List.of("model", "vendor", "kind", "modes", "seconds", "resolutions", "price", "latency", "tier",
                    "strengths", "features", "status"), rows));
            out.printf(Locale.ROOT, "%d models%s%n", models.size(), kind == null ? "" : " of kind " + kind.strip().toLowerCase(Locale.ROOT));
        }
        out.flush();
        return 0;
    }

    /** "5,10", "3-15", "any" for a clip model that makes any length, "" for models that make no clips. */
    static String seconds(ModelEntry m) {
        List<Integer> s = m.clipSeconds();
        if (s.isEmpty()) return m.kind().equals("video") || m.kind().equals("avatar") ? "any" : "";
        boolean run = s.size() > 2;
        for (int i = 1; i < s.size() && run; i++) run = s.get(i) == s.get(i - 1) + 1;
        return run ? s.getFirst() + "-" + s.getLast() : s.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** What it can do beyond making frames: lip sync, native audio, camera-control parameters, open weights. */
    static String features(ModelEntry m) {
        List<String> features = new ArrayList<>();
        if (m.makesLipSync()) features.add("lip_sync");
        if (m.makesNativeAudio()) features.add("audio");
        if (m.takesCameraControl()) features.add("camera_control");
        if (m.hasOpenWeights()) features.add("open_weights");
        return String.join(",", features);
    }

    /** "$0.40/s, $0.60/s 4k", "$0.40/clip, $0.20/clip 480p", "free". */
    static String price(ModelEntry m) {
        if (m.price().isEmpty()) return m.vendor().equals("local") ? "free" : "not priced";
        List<String> parts = new ArrayList<>();
        UNITS.forEach((unit, reads) -> {
            for (var entry : new java.util.TreeMap<>(m.price()).entrySet()) {
                String key = entry.getKey();
                if (!key.equals(unit) && !key.startsWith(unit + "_")) continue;
                String variant = key.equals(unit) ? "" : " " + key.substring(unit.length() + 1).replace('_', ' ');
                parts.add("$" + dollars(entry.getValue()) + reads + variant);
            }
        });
        return String.join(", ", parts);
    }

    /** Dollars with at least two decimals, more only when the figure has them: 0.10, 0.115, 0.0008. */
    private static String dollars(double value) {
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        int decimals = plain.contains(".") ? plain.length() - plain.indexOf('.') - 1 : 0;
        return String.format(Locale.ROOT, "%." + Math.max(2, decimals) + "f", value);
    }

    private static String latency(double seconds) {
        return (seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.format(Locale.ROOT, "%.1f", seconds)) + " s";
    }

    private static Map<String, String> units() {
        Map<String, String> units = new LinkedHashMap<>();
        units.put("per_second", "/s");
        units.put("per_clip", "/clip");
        units.put("per_gpu_second", "/GPU s");
        units.put("per_image", "/image");
        units.put("per_1k_characters", "/1k chars");
        units.put("per_1m_input_tokens", "/1M in");
        units.put("per_1m_output_tokens", "/1M out");
        units.put("per_minute", "/min");
        units.put("per_clone", "/clone");
        return units;
    }
}
