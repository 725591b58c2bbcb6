package dev.reelwright.local.keyframe;

import dev.reelwright.local.keyframe.SceneSpec.Setting;
import dev.reelwright.local.keyframe.SceneSpec.Thing;
import dev.reelwright.local.keyframe.SceneSpec.Time;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;

/** A room: textured wall with a window onto the outdoor scene, a wooden floor, a desk or a kitchen counter, lamps. */
final class IndoorPainter {
    private final Canvas cv;
    private final SceneSpec spec;
    private final Look look;
    private final Rng rng;
    private final int w;
    private final int h;
    private final float u;
    private final boolean kitchen;
    private final boolean dark;

    private float floorY;
    private float winX;
    private float winY;
    private float winW;
    private float winH;
    private float deskY;
    private float deskX0;
    private float deskX1;
    private final List<float[]> lamps = new ArrayList<>();
    private float roomLight;
    private int wall;
    private Graphics2D g;

    IndoorPainter(Canvas cv, SceneSpec spec, Look look, Rng rng) {
        this.cv = cv;
        this.spec = spec;
        this.look = look;
        this.rng = rng;
        this.w = cv.width;
        this.h = cv.height;
        this.u = Math.min(w, h);
        this.kitchen = spec.has(Setting.KITCHEN);
        this.dark = spec.time == Time.NIGHT || spec.time == Time.SUNSET;
    }

    void paint() {
        layout();
        paintWallAndFloor();
        paintWindowView();
        g = cv.graphics();
        windowFrame();
        if (!dark) sunPatch();
        if (spec.has(Thing.BOOKS) || rng.chance(0.4f)) shelf();
        picture();
        if (kitchen) counter();
        else desk();
        lampGlows();
        g.dispose();
    }

    private void layout() {
        Rng r = rng.fork("room");
        boolean portrait = h > w * 1.2f;
        floorY = h * (portrait ? r.range(0.7f, 0.76f) : r.range(0.72f, 0.78f));
        winW = w * (portrait ? r.range(0.5f, 0.62f) : r.range(0.26f, 0.34f));
        winH = h * (portrait ? r.range(0.26f, 0.32f) : r.range(0.4f, 0.48f));
        winY = h * (portrait ? 0.1f : r.range(0.08f, 0.12f));
        boolean left = r.chance(0.5f);
        winX = portrait ? (w - winW) / 2 + w * r.range(-0.06f, 0.06f) : (left ? w * r.range(0.08f, 0.18f) : w * r.range(0.52f, 0.66f));
        deskY = kitchen ? h * (portrait ? 0.64f : 0.66f) : h * (portrait ? 0.62f : 0.64f);
        if (deskY < winY + winH + h * 0.04f) deskY = winY + winH + h * 0.04f;
        deskX0 = w * (portrait ? 0.04f : r.range(0.12f, 0.22f));
        deskX1 = w * (portrait ? 0.96f : r.range(0.78f, 0.88f));
        roomLight = switch (spec.time) {
            case DAWN -> 0.62f;
            case MORNING -> 0.95f;
            case NOON -> 1.0f;
            case SUNSET -> 0.55f;
            case NIGHT -> 0.3f;
        };
        if (spec.has(SceneSpec.Weather.OVERCAST)) roomLight *= 0.85f;
        boolean lamp = spec.has(Thing.LAMP) || dark || r.chance(0.3f);
        if (lamp) {
            float lx = kitchen ? w * r.range(0.3f, 0.7f) : deskX0 + (deskX1 - deskX0) * (r.chance(0.5f) ? 0.18f : 0.82f);
            float ly = kitchen ? h * 0.12f : deskY - h * 0.22f;
            float strength = dark ? 1.1f : 0.35f;
            lamps.add(new float[] {lx, ly, u * 0.35f, strength});
        }
        int[] walls = {0xe6d9c0, 0xc6d4c0, 0xb6c6d6, 0xd8b8a0, 0xe0d0d6, 0xd8d0c0, 0x9eb4b0, 0xc8b8a0};
        wall = walls[r.nextInt(walls.length)];
    }

    /** Light falling at (x, y) as an RGB multiplier: room ambient, lamps, daylight from the window. */
    private float[] light(float x, float y) {
        float r = roomLight, g = roomLight * 0.98f, b = roomLight * (dark ? 1.05f : 0.96f);
        if (!dark) {
            float cx = winX + winW / 2;
            float cy = winY + winH * 0.8f;
            float dx = (x - cx) / (u * 0.6f);
            float dy = (y - cy) / (u * 0.6f);
            float f = 0.35f * roomLight / (1 + dx * dx + dy * dy);
            r += f * Rgb.r(look.light) / 255f;
            g += f * Rgb.g(look.light) / 255f;
            b += f * Rgb.b(look.light) / 255f;
        }
        for (float[] l : lamps) {
            float dx = (x - l[0]) / l[2];
            float dy = (y - l[1]) / l[2];
            float f = l[3] / (1 + (dx * dx + dy * dy) * 2.5f);
            r += f * 1.0f;
            g += f * 0.8f;
            b += f * 0.52f;
        }
        return new float[] {r, g, b};
    }

    private int lit(int colour, float x, float y) {
        float[] l = light(x, y);
        return Rgb.pack(Rgb.r(colour) * l[0], Rgb.g(colour) * l[1], Rgb.b(colour) * l[2]);
    }

    private void paintWallAndFloor() {
        Rng r = rng.fork("surfaces");
        int[] px = cv.px;
        float[] n = new float[w];
        float[] grain = new float[w];
        boolean stripes = !kitchen && r.chance(0.45f);
        float stripeW = u * r.range(0.03f, 0.06f);
        int wood = r.pick(new int[] {0x9a6a40, 0x7a5232, 0xb08050, 0x6a4a32});
        float plank = h * r.range(0.03f, 0.045f);
        float tileTop = deskY - h * 0.18f;
        int tile = r.pick(new int[] {0xe8ece8, 0xd8e4ea, 0xf0e6d6, 0x9ab8b0});
        float tileSize = u * 0.05f;
        int s = r.nextInt();
        // Light is smooth: sample it on a coarse grid and interpolate.
        int step = 16;
        int gw = w / step + 2;
        int gh = h / step + 2;
        float[] lr = new float[gw * gh];
        float[] lg = new float[gw * gh];
        float[] lb = new float[gw * gh];
        for (int j = 0; j < gh; j++) {
            for (int i = 0; i < gw; i++) {
                float[] l = light(i * step, j * step);
                lr[j * gw + i] = l[0];
                lg[j * gw + i] = l[1];
                lb[j * gw + i] = l[2];
            }
        }
        float wr = Rgb.r(wall), wg = Rgb.g(wall), wb = Rgb.b(wall);
        for (int y = 0; y < h; y++) {
            boolean floor = y >= floorY;
            if (floor) {
                float persp = (y - floorY) / (h - floorY);
                float z = 1 / (persp + 0.15f);
                Noise.fbmRow(n, w, 0, 1 / (u * 0.25f), z * 3f, 3, 0.5f, s);
                Noise.fbmRow(grain, w, 0, 1 / (u * 0.5f) * z * 0.3f, z * 40f, 4, 0.6f, s + 1);
            } else {
                Noise.fbmRow(n, w, 0, 1 / (u * 0.02f), y / (u * 0.02f), 4, 0.55f, s + 2);
            }
            int gy = y / step;
            float fy = (y % step) / (float) step;
            int row = y * w;
            float plankRow = 0;
            int plankIndex = 0;
            if (floor) {
                float persp = (y - floorY) / (h - floorY);
                float z = 1 / (persp + 0.15f);
                plankRow = z * h / plank * 0.12f;
                plankIndex = (int) plankRow;
            }
            for (int x = 0; x < w; x++) {
                float r0, g0, b0;
                if (floor) {
                    float frac = plankRow - plankIndex;
                    int seamShift = Noise.hash(plankIndex, 0, s) & 0xFFFF;
                    float along = (x + seamShift) / (u * 0.6f);
                    float seamFrac = along - Noise.floor(along);
                    float tone = 0.85f + 0.3f * Noise.unit(plankIndex, Noise.floor(along), s + 3);
                    float f = tone * (0.82f + 0.36f * grain[x]) * (0.95f + 0.1f * n[x]);
                    if (frac < 0.06f || seamFrac < 0.004f) f *= 0.55f;
                    r0 = Rgb.r(wood) * f;
                    g0 = Rgb.g(wood) * f;
                    b0 = Rgb.b(wood) * f;
                } else if (kitchen && y > tileTop && y < deskY) {
                    float tx = x / tileSize;
                    float ty = (y - tileTop) / tileSize;
                    float fx = tx - Noise.floor(tx);
                    float fy2 = ty - Noise.floor(ty);
                    float tone = 0.92f + 0.12f * Noise.unit(Noise.floor(tx), Noise.floor(ty), s + 4);
                    boolean grout = fx < 0.05f || fy2 < 0.05f;
                    float f = grout ? 0.7f : tone * (0.96f + 0.08f * n[x]);
                    r0 = Rgb.r(tile) * f;
                    g0 = Rgb.g(tile) * f;
                    b0 = Rgb.b(tile) * f;
                } else {
                    float f = 0.9f + 0.2f * n[x];
                    if (stripes) {
                        float sx = x / stripeW;
                        float k = sx - Noise.floor(sx);
                        f *= k < 0.5f ? 1.0f : 0.94f;
                    }
                    float top = y / (float) h;
                    f *= 0.88f + 0.12f * Math.min(1, top * 3);
                    if (y > floorY - h * 0.035f) f *= 0.8f;
                    r0 = wr * f;
                    g0 = wg * f;
                    b0 = wb * f;
                }
                int gx = x / step;
                float fx = (x % step) / (float) step;
                int i0 = gy * gw + gx;
                int i1 = i0 + gw;
                float l0 = lr[i0] + (lr[i0 + 1] - lr[i0]) * fx;
                float l1 = lr[i1] + (lr[i1 + 1] - lr[i1]) * fx;
                float lrr = l0 + (l1 - l0) * fy;
                l0 = lg[i0] + (lg[i0 + 1] - lg[i0]) * fx;
                l1 = lg[i1] + (lg[i1 + 1] - lg[i1]) * fx;
                float lgg = l0 + (l1 - l0) * fy;
                l0 = lb[i0] + (lb[i0 + 1] - lb[i0]) * fx;
                l1 = lb[i1] + (lb[i1 + 1] - lb[i1]) * fx;
                float lbb = l0 + (l1 - l0) * fy;
                px[row + x] = Rgb.pack(r0 * lrr, g0 * lgg, b0 * lbb);
            }
        }
    }

    private void paintWindowView() {
        int x = Math.round(winX);
        int y = Math.round(winY);
        int ww = Math.round(winW);
        int wh = Math.round(winH);
        new OutdoorPainter(cv, x, y, ww, wh, spec.outdoorView(), look, rng.fork("view"), true).paint();
    }

    private void windowFrame() {
        float t = u * 0.018f;
        int frameColour = lit(rng.chance(0.5f) ? 0xf2eee6 : 0x8a6040, winX + winW / 2, winY + winH / 2);
        int shade = Rgb.scale(frameColour, 0.75f);
        g.setColor(Rgb.color(frameColour));
        g.fill(new Rectangle2D.Float(winX - t, winY - t, winW + 2 * t, t));
        g.fill(new Rectangle2D.Float(winX - t, winY, t, winH));
        g.fill(new Rectangle2D.Float(winX + winW, winY, t, winH));
        g.setColor(Rgb.color(shade));
        g.fill(new Rectangle2D.Float(winX, winY, winW, t * 0.35f));
        // Mullions.
        g.setColor(Rgb.color(frameColour));
        g.fill(new Rectangle2D.Float(winX + winW / 2 - t * 0.4f, winY, t * 0.8f, winH));
        g.fill(new Rectangle2D.Float(winX, winY + winH * 0.42f - t * 0.4f, winW, t * 0.8f));
        // Sill.
        int sill = lit(0xf4f0e8, winX + winW / 2, winY + winH);
        g.setPaint(new LinearGradientPaint(new Point2D.Float(0, winY + winH), new Point2D.Float(0, winY + winH + t * 1.6f),
                new float[] {0f, 1f}, new Color[] {Rgb.color(sill), Rgb.color(Rgb.scale(sill, 0.7f))}));
        g.fill(new Rectangle2D.Float(winX - t * 2, winY + winH, winW + t * 4, t * 1.6f));
        // Glass: a faint reflection streak.
        g.setPaint(new LinearGradientPaint(new Point2D.Float(winX, winY), new Point2D.Float(winX + winW * 0.5f, winY + winH),
                new float[] {0f, 0.45f, 0.5f, 0.55f, 1f}, new Color[] {new Color(255, 255, 255, 0), new Color(255, 255, 255, 0),
                        new Color(255, 255, 255, 28), new Color(255, 255, 255, 0), new Color(255, 255, 255, 0)}));
        g.fill(new Rectangle2D.Float(winX, winY, winW, winH));
        // Curtains.
        int cloth = rng.pick(new int[] {0xb84a3a, 0x3a5a8a, 0xd8c8a0, 0x6a8a5a, 0x8a5a7a, 0xe8e0d0});
        float cw = winW * 0.22f;
        for (int side = 0; side < 2; side++) {
            float x0 = side == 0 ? winX - t - cw * 0.7f : winX + winW + t - cw * 0.3f;
            int base = lit(cloth, x0 + cw / 2, winY + winH / 2);
            Color a = Rgb.color(Rgb.scale(base, 1.1f));
            Color b = Rgb.color(Rgb.scale(base, 0.65f));
            g.setPaint(new LinearGradientPaint(new Point2D.Float(x0, 0), new Point2D.Float(x0 + cw / 5, 0), new float[] {0f, 1f},
                    new Color[] {a, b}, CycleMethod.REFLECT));
            Path2D drape = new Path2D.Float();
            float bottom = Math.min(floorY - h * 0.02f, winY + winH + h * 0.12f);
            drape.moveTo(x0, winY - t * 2);
            drape.lineTo(x0 + cw, winY - t * 2);
            if (side == 0) {
                drape.quadTo(x0 + cw * 0.6f, winY + winH * 0.6f, x0 + cw * 0.9f, bottom);
                drape.lineTo(x0, bottom);
            } else {
                drape.lineTo(x0 + cw, bottom);
                drape.lineTo(x0 + cw * 0.1f, bottom);
                drape.quadTo(x0 + cw * 0.4f, winY + winH * 0.6f, x0, winY - t * 2);
            }
            drape.closePath();
            g.fill(drape);
        }
        int rod = lit(0x3a3028, winX, winY);
        g.setColor(Rgb.color(rod));
        g.fill(new RoundRectangle2D.Float(winX - t - cw, winY - t * 2.6f, winW + 2 * t + 2 * cw, t * 0.7f, t, t));
    }

    /** Daylight through the window falls as a bright patch on the floor and the wall below. */
    private void sunPatch() {
        float shift = (look.sourceHeight > 0.6f ? 0.5f : 0.25f) * (rng.chance(0.5f) ? 1 : -1);
        float y0 = Math.max(floorY, winY + winH + h * 0.05f);
        float drop = h - y0;
        Path2D patch = new Path2D.Float();
        patch.moveTo(winX + winW * 0.05f, y0);
        patch.lineTo(winX + winW * 0.95f, y0);
        patch.lineTo(winX + winW * 0.95f + shift * drop * 2, h);
        patch.lineTo(winX + winW * 0.05f + shift * drop * 2, h);
        patch.closePath();
        float strength = 0.22f * roomLight;
        g.setPaint(new LinearGradientPaint(new Point2D.Float(0, y0), new Point2D.Float(0, h), new float[] {0f, 1f},
                new Color[] {Rgb.color(look.light, strength), Rgb.color(look.light, strength * 0.4f)}));
        g.fill(patch);
        // Mullion shadows inside the patch.
        g.setColor(new Color(0, 0, 0, 30));
        float mx = winX + winW / 2;
        Path2D bar = new Path2D.Float();
        bar.moveTo(mx - u * 0.006f, y0);
        bar.lineTo(mx + u * 0.006f, y0);
        bar.lineTo(mx + u * 0.006f + shift * drop * 2, h);
        bar.lineTo(mx - u * 0.006f + shift * drop * 2, h);
        bar.closePath();
        g.fill(bar);
    }

    private void shelf() {
        Rng r = rng.fork("shelf");
        boolean rightOfWindow = winX + winW / 2 < w / 2f;
        float x0 = rightOfWindow ? Math.max(winX + winW + w * 0.08f, w * 0.55f) : w * 0.06f;
        float x1 = rightOfWindow ? w * 0.94f : Math.min(winX - w * 0.08f, w * 0.45f);
        if (x1 - x0 < u * 0.2f) return;
        float y = winY + winH * r.range(0.3f, 0.6f);
        int wood = 0x6a4a30;
        int board = lit(wood, (x0 + x1) / 2, y);
        g.setColor(Rgb.color(board));
        g.fill(new Rectangle2D.Float(x0, y, x1 - x0, u * 0.015f));
        g.setColor(Rgb.color(Rgb.scale(board, 0.6f)));
        g.fill(new Rectangle2D.Float(x0, y + u * 0.015f, x1 - x0, u * 0.006f));
        books(x0 + u * 0.01f, x1 - u * 0.1f, y, u * 0.12f, r);
        // A small plant on the end of the shelf.
        plant(x1 - u * 0.05f, y, u * 0.08f, r);
    }

    private void books(float x0, float x1, float base, float height, Rng r) {
        int[] covers = {0x8a2a2a, 0x2a4a7a, 0x2a6a4a, 0xc89a3a, 0x5a3a6a, 0xd8d0c0, 0x3a3a3a, 0xa85a30};
        float x = x0;
        while (x < x1) {
            float bw = height * r.range(0.12f, 0.22f);
            float bh = height * r.range(0.7f, 1f);
            int c = lit(covers[r.nextInt(covers.length)], x, base - bh / 2);
            if (r.chance(0.1f) && x + bh < x1) {
                // One lying flat.
                g.setColor(Rgb.color(c));
                g.fill(new Rectangle2D.Float(x, base - bw, bh, bw));
                x += bh + 1;
                continue;
            }
            g.setPaint(new LinearGradientPaint(new Point2D.Float(x, 0), new Point2D.Float(x + bw, 0), new float[] {0f, 0.4f, 1f},
                    new Color[] {Rgb.color(Rgb.scale(c, 0.75f)), Rgb.color(Rgb.scale(c, 1.15f)), Rgb.color(Rgb.scale(c, 0.7f))}));
            g.fill(new Rectangle2D.Float(x, base - bh, bw, bh));
            g.setColor(Rgb.color(Rgb.mix(c, 0xe8d8a0, 0.6f), 0.8f));
            g.fill(new Rectangle2D.Float(x, base - bh * 0.8f, bw, bh * 0.04f));
            g.fill(new Rectangle2D.Float(x, base - bh * 0.25f, bw, bh * 0.04f));
            x += bw + (r.chance(0.2f) ? 1 : 0);
        }
    }

    private void plant(float x, float base, float size, Rng r) {
        int pot = lit(0xb8643a, x, base);
        Path2D body = new Path2D.Float();
        body.moveTo(x - size * 0.3f, base - size * 0.45f);
        body.lineTo(x + size * 0.3f, base - size * 0.45f);
        body.lineTo(x + size * 0.22f, base);
        body.lineTo(x - size * 0.22f, base);
        body.closePath();
        g.setPaint(new LinearGradientPaint(new Point2D.Float(x - size * 0.3f, 0), new Point2D.Float(x + size * 0.3f, 0),
                new float[] {0f, 1f}, new Color[] {Rgb.color(Rgb.scale(pot, 1.1f)), Rgb.color(Rgb.scale(pot, 0.7f))}));
        g.fill(body);
        int leaf = lit(0x3f8a44, x, base - size);
        for (int i = 0; i < 9; i++) {
            double angle = -Math.PI / 2 + r.range(-1.1f, 1.1f);
            float len = size * r.range(0.6f, 1.1f);
            AffineTransform old = g.getTransform();
            g.translate(x, base - size * 0.45f);
            g.rotate(angle + Math.PI / 2);
            g.setColor(Rgb.color(Rgb.scale(leaf, r.range(0.75f, 1.2f))));
            g.fill(new Ellipse2D.Float(-size * 0.1f, -len, size * 0.2f, len));
            g.setTransform(old);
        }
    }

    private void picture() {
        Rng r = rng.fork("picture");
        boolean right = winX + winW / 2 < w / 2f;
        float pw = u * r.range(0.14f, 0.2f);
        float ph = pw * r.range(0.7f, 1.2f);
        float px0 = right ? Math.min(w - pw - w * 0.05f, winX + winW + w * 0.1f) : Math.max(w * 0.05f, winX - pw - w * 0.1f);
        if (px0 < 0 || px0 + pw > w) return;
        if (!right && px0 + pw > winX - u * 0.08f) return;
        if (right && px0 < winX + winW + u * 0.08f) return;
        float py0 = winY + winH * 0.05f;
        if (spec.has(Thing.BOOKS)) py0 = winY - u * 0.02f;
        int frame = lit(r.pick(new int[] {0x3a2a20, 0xc8a050, 0x1e1e22}), px0, py0);
        g.setColor(Rgb.color(frame));
        g.fill(new Rectangle2D.Float(px0 - u * 0.012f, py0 - u * 0.012f, pw + u * 0.024f, ph * 0.5f + u * 0.024f));
        float phh = ph * 0.5f;
        int sky = lit(r.pick(new int[] {0xe8b080, 0x90b8d8, 0xd8d0a0}), px0, py0);
        int hill = lit(r.pick(new int[] {0x4a7a50, 0x6a5a8a, 0x9a6a40}), px0, py0);
        g.setPaint(new LinearGradientPaint(new Point2D.Float(0, py0), new Point2D.Float(0, py0 + phh), new float[] {0f, 1f},
                new Color[] {Rgb.color(sky), Rgb.color(Rgb.scale(sky, 0.8f))}));
        g.fill(new Rectangle2D.Float(px0, py0, pw, phh));
        g.setColor(Rgb.color(Rgb.mix(sky, 0xfff8e0, 0.6f)));
        g.fill(new Ellipse2D.Float(px0 + pw * 0.6f, py0 + phh * 0.2f, pw * 0.15f, pw * 0.15f));
        Path2D hills = new Path2D.Float();
        hills.moveTo(px0, py0 + phh);
        hills.quadTo(px0 + pw * 0.3f, py0 + phh * 0.35f, px0 + pw * 0.6f, py0 + phh * 0.7f);
        hills.quadTo(px0 + pw * 0.8f, py0 + phh * 0.5f, px0 + pw, py0 + phh * 0.65f);
        hills.lineTo(px0 + pw, py0 + phh);
        hills.closePath();
        g.setColor(Rgb.color(hill));
        g.fill(hills);
    }

    private void desk() {
        Rng r = rng.fork("desk");
        int wood = r.pick(new int[] {0x8a5a34, 0x6a4228, 0xa8784a, 0x5a3a26});
        float top = u * 0.035f;
        float depth = h * 0.06f;
        float cx = (deskX0 + deskX1) / 2;
        int surface = lit(wood, cx, deskY);
        int front = Rgb.scale(lit(wood, cx, deskY + top), 0.72f);
        // Top surface, seen from slightly above.
        Path2D plane = new Path2D.Float();
        plane.moveTo(deskX0 + u * 0.03f, deskY - depth);
        plane.lineTo(deskX1 - u * 0.03f, deskY - depth);
        plane.lineTo(deskX1, deskY);
        plane.lineTo(deskX0, deskY);
        plane.closePath();
        g.setPaint(new LinearGradientPaint(new Point2D.Float(0, deskY - depth), new Point2D.Float(0, deskY), new float[] {0f, 1f},
                new Color[] {Rgb.color(Rgb.scale(surface, 0.85f)), Rgb.color(surface)}));
        g.fill(plane);
        // Grain lines.
        g.setStroke(new BasicStroke(Math.max(1f, u * 0.0012f)));
        for (int i = 0; i < 26; i++) {
            float t = r.nextFloat();
            float y = deskY - depth * t;
            g.setColor(Rgb.color(Rgb.scale(surface, r.range(0.7f, 0.9f)), 0.5f));
            float xa = deskX0 + u * 0.03f * t + r.range(0, 0.3f) * (deskX1 - deskX0);
            g.draw(new QuadCurve2D.Float(xa, y, xa + u * 0.1f, y + r.range(-1, 1) * depth * 0.05f, xa + r.range(0.1f, 0.4f) * (deskX1 - deskX0), y));
        }
        g.setColor(Rgb.color(front));
        g.fill(new Rectangle2D.Float(deskX0, deskY, deskX1 - deskX0, top));
        // Drawers and legs.
        int body = Rgb.scale(lit(wood, cx, deskY + h * 0.1f), 0.6f);
        float legW = u * 0.035f;
        g.setColor(Rgb.color(body));
        g.fill(new Rectangle2D.Float(deskX0 + u * 0.01f, deskY + top, legW, h - deskY));
        g.fill(new Rectangle2D.Float(deskX1 - u * 0.01f - legW, deskY + top, legW, h - deskY));
        float drawerW = (deskX1 - deskX0) * 0.3f;
        float dx0 = deskX1 - u * 0.01f - legW - drawerW;
        g.fill(new Rectangle2D.Float(dx0, deskY + top, drawerW, h * 0.14f));
        g.setColor(Rgb.color(Rgb.scale(body, 0.7f)));
        g.setStroke(new BasicStroke(Math.max(1f, u * 0.002f)));
        g.draw(new Line2D.Float(dx0, deskY + top + h * 0.07f, dx0 + drawerW, deskY + top + h * 0.07f));
        g.setColor(Rgb.color(lit(0xc8a050, dx0, deskY)));
        g.fill(new RoundRectangle2D.Float(dx0 + drawerW / 2 - u * 0.02f, deskY + top + h * 0.03f, u * 0.04f, u * 0.008f, 3, 3));
        g.fill(new RoundRectangle2D.Float(dx0 + drawerW / 2 - u * 0.02f, deskY + top + h * 0.1f, u * 0.04f, u * 0.008f, 3, 3));
        // Things on the desk.
        float lampX = lamps.isEmpty() ? -1 : lamps.get(0)[0];
        float span = deskX1 - deskX0;
        if (spec.has(Thing.COMPUTER) || spec.has(Setting.OFFICE) && !spec.has(Thing.BOOKS) && r.chance(0.5f)) {
            monitor(deskX0 + span * 0.5f, deskY - depth * 0.5f, u * 0.34f);
        }
        if (spec.has(Thing.BOOKS) || r.chance(0.5f)) {
            float bx = lampX > cx ? deskX0 + span * 0.12f : deskX0 + span * 0.6f;
            bookStack(bx, deskY - depth * 0.3f, u * 0.16f, r);
            if (spec.has(Thing.BOOKS)) openBook(deskX0 + span * 0.4f, deskY - depth * 0.35f, u * 0.2f, r);
        }
        if (spec.has(Thing.CUP) || r.chance(0.4f)) mug(deskX0 + span * (lampX > cx ? 0.62f : 0.3f), deskY - depth * 0.2f, u * 0.05f, r);
        if (spec.has(Thing.PLANT) || r.chance(0.3f)) plant(deskX0 + span * (lampX > cx ? 0.05f : 0.95f), deskY - depth * 0.4f, u * 0.1f, r);
        if (!lamps.isEmpty()) deskLamp(lamps.get(0), deskY - depth * 0.45f);
        // Chair back in the foreground.
        if (r.chance(0.5f)) {
            int chair = Rgb.scale(lit(0x3a2a22, cx, h), 0.8f);
            float chx = cx + span * r.range(-0.15f, 0.15f);
            g.setColor(Rgb.color(chair));
            g.fill(new RoundRectangle2D.Float(chx - u * 0.14f, h - h * 0.18f, u * 0.28f, h * 0.2f, u * 0.05f, u * 0.05f));
        }
    }

    private void monitor(float x, float base, float size) {
        float mw = size;
        float mh = size * 0.58f;
        int frame = lit(0x1e1f24, x, base);
        g.setColor(Rgb.color(frame));
        g.fill(new Rectangle2D.Float(x - size * 0.04f, base - size * 0.12f, size * 0.08f, size * 0.12f));
        g.fill(new RoundRectangle2D.Float(x - size * 0.16f, base - size * 0.02f, size * 0.32f, size * 0.03f, 4, 4));
        g.fill(new RoundRectangle2D.Float(x - mw / 2, base - size * 0.12f - mh, mw, mh, size * 0.02f, size * 0.02f));
        float sx = x - mw / 2 + size * 0.02f;
        float sy = base - size * 0.12f - mh + size * 0.02f;
        float sw = mw - size * 0.04f;
        float sh = mh - size * 0.04f;
        g.setPaint(new LinearGradientPaint(new Point2D.Float(sx, sy), new Point2D.Float(sx + sw, sy + sh), new float[] {0f, 1f},
                new Color[] {new Color(0x2a4a7a), new Color(0x4a7ab0)}));
        g.fill(new Rectangle2D.Float(sx, sy, sw, sh));
        Rng r = rng.fork("screen");
        g.setColor(new Color(230, 238, 255, 200));
        for (int i = 0; i < 9; i++) {
            float ly = sy + sh * (0.12f + i * 0.09f);
            float lw = sw * r.range(0.3f, 0.8f);
            g.fill(new Rectangle2D.Float(sx + sw * 0.08f, ly, lw, sh * 0.03f));
        }
        cv.glow(x, sy + sh / 2, size * 0.4f, 0x6a9ad0, dark ? 0.25f : 0.08f, 3);
    }

    private void bookStack(float x, float base, float width, Rng r) {
        int[] covers = {0x7a2a22, 0x2a3a6a, 0x3a5a3a, 0x8a6a3a, 0x4a2a4a};
        float y = base;
        int n = 2 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            float bw = width * r.range(0.8f, 1f);
            float bh = width * r.range(0.1f, 0.16f);
            float off = r.range(-0.06f, 0.06f) * width;
            int c = lit(covers[r.nextInt(covers.length)], x, y);
            g.setColor(Rgb.color(c));
            g.fill(new RoundRectangle2D.Float(x - bw / 2 + off, y - bh, bw, bh, bh * 0.3f, bh * 0.3f));
            g.setColor(Rgb.color(lit(0xeee4cc, x, y)));
            g.fill(new Rectangle2D.Float(x - bw / 2 + off + bw * 0.04f, y - bh * 0.78f, bw * 0.92f, bh * 0.56f));
            g.setColor(Rgb.color(Rgb.scale(lit(0xeee4cc, x, y), 0.8f)));
            for (int k = 1; k < 4; k++) {
                float ly = y - bh * 0.78f + bh * 0.14f * k;
                g.draw(new Line2D.Float(x - bw / 2 + off + bw * 0.04f, ly, x + bw / 2 + off - bw * 0.04f, ly));
            }
            y -= bh;
        }
    }

    private void openBook(float x, float base, float width, Rng r) {
        int page = lit(0xf2ead4, x, base);
        int cover = lit(0x5a3222, x, base);
        float bh = width * 0.22f;
        Path2D back = new Path2D.Float();
        back.moveTo(x - width / 2 - width * 0.03f, base + width * 0.01f);
        back.lineTo(x + width / 2 + width * 0.03f, base + width * 0.01f);
        back.lineTo(x + width / 2, base - bh);
        back.lineTo(x - width / 2, base - bh);
        back.closePath();
        g.setColor(Rgb.color(cover));
        g.fill(back);
        for (int side = -1; side <= 1; side += 2) {
            Path2D sheet = new Path2D.Float();
            sheet.moveTo(x, base - bh * 0.05f);
            sheet.quadTo(x + side * width * 0.25f, base + bh * 0.08f, x + side * width * 0.49f, base - bh * 0.02f);
            sheet.lineTo(x + side * width * 0.47f, base - bh * 0.95f);
            sheet.quadTo(x + side * width * 0.25f, base - bh * 1.02f, x, base - bh * 0.92f);
            sheet.closePath();
            g.setPaint(new LinearGradientPaint(new Point2D.Float(x, 0), new Point2D.Float(x + side * width * 0.5f, 0),
                    new float[] {0f, 0.2f, 1f}, new Color[] {Rgb.color(Rgb.scale(page, 0.75f)), Rgb.color(page), Rgb.color(Rgb.scale(page, 0.95f))}));
            g.fill(sheet);
            g.setColor(Rgb.color(lit(0x3a3a4a, x, base), 0.55f));
            g.setStroke(new BasicStroke(Math.max(1f, width * 0.004f)));
            for (int k = 0; k < 7; k++) {
                float ly = base - bh * (0.8f - k * 0.1f);
                float a = x + side * width * 0.06f;
                float b = x + side * width * r.range(0.3f, 0.42f);
                g.draw(new Line2D.Float(Math.min(a, b), ly, Math.max(a, b), ly));
            }
        }
    }

    private void mug(float x, float base, float size, Rng r) {
        int colour = lit(r.pick(new int[] {0xf0ece4, 0x2a5a8a, 0xc84a3a, 0xe8c84a}), x, base);
        g.setColor(Rgb.color(colour));
        g.setStroke(new BasicStroke(size * 0.12f));
        g.draw(new Arc2D.Float(x + size * 0.3f, base - size * 0.75f, size * 0.45f, size * 0.45f, -90, 180, Arc2D.OPEN));
        g.setPaint(new LinearGradientPaint(new Point2D.Float(x - size * 0.4f, 0), new Point2D.Float(x + size * 0.4f, 0),
                new float[] {0f, 0.35f, 1f}, new Color[] {Rgb.color(Rgb.scale(colour, 0.8f)), Rgb.color(Rgb.scale(colour, 1.1f)),
                        Rgb.color(Rgb.scale(colour, 0.65f))}));
        g.fill(new RoundRectangle2D.Float(x - size * 0.4f, base - size, size * 0.8f, size, size * 0.15f, size * 0.15f));
        g.setColor(Rgb.color(lit(0x3a2418, x, base)));
        g.fill(new Ellipse2D.Float(x - size * 0.36f, base - size * 1.04f, size * 0.72f, size * 0.14f));
        g.setColor(new Color(255, 255, 255, 50));
        g.setStroke(new BasicStroke(Math.max(1f, size * 0.05f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 2; i++) {
            float sx = x - size * 0.1f + i * size * 0.2f;
            Path2D steam = new Path2D.Float();
            steam.moveTo(sx, base - size * 1.1f);
            steam.quadTo(sx - size * 0.2f, base - size * 1.4f, sx, base - size * 1.7f);
            steam.quadTo(sx + size * 0.2f, base - size * 2f, sx, base - size * 2.3f);
            g.draw(steam);
        }
    }

    private void deskLamp(float[] lamp, float base) {
        float x = lamp[0];
        float size = u * 0.32f;
        int metal = lit(rngColour(), x, base);
        g.setColor(Rgb.color(metal));
        g.fill(new Ellipse2D.Float(x - size * 0.16f, base - size * 0.05f, size * 0.32f, size * 0.08f));
        g.setStroke(new BasicStroke(size * 0.025f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        float side = x > w / 2f ? -1 : 1;
        float ex = x - side * size * 0.12f;
        float ey = base - size * 0.55f;
        float hx = x + side * size * 0.18f;
        float hy = base - size * 0.72f;
        g.draw(new Line2D.Float(x, base - size * 0.02f, ex, ey));
        g.draw(new Line2D.Float(ex, ey, hx, hy));
        AffineTransform old = g.getTransform();
        g.translate(hx, hy);
        g.rotate(side * 0.5);
        Path2D shade = new Path2D.Float();
        shade.moveTo(-size * 0.06f, -size * 0.04f);
        shade.lineTo(size * 0.06f, -size * 0.04f);
        shade.lineTo(size * 0.16f, size * 0.14f);
        shade.lineTo(-size * 0.16f, size * 0.14f);
        shade.closePath();
        g.setPaint(new LinearGradientPaint(new Point2D.Float(-size * 0.16f, 0), new Point2D.Float(size * 0.16f, 0),
                new float[] {0f, 0.5f, 1f}, new Color[] {Rgb.color(Rgb.scale(metal, 0.7f)), Rgb.color(Rgb.scale(metal, 1.2f)),
                        Rgb.color(Rgb.scale(metal, 0.6f))}));
        g.fill(shade);
        g.setColor(new Color(0xfff2c8));
        g.fill(new Ellipse2D.Float(-size * 0.15f, size * 0.11f, size * 0.3f, size * 0.06f));
        g.setTransform(old);
        lamp[0] = hx + side * size * 0.07f;
        lamp[1] = hy + size * 0.12f;
        // The pool of light on the desk.
        g.setPaint(new RadialGradientPaint(new Point2D.Float(lamp[0] + side * size * 0.1f, base), size * 0.5f, new float[] {0f, 1f},
                new Color[] {new Color(255, 226, 160, dark ? 90 : 40), new Color(255, 226, 160, 0)}));
        g.fill(new Ellipse2D.Float(lamp[0] + side * size * 0.1f - size * 0.5f, base - size * 0.12f, size, size * 0.24f));
    }

    private int rngColour() {
        return rng.fork("lampcolour").pick(new int[] {0x2a4a3a, 0x8a2a22, 0xc8a050, 0x2a2a30, 0x3a5a8a});
    }

    private void counter() {
        Rng r = rng.fork("kitchen");
        int stone = r.pick(new int[] {0xe8e4dc, 0x3a3a3e, 0xb8a890, 0xd0d4d8});
        int doors = r.pick(new int[] {0x5a7a6a, 0xf0ece4, 0x3a4a6a, 0x9a7a5a});
        float top = h * 0.03f;
        int slab = lit(stone, w / 2f, deskY);
        g.setPaint(new LinearGradientPaint(new Point2D.Float(0, deskY - top), new Point2D.Float(0, deskY), new float[] {0f, 1f},
                new Color[] {Rgb.color(Rgb.scale(slab, 0.9f)), Rgb.color(slab)}));
        g.fill(new Rectangle2D.Float(0, deskY - top, w, top));
        g.setColor(Rgb.color(Rgb.scale(slab, 0.75f)));
        g.fill(new Rectangle2D.Float(0, deskY, w, top * 0.4f));
        int door = lit(doors, w / 2f, deskY + h * 0.15f);
        float doorW = u * 0.22f;
        for (float x = 0; x < w; x += doorW) {
            g.setColor(Rgb.color(Rgb.scale(door, 0.92f)));
            g.fill(new Rectangle2D.Float(x + 2, deskY + top * 0.4f + 2, doorW - 4, h));
            g.setColor(Rgb.color(Rgb.scale(door, 1.08f)));
            g.setStroke(new BasicStroke(Math.max(1f, u * 0.003f)));
            g.draw(new Rectangle2D.Float(x + doorW * 0.1f, deskY + h * 0.04f, doorW * 0.8f, h * 0.5f));
            g.setColor(Rgb.color(lit(0xb8b8c0, x, deskY)));
            g.fill(new RoundRectangle2D.Float(x + doorW * 0.42f, deskY + h * 0.06f, doorW * 0.16f, u * 0.01f, 4, 4));
        }
        // Things on the counter: a bowl of fruit, jars, a plant, a kettle.
        float x = w * r.range(0.08f, 0.2f);
        float base = deskY - top;
        float bowl = u * 0.14f;
        int[] fruit = {0xd83a2a, 0xf0a030, 0xe8d040, 0x7ab040};
        for (int i = 0; i < 6; i++) {
            float fx = x + bowl * r.range(-0.35f, 0.35f);
            float fy = base - bowl * 0.3f - bowl * r.range(0, 0.25f);
            float fr = bowl * r.range(0.12f, 0.17f);
            int fc = lit(fruit[r.nextInt(fruit.length)], fx, fy);
            g.setPaint(new RadialGradientPaint(new Point2D.Float(fx - fr * 0.3f, fy - fr * 0.3f), fr * 1.3f, new float[] {0f, 1f},
                    new Color[] {Rgb.color(Rgb.scale(fc, 1.25f)), Rgb.color(Rgb.scale(fc, 0.7f))}));
            g.fill(new Ellipse2D.Float(fx - fr, fy - fr, fr * 2, fr * 2));
        }
        int bowlColour = lit(0xf0ece0, x, base);
        g.setColor(Rgb.color(bowlColour));
        g.fill(new Arc2D.Float(x - bowl / 2, base - bowl * 0.6f, bowl, bowl * 0.6f, 180, 180, Arc2D.CHORD));
        float jx = w * r.range(0.55f, 0.7f);
        for (int i = 0; i < 3; i++) {
            float jw = u * 0.05f;
            float jh = u * r.range(0.07f, 0.11f);
            float xx = jx + i * jw * 1.2f;
            int glass = lit(0xd8e4e0, xx, base);
            g.setColor(Rgb.color(glass, 0.85f));
            g.fill(new RoundRectangle2D.Float(xx, base - jh, jw, jh, jw * 0.3f, jw * 0.3f));
            g.setColor(Rgb.color(lit(r.pick(new int[] {0xc89a50, 0x8a5a30, 0xe8d8b0}), xx, base)));
            g.fill(new RoundRectangle2D.Float(xx + jw * 0.1f, base - jh * 0.6f, jw * 0.8f, jh * 0.55f, jw * 0.2f, jw * 0.2f));
            g.setColor(Rgb.color(lit(0x5a3a2a, xx, base)));
            g.fill(new Rectangle2D.Float(xx + jw * 0.05f, base - jh - jw * 0.15f, jw * 0.9f, jw * 0.18f));
        }
        plant(w * r.range(0.8f, 0.92f), base, u * 0.12f, r);
        if (spec.has(Thing.CUP)) mug(w * 0.4f, base, u * 0.05f, r);
        // A pendant lamp over the counter.
        if (!lamps.isEmpty()) {
            float[] l = lamps.get(0);
            int metal = lit(0x2a2a30, l[0], l[1]);
            g.setColor(Rgb.color(metal));
            g.setStroke(new BasicStroke(Math.max(1f, u * 0.002f)));
            g.draw(new Line2D.Float(l[0], 0, l[0], l[1] - u * 0.04f));
            Path2D shade = new Path2D.Float();
            shade.moveTo(l[0] - u * 0.02f, l[1] - u * 0.045f);
            shade.lineTo(l[0] + u * 0.02f, l[1] - u * 0.045f);
            shade.lineTo(l[0] + u * 0.07f, l[1]);
            shade.lineTo(l[0] - u * 0.07f, l[1]);
            shade.closePath();
            g.fill(shade);
            g.setColor(new Color(0xfff2c8));
            g.fill(new Ellipse2D.Float(l[0] - u * 0.06f, l[1] - u * 0.008f, u * 0.12f, u * 0.016f));
            l[1] += u * 0.01f;
        }
    }

    private void lampGlows() {
        for (float[] l : lamps) {
            cv.glow(l[0], l[1], u * 0.03f, 0xffd490, dark ? 1.2f : 0.5f, 10);
        }
    }
}
