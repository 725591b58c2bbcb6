package dev.reelwright.media.quality;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

/**
 * Where the inspector and the repairs get their DIS optical flow. OpenCV's DIS splits each frame into one stripe per
 * OpenCV thread and propagates its patch search within a stripe (opencv/modules/video/src/dis_flow.cpp:
 * {@code num_stripes = getNumThreads()}), so its flow, and every score built on it, would differ between a 2-core and
 * a 16-core machine. OpenCV is therefore run single-threaded in this process: the scores the thresholds were tuned
 * with are the scores everywhere. It costs nothing here: the inspector already runs decoding, flow, analysis and
 * detail work on threads of its own, and OpenCV's extra workers only competed with them (on two cores its parallel
 * loops spent about 1 ms of CPU a frame more for the same work).
 */
final class DenseFlow {
    static {
        opencv_core.setNumThreads(1);
    }

    private DenseFlow() {}

    static DISOpticalFlow create(int preset) {
        return DISOpticalFlow.create(preset);
    }
}
