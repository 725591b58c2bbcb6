package dev.reelwright.media.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class RegionSegmenterTest {
    private static final int WIDTH = 640, HEIGHT = 360;

    @Test
    void findsEachShapeWithItsBoxAreaAndShapeAndSkipsWhatTouchesTheBorderOrIsTooSmall() {
        try (Mat picture = new Mat(HEIGHT, WIDTH, CV_8UC3, new Scalar(128, 128, 128, 0));
                RegionSegmenter segmenter = new RegionSegmenter(WIDTH, HEIGHT)) {
            fill(picture, 100, 80, 180, 140, new Scalar(40, 40, 200, 0)); // red, 81 x 61
            circle(picture, new Point(400, 200), 30, new Scalar(200, 60, 40, 0), FILLED, 8, 0); // blue
            fill(picture, 0, 10, 60, 60, new Scalar(40, 180, 40, 0)); // green, cut by the left edge
            fill(picture, 300, 40, 310, 50, new Scalar(30, 200, 220, 0)); // yellow, 121 px: below 0.2 % of the frame

            List<Region> regions = segmenter.segment(picture, 200).stream().sorted(Comparator.comparingDouble(Region::cx)).toList();

            assertThat(regions).hasSize(2);
            Region rectangle = regions.get(0), disc = regions.get(1);
            // The box is the labelled area's: the thickened edges take two pixels from each side, evenly.
            assertThat(List.of(rectangle.left(), rectangle.top(), rectangle.width(), rectangle.height())).containsExactly(102, 82, 77, 57);
            assertThat(List.of(disc.left(), disc.top(), disc.width(), disc.height())).containsExactly(373, 173, 55, 55);
            assertThat(rectangle.cx()).isCloseTo(140, within(1.5));
            assertThat(rectangle.cy()).isCloseTo(110, within(1.5));
            assertThat(rectangle.area()).isCloseTo(81 * 61, within(81 * 61 * 0.1));
            assertThat(rectangle.solidity()).isGreaterThan(0.97);
            assertThat(rectangle.elongation()).isCloseTo(81 / 61.0, within(0.1));
            assertThat(disc.cx()).isCloseTo(400, within(1.5));
            assertThat(disc.cy()).isCloseTo(200, within(1.5));
            assertThat(disc.area()).isCloseTo(Math.PI * 30 * 30, within(Math.PI * 30 * 30 * 0.1));
            assertThat(disc.elongation()).isCloseTo(1, within(0.05));
        }
    }

    private static void fill(Mat picture, int left, int top, int right, int bottom, Scalar colour) {
        rectangle(picture, new Point(left, top), new Point(right, bottom), colour, FILLED, 8, 0);
    }
}
