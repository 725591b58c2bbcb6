package dev.reelwright.media.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One pass over one clip: each decoded frame goes through the shared stages (motion analysis, text lines, jump
 * matching), then to every detector, and joins the short history. Holds everything native for the clip and releases
 * it on close.
 */
final class ClipAnalysis implements AutoCloseable {
    private final MotionAnalyzer analyzer;
    private final JumpMatcher jumps;
    private final TextRegions text;
    private final FrameHistory history = new FrameHistory();
    /**
     * Work on the larger detail frames (segmentation for morphing, OCR) runs here, beside the motion analysis and
     * the decoder: three threads keep two cores busy.
     */
    private final ExecutorService worker;
    private final List<Detector> detectors;
    private FrameContext previous;
    private int frames;
    private double lastSeconds;

    /**
     * @param keepFrames whether detectors keep copies of the frames that show a problem (for evidence files)
     * @param reference the image the clip should stay true to, or null to compare the clip with its own opening
     */
    ClipAnalysis(WorkingSize size, boolean keepFrames, SubjectReference reference) {
        this.analyzer = new MotionAnalyzer(size);
        this.jumps = new JumpMatcher(size);
        this.text = new TextRegions(size);
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "quality-detail");
            thread.setDaemon(true);
            return thread;
        });
        this.detectors = List.of(
                new FlickerDetector(keepFrames),
                new TeleportDetector(size, keepFrames),
                new MorphingDetector(size, keepFrames, worker),
                new GhostLimbDetector(size, keepFrames),
                new TextCorruptionDetector(size, keepFrames, worker),
                new SubjectDriftDetector(size, reference, keepFrames),
                new FrozenDetector(keepFrames),
                new BlackDetector(keepFrames));
    }

    void accept(DecodedFrame decoded) {
        FrameContext frame = analyzer.analyse(decoded, previous);
        text.update(frame);
        jumps.match(frame, previous);
        history.add(frame);
        for (Detector detector : detectors) detector.accept(frame, history);
        previous = frame;
        frames++;
        lastSeconds = frame.seconds;
    }

    int frames() {
        return frames;
    }

    double lastSeconds() {
        return lastSeconds;
    }

    List<Finding> finish() {
        List<Finding> findings = new ArrayList<>();
        for (Detector detector : detectors) findings.add(detector.finish());
        return findings;
    }

    @Override
    public void close() {
        for (Detector detector : detectors) detector.close();
        worker.shutdownNow();
        history.close();
        analyzer.close();
        text.close();
    }
}
