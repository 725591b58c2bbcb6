package dev.reelwright.local.motion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelwright.core.model.CameraMove;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CameraPathTest {
    private static MotionRecipe recipe(CameraMove move, int frames, int fps) {
        return new MotionRecipe(1, "source.png", move, frames, fps, 1920, 1080, 5, null, 0.62, 0.4);
    }

    /** Source and output sizes: same, portrait, square into wide, wide into tall, larger source, smaller source. */
    private static final int[][] SIZES = {
        {1920, 1080, 1920, 1080}, {1080, 1920, 1080, 1920}, {1080, 1080, 1920, 1080}, {1920, 1080, 1080, 1920},
        {3840, 2160, 1920, 1080}, {640, 360, 1920, 1080}, {1000, 1000, 1000, 1000},
    };

    @ParameterizedTest
    @EnumSource(CameraMove.class)
    void everyPoseKeepsTheViewInsideTheSource(CameraMove move) {
        for (int[] size : SIZES) {
            for (int frames : new int[] {1, 2, 24, 150, 1800}) {
                CameraPath path = new CameraPath(recipe(move, frames, 30), size[0], size[1], size[2], size[3]);
                for (int i = 0; i < frames; i += Math.max(1, frames / 300)) {
                    CameraPath.Pose pose = path.pose(i);
                    assertThat(path.inside(pose, 1e-6)).as("%s frame %d of %d, %s", move, i, frames, java.util.Arrays.toString(size)).isTrue();
                    assertThat(pose.zoom()).isGreaterThanOrEqualTo(1.0);
                    // The four corner pixels of the output map into the source.
                    CameraPath.Affine m = path.affine(pose);
                    for (int[] corner : new int[][] {{0, 0}, {size[2] - 1, 0}, {0, size[3] - 1}, {size[2] - 1, size[3] - 1}}) {
                        double x = m.a() * corner[0] + m.b() * corner[1] + m.c();
                        double y = m.d() * corner[0] + m.e() * corner[1] + m.f();
                        assertThat(x).isBetween(-0.5 - 1e-6, size[0] - 0.5 + 1e-6);
                        assertThat(y).isBetween(-0.5 - 1e-6, size[1] - 0.5 + 1e-6);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CameraMove.class)
    void movesAreSmoothAndVisible(CameraMove move) {
        CameraPath path = new CameraPath(recipe(move, 150, 30), 1920, 1080, 1920, 1080);
        CameraPath.Pose first = path.pose(0);
        CameraPath.Pose last = path.pose(149);
        double total = travel(first, last);
        assertThat(total).as("%s moves the view", move).isGreaterThan(move == CameraMove.STATIC ? 8 : 60);
        double worst = 0;
        for (int i = 1; i < 150; i++) worst = Math.max(worst, travel(path.pose(i - 1), path.pose(i)));
        assertThat(worst).as("%s largest step between frames", move).isLessThan(total / 40);
        // It never stops dead at the ends either: the first step still moves.
        assertThat(travel(path.pose(0), path.pose(1))).isGreaterThan(0);
    }

    @Test
    void longClipsTravelFurtherButSlower() {
        CameraPath short2s = new CameraPath(recipe(CameraMove.DOLLY_IN, 60, 30), 1920, 1080, 1920, 1080);
        CameraPath long20s = new CameraPath(recipe(CameraMove.DOLLY_IN, 600, 30), 1920, 1080, 1920, 1080);
        double zoomShort = short2s.pose(59).zoom() - 1;
        double zoomLong = long20s.pose(599).zoom() - 1;
        assertThat(zoomShort).isGreaterThan(0.12);
        assertThat(zoomLong).isGreaterThan(zoomShort);
        assertThat(zoomLong / 20).isLessThan(zoomShort / 2);
    }

    @Test
    void orbitRotatesAFewDegrees() {
        CameraPath path = new CameraPath(recipe(CameraMove.ORBIT, 150, 30), 1920, 1080, 1920, 1080);
        double swing = Math.abs(path.pose(149).angle() - path.pose(0).angle());
        assertThat(Math.toDegrees(swing)).isBetween(3.0, 9.0);
    }

    @Test
    void dollyInZoomsAndDollyOutReverses() {
        CameraPath in = new CameraPath(recipe(CameraMove.DOLLY_IN, 90, 30), 1920, 1080, 1920, 1080);
        CameraPath out = new CameraPath(recipe(CameraMove.DOLLY_OUT, 90, 30), 1920, 1080, 1920, 1080);
        assertThat(in.pose(0).zoom()).isEqualTo(1.0);
        assertThat(in.pose(89).zoom()).isBetween(1.15, 1.4);
        assertThat(out.pose(0).zoom()).isEqualTo(in.pose(89).zoom());
        assertThat(out.pose(89).zoom()).isEqualTo(1.0);
        // Toward the point of interest (right of centre, above it).
        assertThat(in.pose(89).centerX()).isGreaterThan(960);
        assertThat(in.pose(89).centerY()).isLessThan(540);
    }

    @Test
    void framesPastTheEndHoldTheLastPose() {
        CameraPath path = new CameraPath(recipe(CameraMove.PAN_LEFT, 30, 30), 1920, 1080, 1920, 1080);
        assertThat(path.pose(500)).isEqualTo(path.pose(29));
        assertThat(path.pose(-3)).isEqualTo(path.pose(0));
    }

    private static double travel(CameraPath.Pose a, CameraPath.Pose b) {
        // How far a corner of the view moves, in source pixels: covers translation, zoom and rotation alike.
        double[] ca = corner(a);
        double[] cb = corner(b);
        double[] ma = {a.centerX(), a.centerY()};
        double[] mb = {b.centerX(), b.centerY()};
        return Math.max(Math.hypot(ca[0] - cb[0], ca[1] - cb[1]), Math.hypot(ma[0] - mb[0], ma[1] - mb[1]));
    }

    private static double[] corner(CameraPath.Pose p) {
        double hw = 960 / p.zoom();
        double hh = 540 / p.zoom();
        double cos = Math.cos(p.angle());
        double sin = Math.sin(p.angle());
        return new double[] {p.centerX() - hw * cos + hh * sin, p.centerY() - hw * sin - hh * cos};
    }
}
