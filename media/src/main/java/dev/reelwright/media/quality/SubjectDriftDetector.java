package dev.reelwright.media.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.reelwright.core.quality.Artifact;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Subject drift: the subject stops looking like the reference. The reference is the image given with the clip (its
 * keyframe, or a character's photo) or, without one, the clip's own opening frame (after a fade-in has settled).
 *
 * <p>Every third frame is compared with the reference in colour, hue and saturation only ({@link ColourPicture}: fades,
 * pulses and exposure leave both alone; dark pixels are not compared). The comparison follows the camera: the camera
 * motion {@link MotionAnalyzer} fits between frames is chained back to the opening frame, and a keyframe is
 * registered to that frame with ORB features, so each pixel is compared with where its scene point was in the
 * reference. Subjects move on their own, so a colour only needs to occur within a generous radius (a quarter of the
 * frame height) of that point; what changes is what counts: a shirt, skin or a prop taking a colour that was nowhere
 * near there (new colours), and colours of the reference that are nowhere near where they should be now (vanished
 * colours). Both are taken as a share of the picture after a small opening (edges and compression noise are thin),
 * and a change of look needs both, so the smaller is a sample's badness: something walking into the picture only
 * adds colours, something walking out only takes them away. Parts of the picture that were not in the reference (a
 * pan reveals new ground, a dolly pushes past the frame's edge) are not compared at all. A median over three samples (nine frames)
 * lets a blinking lamp or a few-frame ghost pass; the clip's badness is the worst such median. After a scene cut
 * the new shot is compared with its own opening.
 *
 * <p>A reference that does not register (a photo framed unlike the shot) cannot be followed point by point. Its
 * subject is then taken to be what stands out in its central part: pixels whose colour the outer ring of the picture
 * (the backdrop) does not have. Those colours must occur somewhere in each frame; the median share missing over the
 * clip is scored, beside the clip's drift from its own opening.
 */
final class SubjectDriftDetector implements Detector {
    /**
     * Tuned on the test set (6 seeds): a change of colour over 0.5 % of the picture is at the threshold, midway
     * (geometrically) between the worst clean clip (0.2 %, the blinking lamp) and the mildest medium drift (1.4 %).
     */
    static final double CRITICAL = 0.005;
    /**
     * For a reference that does not register: a quarter of its subject's colours missing is at the threshold. Set by
     * hand, not measured by the bench (its references are keyframes, which register).
     */
    static final double UNREGISTERED_CRITICAL = 0.25;
    private static final int STRIDE = 3;
    /** How far (share of the frame height) a colour may have moved and still be the same subject's. */
    private static final double RADIUS = 0.25;
    /** An opening frame needs this share of pixels with a known colour... */
    private static final double ANCHOR_KNOWN = 0.5;
    /** ... and its brightness no longer rising (a fade-in), unless it has waited this many frames. */
    private static final int ANCHOR_WAIT = 45;
    private static final double RISING = 1.03;
    /** A bin must hold this share of a frame's known pixels to count as a colour the frame holds. */
    private static final double HOLDS = 0.002;
    private static final double CENTRE = 0.6;
    /** A colour covering this share of the outer ring is the backdrop's. */
    private static final double BACKDROP = 0.01;
    /** Less subject than this share of the picture: nothing to check without registration. */
    private static final double MIN_SUBJECT = 0.01;

    private final boolean keepFrames;
    private final SubjectReference reference;
    private final int width;
    private final int height;
    private final double scale;
    private final int radius;
    private final Mat small = new Mat();
    private final Mat hsv = new Mat();
    private final Mat maskMat;
    private final Mat opened = new Mat();
    private final Mat kernel = getStructuringElement(MORPH_RECT, new Size(3, 3));
    private final byte[] mask;
    private final ColourPicture referencePicture;
    /** Pixels of the reference's subject (for a reference that does not register): their indices. */
    private final int[] subject;
    private ColourPicture current;
    private ColourPicture opening;

    // The shot being compared.
    private boolean firstShot = true;
    private ColourPicture anchor;
    private boolean anchorIsReference;
    private CameraMotion chain = CameraMotion.NONE;
    private int anchorFrame = -1;
    private double anchorSeconds;
    private Mat anchorCopy;
    private int waited;
    private double lastMean;
    private int lastSample;
    private int currentFrame = -1;
    private final List<double[]> shot = new ArrayList<>();

    // Findings.
    private SubjectReference.Registration registration;
    private boolean registrationTried;
    private final List<Double> missing = new ArrayList<>();
    private double worst;
    private double worstAppeared;
    private double worstVanished;
    private int worstFrame = -1;
    private String worstAgainst = "";
    private Capture capture;
    private int samples;

    SubjectDriftDetector(WorkingSize size, SubjectReference reference, boolean keepFrames) {
        this.keepFrames = keepFrames;
        this.reference = reference;
        // Colour is compared at half the working size: subjects worth a verdict are far larger than a pixel there.
        boolean half = size.height() >= 120;
        this.width = half ? size.width() / 2 : size.width();
        this.height = half ? size.height() / 2 : size.height();
        this.scale = width / (double) size.width();
        this.radius = Math.max(2, (int) Math.round(RADIUS * height));
        this.mask = new byte[width * height];
        this.maskMat = new Mat(height, width, CV_8UC1);
        this.current = new ColourPicture(width, height);
        this.opening = new ColourPicture(width, height);
        if (reference != null) {
            referencePicture = new ColourPicture(width, height);
            resize(reference.bgr, small, new Size(width, height), 0, 0, INTER_AREA);
            referencePicture.read(small, hsv).spread(radius);
            subject = subjectOf(referencePicture);
        } else {
            referencePicture = null;
            subject = new int[0];
        }
    }

    @Override
    public Artifact artifact() {
        return Artifact.SUBJECT_DRIFT;
    }

    @Override
    public void accept(FrameContext frame, FrameHistory history) {
        if (!frame.hasPrevious || frame.cut) {
            endShot(history);
            if (frame.hasPrevious) firstShot = false;
            anchor = null;
            waited = 0;
            lastMean = 0;
        } else if (anchor != null) {
            chain = chain.after(frame.camera.scaled(scale));
        }
        try {
            if (anchor == null) {
                open(frame, history);
            } else if (frame.index - lastSample >= STRIDE) {
                sample(frame, history);
            }
        } finally {
            lastMean = frame.meanLuma;
        }
    }

    /** Takes this frame as the shot's opening if it is bright and settled enough. */
    private void open(FrameContext frame, FrameHistory history) {
        waited++;
        read(frame);
        boolean rising = lastMean > 0 && frame.meanLuma > RISING * lastMean;
        if ((current.knownShare() < ANCHOR_KNOWN || rising) && waited < ANCHOR_WAIT) return;
        anchorFrame = frame.index;
        anchorSeconds = frame.seconds;
        lastSample = frame.index;
        if (anchorCopy != null) anchorCopy.close();
        anchorCopy = null;
        if (reference != null && firstShot) {
            registration = reference.register(frame.bgr);
            registrationTried = true;
        }
        if (registration != null && firstShot) {
            anchor = referencePicture;
            anchorIsReference = true;
            chain = registration.frameToReference().scaled(scale);
            if (keepFrames) anchorCopy = reference.bgr.clone();
            sample(frame, history); // the opening itself must already look like the reference
        } else {
            ColourPicture swap = opening;
            opening = current;
            current = swap;
            currentFrame = -1;
            anchor = opening;
            anchorIsReference = false;
            chain = CameraMotion.NONE;
            anchor.spread(radius);
            if (keepFrames) anchorCopy = frame.bgr.clone();
        }
    }

    private void read(FrameContext frame) {
        if (currentFrame == frame.index) return;
        resize(frame.bgr, small, new Size(width, height), 0, 0, INTER_AREA);
        current.read(small, hsv);
        currentFrame = frame.index;
    }

    private void sample(FrameContext frame, FrameHistory history) {
        lastSample = frame.index;
        read(frame);
        current.spread(radius);
        samples++;
        ColourPicture.novel(current, anchor, chain, mask);
        double appeared = openedShare();
        ColourPicture.novel(anchor, current, chain.inverse(), mask);
        double vanished = openedShare();
        // A change of look needs both: a subject walking in only adds colours, one walking out only takes them away.
        shot.add(new double[] {Math.min(appeared, vanished), frame.index, frame.seconds, appeared, vanished});
        if (shot.size() >= 3) judge(shot.size() - 2, history);
        // A reference that does not register: its central colours should be in the picture somewhere.
        if (referencePicture != null && firstShot && registrationTried && registration == null) missing.add(missingShare());
    }

    private double openedShare() {
        maskMat.data().put(mask);
        morphologyEx(maskMat, opened, MORPH_OPEN, kernel);
        return countNonZero(opened) / (double) mask.length;
    }

    /** The median of the samples around {@code at}, against the worst so far. */
    private void judge(int at, FrameHistory history) {
        double[] window = new double[3];
        for (int k = -1; k <= 1; k++) window[k + 1] = shot.get(at + k)[0];
        Arrays.sort(window);
        consider(window[1], shot.get(at), history);
    }

    private void consider(double badness, double[] sample, FrameHistory history) {
        if (!(badness > worst)) return;
        int frameIndex = (int) sample[1];
        double seconds = sample[2];
        worst = badness;
        worstAppeared = sample[3];
        worstVanished = sample[4];
        worstFrame = frameIndex;
        worstAgainst = anchorIsReference ? "the reference" : "the shot's opening at frame " + anchorFrame;
        FrameContext shown = history == null ? null : history.get(frameIndex);
        if (capture != null) capture.close();
        capture = Capture.of(anchorSeconds, seconds, anchorFrame, frameIndex,
                keepFrames && anchorCopy != null ? anchorCopy.clone() : null, keepFrames && shown != null ? shown.bgr.clone() : null);
    }

    /** A shot too short for a window of three is judged by its better samples. */
    private void endShot(FrameHistory history) {
        if (!shot.isEmpty() && shot.size() < 3) {
            double[] best = shot.stream().min((p, q) -> Double.compare(p[0], q[0])).orElseThrow();
            consider(best[0], best, history);
        }
        shot.clear();
    }

    /** The central pixels whose colour the outer ring of the picture does not have; none if too few. */
    private static int[] subjectOf(ColourPicture picture) {
        int w = picture.width, h = picture.height;
        int x0 = (int) (w * (1 - CENTRE) / 2), x1 = w - x0, y0 = (int) (h * (1 - CENTRE) / 2), y1 = h - y0;
        long backdrop = picture.colours(BACKDROP, x0, y0, x1, y1);
        int[] found = new int[w * h];
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                long accepts = picture.accepts[y * w + x];
                if (accepts != 0 && (accepts & backdrop) == 0) found[n++] = y * w + x;
            }
        }
        return n < MIN_SUBJECT * w * h ? new int[0] : Arrays.copyOf(found, n);
    }

    /** Share of the reference's subject pixels whose colour this frame holds nowhere. */
    private double missingShare() {
        if (subject.length == 0) return 0;
        long holds = current.colours(HOLDS);
        int absent = 0;
        for (int i : subject) if ((referencePicture.accepts[i] & holds) == 0) absent++;
        return absent / (double) subject.length;
    }

    @Override
    public Finding finish() {
        endShot(null);
        double drift = Scores.fromBadness(worst, CRITICAL);
        double median = median(missing);
        double unregistered = missing.isEmpty() ? 1 : Scores.fromBadness(median, UNREGISTERED_CRITICAL);
        String against;
        if (reference == null) against = "no reference: compared with the clip's own opening";
        else if (registration != null) against = String.format(Locale.ROOT, "reference registered to frame %d (%d ORB inliers of %d matches)",
                anchorFrame, registration.inliers(), registration.matches());
        else if (subject.length == 0) against = "reference framed unlike the clip (not registered) and no subject stands out in it: compared with the clip's own opening";
        else against = String.format(Locale.ROOT, "reference framed unlike the clip (not registered): %.0f %% of its subject's colours missing (median)",
                100 * median);
        String note = String.format(Locale.ROOT,
                "%s; largest change of colour %.2f %% of the picture (%.2f %% in new colours, %.2f %% of colours gone) against %s at frame %d; %d samples",
                against, 100 * worst, 100 * worstAppeared, 100 * worstVanished, worstAgainst.isEmpty() ? "-" : worstAgainst, worstFrame, samples);
        return new Finding(artifact(), Math.min(drift, unregistered), worst > 0 || unregistered < 1 ? capture : null, note);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) return 0;
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    @Override
    public void close() {
        if (capture != null) capture.close();
        if (anchorCopy != null) anchorCopy.close();
        small.close();
        hsv.close();
        maskMat.close();
        opened.close();
        kernel.close();
    }
}
