package dev.reelwright.media.quality;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import dev.reelwright.core.error.ReelwrightException;
import dev.reelwright.core.quality.Artifact;
import dev.reelwright.core.quality.Evidence;
import dev.reelwright.core.quality.QualityExpectations;
import dev.reelwright.core.quality.QualityInspector;
import dev.reelwright.core.quality.QualityReport;
import dev.reelwright.core.quality.QualityThresholds;
import dev.reelwright.core.quality.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The quality inspector built on classical computer vision (OpenCV, Tesseract; no models to download). A clip is
 * decoded once, straight to a small working size, and every detector runs in the same pass over a short window of
 * frames; see {@link MotionAnalyzer} for the shared stage and the detector classes for each artifact's signal.
 * Thread-safe: each call has its own state (OCR engines are pooled).
 */
public final class OpenCvQualityInspector implements QualityInspector {
    /** Detail frames for OCR on every third frame: text corruption lasts longer than that. */
    private static final int DETAIL_STRIDE = 3;
    /** Evidence is listed for artifacts scoring below this, failing or not. */
    private static final double NOTABLE = 0.9;

    private final QualityThresholds thresholds;
    private final int longSide;

    public OpenCvQualityInspector(QualityThresholds thresholds) {
        this(thresholds, WorkingSize.DEFAULT_LONG_SIDE);
    }

    public OpenCvQualityInspector() {
        this(QualityThresholds.defaults());
    }

    OpenCvQualityInspector(QualityThresholds thresholds, int longSide) {
        this.thresholds = thresholds == null ? QualityThresholds.defaults() : thresholds;
        this.longSide = longSide;
    }

    public QualityThresholds thresholds() {
        return thresholds;
    }

    /** Whole-frame flicker and brief glitches can be repaired instead of paying for another take. */
    @Override
    public java.util.Optional<dev.reelwright.core.quality.ClipRepairer> repairer() {
        return java.util.Optional.of(new Repairs());
    }

    /** The detectors' version and working sizes; thresholds are keyed separately by whoever caches a report. */
    @Override
    public String id() {
        return "opencv-quality-v2-" + longSide + "-" + WorkingSize.DEFAULT_DETAIL_LONG_SIDE + "-s" + DETAIL_STRIDE;
    }

    @Override
    public QualityReport inspect(Path clip, QualityExpectations expectations, Path evidenceDir) {
        long started = System.nanoTime();
        boolean keepFrames = evidenceDir != null;
        Map<Artifact, Double> scores = new EnumMap<>(Artifact.class);
        List<Evidence> evidence = new ArrayList<>();
        int frames;
        try (FrameStream stream = new FrameStream(clip, longSide, WorkingSize.DEFAULT_DETAIL_LONG_SIDE, DETAIL_STRIDE)) {
            WorkingSize size = stream.size();
            List<Finding> findings;
            Path referenceFile = expectations == null ? null : expectations.reference();
            try (SubjectReference reference = referenceFile == null ? null : SubjectReference.load(referenceFile, size);
                    ClipAnalysis analysis = new ClipAnalysis(size, keepFrames, reference)) {
                DecodedFrame frame;
                while ((frame = stream.next()) != null) analysis.accept(frame);
                frames = analysis.frames();
                findings = analysis.finish();
                FrameStream.Facts facts = stream.facts();
                double seconds = Math.max(analysis.lastSeconds() + 1 / facts.fps(), frames / facts.fps());
                FormatCheck.Result format = FormatCheck.check(expectations, facts.width(), facts.height(), seconds);
                scores.put(Artifact.FORMAT, Scores.round(format.score()));
                if (format.score() < 1) evidence.add(new Evidence(Artifact.FORMAT, 0, seconds, null, null, format.note()));
                try {
                    for (Finding finding : findings) {
                        scores.put(finding.artifact(), Scores.round(finding.score()));
                        if (finding.score() < NOTABLE || finding.score() < thresholds.threshold(finding.artifact())) {
                            evidence.add(evidenceOf(finding, clip, evidenceDir));
                        }
                    }
                } finally {
                    for (Finding finding : findings) if (finding.worst() != null) finding.worst().close();
                }
            }
        }
        for (Artifact artifact : Artifact.values()) scores.putIfAbsent(artifact, 1.0);
        Optional<Artifact> failing = thresholds.failing(scores);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new QualityReport(clip.toString(), failing.isPresent() ? Verdict.REJECT : Verdict.ACCEPT,
                failing.map(Artifact::label).orElse(null), scores, evidence, seconds, frames);
    }

    private static Evidence evidenceOf(Finding finding, Path clip, Path evidenceDir) {
        Capture worst = finding.worst();
        if (worst == null) return new Evidence(finding.artifact(), 0, 0, null, null, finding.note());
        String a = null, b = null;
        if (evidenceDir != null && worst.first() != null) {
            String stem = stem(clip) + "-" + finding.artifact().label();
            a = String.format(Locale.ROOT, "%s-%05d.png", stem, worst.frameA);
            b = worst.frameB == worst.frameA ? a : String.format(Locale.ROOT, "%s-%05d.png", stem, worst.frameB);
            write(evidenceDir, a, worst.first());
            if (!b.equals(a)) write(evidenceDir, b, worst.second());
        }
        return new Evidence(finding.artifact(), worst.from, worst.to, a, b, finding.note());
    }

    private static void write(Path dir, String name, org.bytedeco.opencv.opencv_core.Mat image) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the evidence folder " + dir, e);
        }
        Path file = dir.resolve(name);
        if (!imwrite(file.toString(), image)) throw new ReelwrightException("cannot write evidence frame " + file);
    }

    private static String stem(Path clip) {
        String name = clip.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
