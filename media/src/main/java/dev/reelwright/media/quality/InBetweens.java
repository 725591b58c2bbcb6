package dev.reelwright.media.quality;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

/**
 * The frames a shot would have shown between two of its frames: both are warped towards the in-between moment along
 * their dense optical flow (DIS, both directions) and blended by distance, so a waving arm or a camera move is
 * carried through instead of cross-faded into a double image. The intermediate flows follow the linear-motion
 * approximation of Jiang et al. 2018, "Super SloMo" (eq. 4): F(t->0) = -(1-t)t F(0->1) + t^2 F(1->0) and
 * F(t->1) = (1-t)^2 F(0->1) - t(1-t) F(1->0).
 */
final class InBetweens {
    private InBetweens() {}

    /** {@code count} frames evenly spaced strictly between {@code before} and {@code after} (packed BGR rows). */
    static byte[][] between(byte[] before, byte[] after, int width, int height, int count) {
        byte[][] frames = new byte[count][];
        DISOpticalFlow dis = DenseFlow.create(DISOpticalFlow.PRESET_MEDIUM);
        try (BytePointer beforeBytes = new BytePointer(before); BytePointer afterBytes = new BytePointer(after);
                Mat first = new Mat(height, width, CV_8UC3, beforeBytes); Mat last = new Mat(height, width, CV_8UC3, afterBytes);
                Mat firstGrey = new Mat(); Mat lastGrey = new Mat(); Mat forward = new Mat(); Mat backward = new Mat();
                Mat coordinates = FlowAhead.coordinates(width, height); Mat flow = new Mat(); Mat map = new Mat(); Mat noMap = new Mat();
                Mat fromFirst = new Mat(); Mat fromLast = new Mat(); Mat blended = new Mat()) {
            cvtColor(first, firstGrey, COLOR_BGR2GRAY);
            cvtColor(last, lastGrey, COLOR_BGR2GRAY);
            dis.calc(firstGrey, lastGrey, forward);
            dis.calc(lastGrey, firstGrey, backward);
            for (int k = 0; k < count; k++) {
                double t = (k + 1) / (double) (count + 1);
                addWeighted(forward, -(1 - t) * t, backward, t * t, 0, flow);
                add(flow, coordinates, map);
                remap(first, fromFirst, map, noMap, INTER_LINEAR, BORDER_REPLICATE, null);
                addWeighted(forward, (1 - t) * (1 - t), backward, -t * (1 - t), 0, flow);
                add(flow, coordinates, map);
                remap(last, fromLast, map, noMap, INTER_LINEAR, BORDER_REPLICATE, null);
                addWeighted(fromFirst, 1 - t, fromLast, t, 0, blended);
                frames[k] = new byte[width * height * 3];
                blended.data().get(frames[k]);
            }
        } finally {
            dis.close();
        }
        return frames;
    }
}
