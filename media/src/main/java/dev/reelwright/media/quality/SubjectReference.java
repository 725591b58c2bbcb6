package dev.reelwright.media.quality;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.estimateAffinePartial2D;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.NORM_HAMMING;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.reelwright.core.error.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.DMatchVector;
import org.bytedeco.opencv.opencv_core.DMatchVectorVector;
import org.bytedeco.opencv.opencv_core.KeyPointVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_features2d.BFMatcher;
import org.bytedeco.opencv.opencv_features2d.ORB;

/**
 * The image a clip should stay true to (its keyframe, or a character's reference photo), read with OpenCV,
 * cover-cropped to the clip's aspect and shrunk to the working size, with its ORB features (Rublee et al. 2011,
 * "ORB: an efficient alternative to SIFT or SURF") ready for registering it to a frame of the clip.
 */
final class SubjectReference implements AutoCloseable {
    /** Lowe's ratio test for a descriptor match to count. */
    private static final double RATIO = 0.75;
    private static final int MIN_INLIERS = 20;
    private static final double MIN_INLIER_SHARE = 0.3;

    final Path file;
    /** BGR at the working size. */
    final Mat bgr;
    private final ORB orb = ORB.create(500, 1.2f, 8, 31, 0, 2, ORB.HARRIS_SCORE, 31, 10);
    private final KeyPointVector points = new KeyPointVector();
    private final Mat descriptors = new Mat();

    /** How a frame maps onto the reference: a similarity in working pixels, with the evidence for it. */
    record Registration(CameraMotion frameToReference, int inliers, int matches) {}

    private SubjectReference(Path file, Mat bgr) {
        this.file = file;
        this.bgr = bgr;
        try (Mat grey = equalisedGrey(bgr)) {
            orb.detectAndCompute(grey, new Mat(), points, descriptors);
        }
    }

    /** Reads {@code file}; an unreadable image is the caller's input error. */
    static SubjectReference load(Path file, WorkingSize size) {
        if (!Files.isRegularFile(file)) throw new InputException("reference image " + file + ": no such file");
        Mat image = imread(file.toString(), IMREAD_COLOR);
        if (image == null || image.empty()) throw new InputException("reference image " + file + ": cannot be read as an image");
        try (image) {
            return new SubjectReference(file, cover(image, size.width(), size.height()));
        }
    }

    /** The centre of {@code image} with the target's aspect, scaled to the target size (what "cover" means in CSS). */
    static Mat cover(Mat image, int width, int height) {
        int w = image.cols(), h = image.rows();
        double aspect = width / (double) height;
        int cropW = w, cropH = h;
        if (w / (double) h > aspect) cropW = Math.max(1, (int) Math.round(h * aspect));
        else cropH = Math.max(1, (int) Math.round(w / aspect));
        Mat out = new Mat();
        try (Rect box = new Rect((w - cropW) / 2, (h - cropH) / 2, cropW, cropH); Mat crop = new Mat(image, box)) {
            resize(crop, out, new Size(width, height), 0, 0, INTER_AREA);
        }
        return out;
    }

    /**
     * Registers a frame (BGR, working size) to the reference: ORB matches that pass the ratio test, then a RANSAC
     * similarity. Null when there is no convincing fit: the reference is framed differently from the clip (a
     * character's photo rather than the shot's keyframe), or shows something else.
     */
    Registration register(Mat frame) {
        if (descriptors.empty()) return null;
        try (Mat grey = equalisedGrey(frame); KeyPointVector framePoints = new KeyPointVector(); Mat frameDescriptors = new Mat();
                BFMatcher matcher = new BFMatcher(NORM_HAMMING, false); DMatchVectorVector knn = new DMatchVectorVector()) {
            orb.detectAndCompute(grey, new Mat(), framePoints, frameDescriptors);
            if (frameDescriptors.empty() || frameDescriptors.rows() < 2) return null;
            matcher.knnMatch(frameDescriptors, descriptors, knn, 2);
            float[] from = new float[(int) knn.size() * 2], to = new float[(int) knn.size() * 2];
            int n = 0;
            for (long i = 0; i < knn.size(); i++) {
                DMatchVector pair = knn.get(i);
                if (pair.size() < 2 || pair.get(0).distance() > RATIO * pair.get(1).distance()) continue;
                var a = framePoints.get(pair.get(0).queryIdx()).pt();
                var b = points.get(pair.get(0).trainIdx()).pt();
                from[2 * n] = a.x();
                from[2 * n + 1] = a.y();
                to[2 * n] = b.x();
                to[2 * n + 1] = b.y();
                n++;
            }
            if (n < MIN_INLIERS) return null;
            try (FloatPointer fromPointer = new FloatPointer(from); FloatPointer toPointer = new FloatPointer(to);
                    Mat fromMat = new Mat(n, 1, CV_32FC2, fromPointer); Mat toMat = new Mat(n, 1, CV_32FC2, toPointer);
                    Mat inliers = new Mat();
                    Mat model = estimateAffinePartial2D(fromMat, toMat, inliers, RANSAC, 3.0, 2000, 0.99, 10)) {
                if (model == null || model.empty()) return null;
                int kept = 0;
                try (UByteIndexer in = inliers.createIndexer()) {
                    for (int i = 0; i < n; i++) if (in.get(i) != 0) kept++;
                }
                if (kept < MIN_INLIERS || kept < MIN_INLIER_SHARE * n) return null;
                try (DoubleIndexer m = model.createIndexer()) {
                    CameraMotion fit = new CameraMotion(m.get(0, 0), m.get(1, 0), m.get(0, 2), m.get(1, 2), kept / (double) n);
                    if (fit.scale() < 0.4 || fit.scale() > 2.5) return null;
                    return new Registration(fit, kept, n);
                }
            }
        }
    }

    private static Mat equalisedGrey(Mat bgr) {
        Mat grey = new Mat();
        cvtColor(bgr, grey, COLOR_BGR2GRAY);
        // Equalised, so a frame still fading in has the contrast the reference has.
        equalizeHist(grey, grey);
        return grey;
    }

    @Override
    public void close() {
        bgr.close();
        orb.close();
        points.close();
        descriptors.close();
    }
}
