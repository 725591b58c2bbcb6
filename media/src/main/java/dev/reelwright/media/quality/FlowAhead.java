package dev.reelwright.media.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YCrCb;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

/**
 * The part of {@link MotionAnalyzer}'s work that needs nothing but the frames themselves: each frame's YCrCb planes
 * and its dense optical flow back to the previous frame (DIS, Kroeger et al. 2016, "Fast Optical Flow using Dense
 * Inverse Search"; OpenCV's DISOpticalFlow). It runs on a thread of its own ({@link FrameStream}), a few frames
 * ahead of the analysis, so the flow (about half of the analysis' work) overlaps with the analysis of earlier frames:
 * the same numbers, sooner. One instance per clip, used by one thread.
 */
final class FlowAhead implements AutoCloseable {
    /** The preset the detectors were tuned with. */
    private final DISOpticalFlow dis = DenseFlow.create(DISOpticalFlow.PRESET_FAST);
    /** A private copy of the previous frame's luma: the analysis closes its own copy when it is done with it. */
    private final Mat previousGrey = new Mat();
    /**
     * The flow DIS wrote last. It stays the output of every call because DIS starts from the flow already in its
     * output when the size matches (OpenCV dis_flow.cpp, "use_input_flow"): each frame's search begins at the
     * previous frame's motion, which the detectors were tuned with.
     */
    private final Mat lastFlow = new Mat();
    private boolean hasPrevious;

    /** The frame's planes and, from the second frame on, its flow; the caller owns what it gets. */
    Prepared prepare(Mat bgr) {
        Mat ycc = new Mat();
        cvtColor(bgr, ycc, COLOR_BGR2YCrCb);
        Mat grey = new Mat();
        extractChannel(ycc, grey, 0);
        Mat flow = null;
        if (hasPrevious) {
            dis.calc(grey, previousGrey, lastFlow);
            flow = lastFlow.clone();
        }
        grey.copyTo(previousGrey);
        hasPrevious = true;
        return new Prepared(ycc, grey, flow);
    }

    /** Each pixel's own (x, y): what a flow is added to for OpenCV's remap. The caller owns the matrix. */
    static Mat coordinates(int width, int height) {
        float[] xy = new float[width * height * 2];
        for (int i = 0; i < width * height; i++) {
            xy[2 * i] = i % width;
            xy[2 * i + 1] = i / width;
        }
        try (FloatPointer pointer = new FloatPointer(xy); Mat view = new Mat(height, width, CV_32FC2, pointer)) {
            return view.clone();
        }
    }

    /** YCrCb planes, their luma, and the flow from this frame back to the previous one (null on the first frame). */
    record Prepared(Mat ycc, Mat grey, Mat flow) implements AutoCloseable {
        @Override
        public void close() {
            ycc.close();
            grey.close();
            if (flow != null) flow.close();
        }
    }

    @Override
    public void close() {
        dis.close();
        previousGrey.close();
        lastFlow.close();
    }
}
