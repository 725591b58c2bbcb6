package dev.reelwright.local.keyframe;

import dev.reelwright.local.keyframe.SceneSpec.Setting;
import dev.reelwright.local.keyframe.SceneSpec.Thing;
import dev.reelwright.local.keyframe.SceneSpec.Time;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.List;

/** The things a prompt names, drawn with Java2D on top of the painted land: lighthouses, trees, houses, boats... */
final class Props {
    private final OutdoorPainter p;
    private final Graphics2D g;
    private final Look look;
    private final Rng rng;
    private final float u;
    private final int w;
    private final int h;
    private final boolean dark;
    private final boolean dusk;
    private final List<float[]> taken = new ArrayList<>();

    Props(OutdoorPainter painter, Graphics2D g) {
        this.p = painter;
        this.g = g;
        this.look = painter.look;
        this.rng = painter.rng.fork("props");
        this.u = painter.u;
        this.w = painter.w;
        this.h = painter.h;
        this.dark = painter.spec.time == Time.NIGHT;
        this.dusk = painter.spec.time == Time.SUNSET || painter.spec.time == Time.DAWN || dark;
    }

    private boolean has(Thing t) {
        return p.spec.has(t);
    }

    private int count(Thing t, int one, int many) {
        return p.spec.plural.contains(t) ? many : one;
    }

    /** The thing the shot is about: drawn large in a close-up. */
    private Thing main() {
        for (Thing t : new Thing[] {Thing.LIGHTHOUSE, Thing.LAMP, Thing.HOUSE, Thing.TREE, Thing.BOAT, Thing.SHIP, Thing.PERSON,
                Thing.TOWER}) {
            if (has(t)) return t;
        }
        return null;
    }

    private float scaleFor(Thing t) {
        float s = p.spec.closeUp && main() == t ? 2.0f : 1f;
        return p.spec.aerial ? s * 0.6f : s;
    }

    void paintDistant() {
        if (has(Thing.BIRDS)) birds();
        if (p.waterTop == p.waterTop && (has(Thing.BOAT) || has(Thing.SHIP))) boats(0.6f);
    }

    void paint() {
        if (has(Thing.BRIDGE)) bridge();
        if (has(Thing.TOWER)) tower();
        if (has(Thing.LIGHTHOUSE)) lighthouse();
        boolean village = p.spec.has(Setting.VILLAGE);
        if (has(Thing.HOUSE) || village) houses(village ? 4 + rng.nextInt(4) : count(Thing.HOUSE, 1, 3 + rng.nextInt(2)));
        if (has(Thing.BOAT) || has(Thing.SHIP)) boats(1f);
        if (has(Thing.ROAD)) road();
        if (has(Thing.ROCKS) || p.spec.has(Setting.CLIFF) && p.headland != null) rocks();
        if (has(Thing.TREE) && !p.spec.has(Setting.FOREST)) trees(count(Thing.TREE, 1, 3));
        else if (has(Thing.TREE)) trees(2);
        else if (p.spec.has(Setting.FIELD) && rng.chance(0.5f)) trees(1);
        else if (p.spec.has(Setting.SNOW) && p.near != null) trees(2 + rng.nextInt(2));
        if (has(Thing.LAMP)) lamps();
        if (has(Thing.PERSON)) person();
        if (has(Thing.BIRDS)) birds();
        boolean grassy = p.near != null && !p.sandy && !p.spec.has(Setting.CITY) && !p.spec.has(Setting.DESERT) && !p.spec.has(Setting.SNOW);
        if (grassy) grass();
        if (grassy && (has(Thing.FLOWERS) || p.spec.has(Setting.FIELD) && rng.chance(0.5f))) flowers();
        if (p.spec.has(Setting.DESERT) && p.near != null) cacti();
    }

    // ---------------------------------------------------------------- placement

    /** A column for a thing of half-width {@code half} on standable land, away from things already placed. */
    private float place(float half, float from, float to) {
        float best = -1;
        float bestScore = -Float.MAX_VALUE;
        for (int i = 0; i < 24; i++) {
            float x = w * rng.range(from, to);
            if (p.groundAt(x) == null) continue;
            float score = 0;
            for (float[] t : taken) {
                float gap = Math.abs(x - t[0]) - half - t[1];
                score += Math.min(0, gap) * 4;
            }
            score -= Math.abs(x - w / 2f) * 0.01f;
            score += rng.nextFloat() * u * 0.05f;
            if (score > bestScore) {
                bestScore = score;
                best = x;
            }
        }
        if (best >= 0) taken.add(new float[] {best, half});
        return best;
    }

    private int lit(int base, float distance) {
        return look.lit(base, distance);
    }

    private Color c(int rgb) {
        return Rgb.color(rgb);
    }

    private Color c(int rgb, float a) {
        return Rgb.color(rgb, a);
    }

    /** A horizontal gradient across a shape's width: the lit side toward the light, the far side in shade. */
    private void shaded(Shape s, int colour, float distance, float shadow) {
        Rectangle2D b = s.getBounds2D();
        int litSide = lit(colour, distance);
        int shade = Rgb.scale(litSide, shadow);
        int high = Rgb.mix(litSide, Rgb.mix(0xffffff, look.light, 0.5f), 0.25f * Math.min(1, look.ambient));
        Color left = c(p.lightSide < 0 ? high : shade);
        Color right = c(p.lightSide < 0 ? shade : high);
        float x0 = (float) b.getMinX();
        float x1 = (float) Math.max(b.getMaxX(), x0 + 0.5);
        g.setPaint(new LinearGradientPaint(new Point2D.Float(x0, 0), new Point2D.Float(x1, 0), new float[] {0f, 0.5f, 1f},
                new Color[] {left, c(Rgb.mix(litSide, shade, 0.3f)), right}));
        g.fill(s);
    }

    private void glowAt(float x, float y, float radius, int colour, float strength) {
        p.cv.glow(p.ox + x, p.oy + y, radius, colour, strength, 8);
    }

    // ---------------------------------------------------------------- lighthouse

    private void lighthouse() {
        float x;
        float ground;
        float size;
        if (p.headland != null) {
            x = p.headlandTip + (p.headlandLeft ? -1 : 1) * w * 0.06f;
            ground = p.headland.at(x);
            size = h * 0.3f;
        } else {
            x = place(u * 0.05f, 0.2f, 0.8f);
            if (x < 0) x = w * 0.5f;
            Land land = p.groundAt(x);
            ground = land != null ? land.at(x) : p.horizon;
            size = h * (0.15f + 0.25f * (land != null ? land.depth : 0.3f));
        }
        size *= scaleFor(Thing.LIGHTHOUSE);
        if (p.spec.closeUp && main() == Thing.LIGHTHOUSE) ground = Math.max(ground, h * 0.78f);
        if (p.spec.closeUp && main() == Thing.LIGHTHOUSE && p.headland == null) x = w * 0.5f;
        taken.add(new float[] {x, size * 0.15f});
        float bw = size * 0.24f;
        float tw = size * 0.15f;
        float bodyTop = ground - size * 0.78f;
        Path2D body = new Path2D.Float();
        body.moveTo(x - bw / 2, ground + 2);
        body.lineTo(x + bw / 2, ground + 2);
        body.lineTo(x + tw / 2, bodyTop);
        body.lineTo(x - tw / 2, bodyTop);
        body.closePath();
        shaded(body, 0xf2efe8, 0.1f, 0.55f);
        Shape clip = g.getClip();
        g.clip(body);
        int red = 0xb8322a;
        for (float[] band : new float[][] {{0.12f, 0.28f}, {0.44f, 0.6f}, {0.76f, 0.92f}}) {
            float y0 = ground - size * 0.78f * band[1];
            float y1 = ground - size * 0.78f * band[0];
            shaded(new Rectangle2D.Float(x - bw, y0, bw * 2, y1 - y0), red, 0.1f, 0.5f);
        }
        g.setClip(clip);
        // Door and small windows.
        g.setColor(c(lit(0x3a2a22, 0.1f)));
        g.fill(new RoundRectangle2D.Float(x - bw * 0.12f, ground - size * 0.08f, bw * 0.24f, size * 0.08f + 2, bw * 0.2f, bw * 0.2f));
        int windowColour = dusk ? 0xffd27a : lit(0x2a3440, 0.1f);
        for (float k : new float[] {0.36f, 0.68f}) {
            float wy = ground - size * 0.78f * k;
            g.setColor(c(windowColour));
            g.fill(new Rectangle2D.Float(x - tw * 0.08f, wy - size * 0.02f, tw * 0.16f, size * 0.035f));
        }
        // Gallery, lantern room, roof.
        float gy = bodyTop;
        shaded(new Rectangle2D.Float(x - tw * 0.75f, gy - size * 0.025f, tw * 1.5f, size * 0.03f), 0x2a2a2e, 0.1f, 0.6f);
        g.setColor(c(lit(0x202024, 0.1f)));
        g.setStroke(new BasicStroke(Math.max(1f, size * 0.004f)));
        for (int i = 0; i <= 6; i++) {
            float rx = x - tw * 0.7f + i * tw * 1.4f / 6;
            g.draw(new Line2D.Float(rx, gy - size * 0.025f, rx, gy - size * 0.06f));
        }
        g.draw(new Line2D.Float(x - tw * 0.72f, gy - size * 0.06f, x + tw * 0.72f, gy - size * 0.06f));
        float ly0 = gy - size * 0.14f;
        float lampX = x;
        float lampY = gy - size * 0.09f;
        boolean on = dusk || has(Thing.BEAM);
        int glass = on ? 0xfff2c0 : Rgb.mix(look.upper, 0xe8e8d8, 0.5f);
        g.setColor(c(glass));
        g.fill(new Rectangle2D.Float(x - tw * 0.4f, ly0, tw * 0.8f, size * 0.11f));
        g.setColor(c(lit(0x1c1c20, 0.1f)));
        for (int i = 0; i <= 3; i++) {
            float mx = x - tw * 0.4f + i * tw * 0.8f / 3;
            g.draw(new Line2D.Float(mx, ly0, mx, ly0 + size * 0.11f));
        }
        Path2D roof = new Path2D.Float();
        roof.moveTo(x - tw * 0.55f, ly0 + 1);
        roof.quadTo(x - tw * 0.35f, ly0 - size * 0.07f, x, ly0 - size * 0.085f);
        roof.quadTo(x + tw * 0.35f, ly0 - size * 0.07f, x + tw * 0.55f, ly0 + 1);
        roof.closePath();
        shaded(roof, 0x8a2620, 0.1f, 0.5f);
        g.setColor(c(lit(0x202020, 0.1f)));
        g.draw(new Line2D.Float(x, ly0 - size * 0.085f, x, ly0 - size * 0.12f));
        if (on) {
            float reach = w * 0.9f;
            float spread = size * 0.05f;
            float[] dirs = {p.headlandLeft || p.headland == null ? 1 : -1, p.headlandLeft || p.headland == null ? -0.45f : 0.45f};
            for (float dir : dirs) {
                float len = reach * Math.abs(dir);
                float sign = Math.signum(dir);
                float endY = lampY + len * 0.08f;
                Path2D beam = new Path2D.Float();
                beam.moveTo(lampX, lampY - size * 0.012f);
                beam.lineTo(lampX + sign * len, endY - spread * 3);
                beam.lineTo(lampX + sign * len, endY + spread * 3);
                beam.lineTo(lampX, lampY + size * 0.012f);
                beam.closePath();
                g.setPaint(new LinearGradientPaint(new Point2D.Float(lampX, lampY), new Point2D.Float(lampX + sign * len, endY),
                        new float[] {0f, 1f}, new Color[] {c(0xfff4cc, dark ? 0.5f : 0.3f), c(0xfff4cc, 0f)}));
                g.fill(beam);
            }
            glowAt(lampX, lampY, size * 0.035f, 0xffe8a8, dark ? 1.6f : 1.0f);
        }
        // Keeper's cottage at the foot.
        if (p.headland != null && size > h * 0.2f) {
            float cx = x + (p.headlandLeft ? -1 : 1) * size * 0.32f;
            house(cx, p.headland.at(cx), size * 0.28f, 0xefe6d6, 0x7a3a2a, 0.1f);
        }
    }

    // ---------------------------------------------------------------- houses

    private void houses(int n) {
        int[] walls = {0xeae0c8, 0xd9c2a2, 0xf2ece4, 0xcaa888, 0xbcccd4, 0xe0c8b8, 0xd8d0b0};
        int[] roofs = {0x8a3a2a, 0x5a4a4a, 0x3a4a5a, 0x7a5030, 0x6a2c24};
        float from = 0.1f, to = 0.9f;
        if (p.headland != null) {
            from = p.headlandLeft ? 0.02f : (p.headlandTip / w + 0.05f);
            to = p.headlandLeft ? (p.headlandTip / w - 0.05f) : 0.98f;
        }
        for (int i = 0; i < n; i++) {
            Land land;
            float x = place(u * 0.06f, from, to);
            if (x < 0) return;
            land = p.groundAt(x);
            float size = u * (0.05f + 0.13f * land.depth) * (n > 3 ? 0.7f : 1f) * scaleFor(Thing.HOUSE);
            float y = land.at(x);
            if (land.depth > 0.8f) y += size * 0.15f;
            house(x, y, size, walls[rng.nextInt(walls.length)], roofs[rng.nextInt(roofs.length)], 1 - land.depth);
        }
    }

    private void house(float x, float y, float size, int wall, int roofColour, float distance) {
        float fw = size;
        float fh = size * 0.55f;
        float side = size * 0.45f;
        float dir = -p.lightSide;
        float fx0 = dir > 0 ? x - fw / 2 : x - fw / 2 + side;
        float gx0 = dir > 0 ? fx0 + fw : fx0 - side;
        // Front (long) wall and gable end.
        shaded(new Rectangle2D.Float(fx0, y - fh, fw, fh + 2), wall, distance, 0.85f);
        Path2D gable = new Path2D.Float();
        float gx1 = gx0 + side;
        gable.moveTo(gx0, y + 2);
        gable.lineTo(gx1, y + 2);
        gable.lineTo(gx1, y - fh);
        gable.lineTo((gx0 + gx1) / 2, y - fh - size * 0.32f);
        gable.lineTo(gx0, y - fh);
        gable.closePath();
        g.setColor(c(Rgb.scale(lit(wall, distance), 0.68f)));
        g.fill(gable);
        // Roof over the long wall.
        Path2D roof = new Path2D.Float();
        float peakY = y - fh - size * 0.32f;
        float near = dir > 0 ? fx0 + fw : fx0;
        float farEdge = dir > 0 ? fx0 - size * 0.04f : fx0 + fw + size * 0.04f;
        float mid = (gx0 + gx1) / 2;
        float shift = mid - near;
        roof.moveTo(farEdge, y - fh + size * 0.03f);
        roof.lineTo(near + (dir > 0 ? 0 : 0), y - fh + size * 0.03f);
        roof.lineTo(near + shift, peakY);
        roof.lineTo(farEdge + shift, peakY);
        roof.closePath();
        shaded(roof, roofColour, distance, 0.7f);
        // Chimney.
        float chx = fx0 + fw * rng.range(0.2f, 0.7f);
        shaded(new Rectangle2D.Float(chx, peakY - size * 0.05f, size * 0.08f, size * 0.2f), 0x8a5a48, distance, 0.7f);
        // Windows and door.
        boolean glowing = dusk && rng.chance(dark ? 0.85f : 0.6f);
        int pane = glowing ? 0xffd27a : Rgb.mix(look.upper, 0x2a3440, 0.5f);
        float ww = size * 0.12f;
        float wh = size * 0.15f;
        int frame = lit(0xf4f0e8, distance);
        for (int i = 0; i < 2; i++) {
            float wx = fx0 + fw * (i == 0 ? 0.18f : 0.62f);
            float wy = y - fh * 0.72f;
            g.setColor(c(frame));
            g.fill(new Rectangle2D.Float(wx - size * 0.012f, wy - size * 0.012f, ww + size * 0.024f, wh + size * 0.024f));
            g.setColor(c(pane));
            g.fill(new Rectangle2D.Float(wx, wy, ww, wh));
            g.setColor(c(frame));
            g.setStroke(new BasicStroke(Math.max(1f, size * 0.012f)));
            g.draw(new Line2D.Float(wx + ww / 2, wy, wx + ww / 2, wy + wh));
            g.draw(new Line2D.Float(wx, wy + wh / 2, wx + ww, wy + wh / 2));
            if (glowing) glowAt(wx + ww / 2, wy + wh / 2, size * 0.12f, 0xffc060, dark ? 0.5f : 0.3f);
        }
        g.setColor(c(lit(0x5a3a28, distance)));
        g.fill(new Rectangle2D.Float(fx0 + fw * 0.43f, y - fh * 0.55f, size * 0.12f, fh * 0.55f + 2));
    }

    // ---------------------------------------------------------------- tower, bridge

    private void tower() {
        float x = place(u * 0.05f, 0.15f, 0.85f);
        if (x < 0) x = w * 0.3f;
        Land land = p.groundAt(x);
        float ground = land != null ? land.at(x) : p.horizon;
        float depth = land != null ? land.depth : 0.3f;
        float size = h * (0.2f + 0.25f * depth) * scaleFor(Thing.TOWER);
        float tw = size * 0.2f;
        float distance = 1 - depth;
        Rectangle2D.Float body = new Rectangle2D.Float(x - tw / 2, ground - size * 0.75f, tw, size * 0.75f + 2);
        shaded(body, 0xa89a88, distance, 0.6f);
        // Stone courses.
        g.setColor(c(Rgb.scale(lit(0xa89a88, distance), 0.75f), 0.6f));
        g.setStroke(new BasicStroke(Math.max(1f, size * 0.003f)));
        for (float yy = ground; yy > ground - size * 0.75f; yy -= size * 0.03f) g.draw(new Line2D.Float(x - tw / 2, yy, x + tw / 2, yy));
        // Battlements.
        float top = ground - size * 0.75f;
        for (int i = 0; i < 5; i++) {
            if (i % 2 == 1) continue;
            shaded(new Rectangle2D.Float(x - tw * 0.6f + i * tw * 1.2f / 5, top - size * 0.05f, tw * 1.2f / 5, size * 0.05f + 1),
                    0xa89a88, distance, 0.6f);
        }
        shaded(new Rectangle2D.Float(x - tw * 0.6f, top - size * 0.005f, tw * 1.2f, size * 0.03f), 0x9a8c7a, distance, 0.6f);
        // Roof and flag.
        Path2D roof = new Path2D.Float();
        roof.moveTo(x - tw * 0.42f, top - size * 0.05f);
        roof.lineTo(x, top - size * 0.25f);
        roof.lineTo(x + tw * 0.42f, top - size * 0.05f);
        roof.closePath();
        shaded(roof, 0x4a5a6a, distance, 0.6f);
        // Windows.
        int pane = dusk ? 0xffcf70 : lit(0x1e2228, distance);
        for (int i = 0; i < 3; i++) {
            float wy = ground - size * (0.18f + i * 0.2f);
            g.setColor(c(pane));
            g.fill(new RoundRectangle2D.Float(x - tw * 0.08f, wy, tw * 0.16f, size * 0.07f, tw * 0.16f, tw * 0.16f));
            if (dusk) glowAt(x, wy + size * 0.035f, size * 0.03f, 0xffc060, 0.4f);
        }
    }

    private void bridge() {
        boolean water = p.waterTop == p.waterTop;
        float deckY = water ? p.waterY(rng.range(0.12f, 0.22f)) : p.horizon + h * rng.range(0.02f, 0.06f);
        float thick = h * 0.012f;
        int steel = p.spec.has(Setting.CITY) || water ? (rng.chance(0.5f) ? 0xb0402c : 0x8a9098) : 0xa89a88;
        boolean suspension = water || p.spec.has(Setting.CITY);
        float x0 = water ? -w * 0.05f : w * rng.range(0.05f, 0.2f);
        float x1 = water ? w * 1.05f : w * rng.range(0.6f, 0.9f);
        float distance = 0.4f;
        if (suspension) {
            float t1 = x0 + (x1 - x0) * 0.28f;
            float t2 = x0 + (x1 - x0) * 0.72f;
            float th = h * 0.16f;
            g.setColor(c(lit(steel, distance)));
            g.setStroke(new BasicStroke(Math.max(1f, u * 0.002f)));
            for (float tx : new float[] {t1, t2}) {
                shaded(new Rectangle2D.Float(tx - u * 0.006f, deckY - th, u * 0.012f, th + h * 0.06f), steel, distance, 0.6f);
            }
            g.setColor(c(lit(steel, distance)));
            Path2D cable = new Path2D.Float();
            cable.moveTo(x0, deckY - th * 0.2f);
            cable.quadTo((x0 + t1) / 2, deckY - th * 0.35f, t1, deckY - th);
            cable.quadTo((t1 + t2) / 2, deckY + th * 0.6f, t2, deckY - th);
            cable.quadTo((t2 + x1) / 2, deckY - th * 0.35f, x1, deckY - th * 0.2f);
            g.draw(cable);
            g.setStroke(new BasicStroke(Math.max(0.6f, u * 0.0008f)));
            for (float sx = t1; sx < t2; sx += u * 0.015f) {
                float t = (sx - t1) / (t2 - t1);
                float cy = deckY - th + th * 1.6f * 4 * t * (1 - t) * 0.5f;
                g.draw(new Line2D.Float(sx, cy, sx, deckY));
            }
            shaded(new Rectangle2D.Float(x0, deckY, x1 - x0, thick), Rgb.scale(steel, 0.8f), distance, 0.7f);
            if (dusk) {
                for (float lx = x0; lx < x1; lx += u * 0.03f) glowAt(lx, deckY - 1, u * 0.003f, 0xffd080, 0.6f);
            }
        } else {
            Area deck = new Area(new Rectangle2D.Float(x0, deckY, x1 - x0, h * 0.09f));
            int arches = 3 + rng.nextInt(3);
            float span = (x1 - x0) / arches;
            for (int i = 0; i < arches; i++) {
                float ax = x0 + span * i + span * 0.12f;
                deck.subtract(new Area(new Arc2D.Float(ax, deckY + thick * 2, span * 0.76f, h * 0.16f, 0, 180, Arc2D.CHORD)));
                deck.subtract(new Area(new Rectangle2D.Float(ax, deckY + thick * 2 + h * 0.08f - 0.5f, span * 0.76f, h)));
            }
            shaded(deck, steel, distance, 0.65f);
        }
    }

    // ---------------------------------------------------------------- water craft

    private void boats(float scale) {
        int n = count(Thing.BOAT, 1, 3) + (has(Thing.SHIP) ? count(Thing.SHIP, 1, 2) : 0);
        if (!has(Thing.BOAT)) n = count(Thing.SHIP, 1, 2);
        float top = p.waterTop;
        float bottom = Math.min(p.waterBottom, h);
        for (int i = 0; i < n; i++) {
            boolean ship = has(Thing.SHIP) && (i == 0 || !has(Thing.BOAT));
            float q = rng.range(0.08f, p.spec.closeUp ? 0.6f : 0.4f);
            if (p.spec.prompt.contains("horizon")) q = rng.range(0.015f, 0.05f);
            float y = top + (bottom - top) * q;
            float x = -1;
            for (int k = 0; k < 20 && x < 0; k++) {
                float cand = w * rng.range(0.12f, 0.88f);
                if (p.headland != null && p.headland.present(cand) && p.headland.at(cand) < y + 4) continue;
                boolean clash = false;
                for (float[] t : taken) clash |= Math.abs(t[0] - cand) < t[1] + u * 0.08f;
                if (!clash) x = cand;
            }
            if (x < 0) continue;
            float size = (h * 0.05f + (y - p.horizon) * 0.7f) * scale * (ship ? 1.6f : 1f) * scaleFor(ship ? Thing.SHIP : Thing.BOAT);
            taken.add(new float[] {x, size * 0.5f});
            float distance = 1 - q;
            if (ship) ship(x, y, size, distance);
            else sailboat(x, y, size, distance);
        }
    }

    private void sailboat(float x, float y, float size, float distance) {
        int[] hulls = {0x8a2a20, 0x2a3a5a, 0xe8e0d0, 0x3a5a3a, 0x6a4a2a};
        int hull = hulls[rng.nextInt(hulls.length)];
        float dir = rng.chance(0.5f) ? 1 : -1;
        Path2D body = new Path2D.Float();
        body.moveTo(x - size * 0.5f * dir, y - size * 0.1f);
        body.lineTo(x + size * 0.5f * dir, y - size * 0.13f);
        body.quadTo(x + size * 0.38f * dir, y + size * 0.02f, x + size * 0.25f * dir, y + size * 0.03f);
        body.lineTo(x - size * 0.38f * dir, y + size * 0.03f);
        body.closePath();
        // Reflection.
        Graphics2D r = (Graphics2D) g.create();
        r.translate(0, 2 * y + size * 0.06f);
        r.scale(1, -0.7);
        r.setColor(c(lit(hull, distance), 0.25f));
        r.fill(body);
        r.dispose();
        shaded(body, hull, distance, 0.6f);
        float mast = x - size * 0.02f * dir;
        g.setColor(c(lit(0x3a2a20, distance)));
        g.setStroke(new BasicStroke(Math.max(1f, size * 0.012f)));
        g.draw(new Line2D.Float(mast, y - size * 0.1f, mast, y - size * 0.95f));
        Path2D main = new Path2D.Float();
        main.moveTo(mast - size * 0.01f * dir, y - size * 0.9f);
        main.quadTo(mast - size * 0.3f * dir, y - size * 0.45f, mast - size * 0.42f * dir, y - size * 0.16f);
        main.lineTo(mast - size * 0.01f * dir, y - size * 0.16f);
        main.closePath();
        shaded(main, 0xf4efe4, distance, 0.75f);
        Path2D jib = new Path2D.Float();
        jib.moveTo(mast + size * 0.02f * dir, y - size * 0.85f);
        jib.lineTo(mast + size * 0.42f * dir, y - size * 0.14f);
        jib.lineTo(mast + size * 0.02f * dir, y - size * 0.16f);
        jib.closePath();
        shaded(jib, 0xe8e2d4, distance, 0.7f);
        wake(x, y, size, distance);
        if (dark) glowAt(mast, y - size * 0.2f, size * 0.02f, 0xffd080, 0.8f);
    }

    private void ship(float x, float y, float size, float distance) {
        float dir = rng.chance(0.5f) ? 1 : -1;
        Path2D body = new Path2D.Float();
        body.moveTo(x - size * 0.5f * dir, y - size * 0.12f);
        body.lineTo(x + size * 0.55f * dir, y - size * 0.16f);
        body.lineTo(x + size * 0.42f * dir, y + size * 0.02f);
        body.lineTo(x - size * 0.46f * dir, y + size * 0.02f);
        body.closePath();
        Graphics2D r = (Graphics2D) g.create();
        r.translate(0, 2 * y + size * 0.05f);
        r.scale(1, -0.6);
        r.setColor(c(lit(0x2a2e38, distance), 0.25f));
        r.fill(body);
        r.dispose();
        shaded(body, 0x2a2e38, distance, 0.6f);
        g.setColor(c(lit(0xa83024, distance)));
        g.fill(new Rectangle2D.Float(x - size * 0.46f, y - size * 0.01f, size * 0.9f, size * 0.03f));
        float cx = x - size * 0.15f * dir;
        shaded(new Rectangle2D.Float(Math.min(cx, cx + size * 0.3f * dir), y - size * 0.3f, size * 0.3f, size * 0.17f), 0xf0ece4,
                distance, 0.7f);
        shaded(new Rectangle2D.Float(Math.min(cx, cx + size * 0.18f * dir) + size * 0.04f, y - size * 0.4f, size * 0.14f, size * 0.1f),
                0xe8e4dc, distance, 0.7f);
        float fx = cx + size * 0.05f * dir;
        shaded(new Rectangle2D.Float(fx - size * 0.035f, y - size * 0.5f, size * 0.07f, size * 0.2f), 0xb83a2a, distance, 0.6f);
        int windows = dusk ? 0xffd27a : lit(0x2a3440, distance);
        g.setColor(c(windows));
        for (int i = 0; i < 5; i++) {
            g.fill(new Rectangle2D.Float(Math.min(cx, cx + size * 0.3f * dir) + size * (0.02f + i * 0.055f), y - size * 0.26f,
                    size * 0.03f, size * 0.025f));
        }
        if (!dark) {
            for (int i = 0; i < 6; i++) {
                float t = i / 6f;
                g.setColor(c(Rgb.mix(lit(0xd0d0d0, distance), look.horizon, t), 0.35f * (1 - t)));
                float rr = size * (0.04f + t * 0.08f);
                g.fill(new Ellipse2D.Float(fx - dir * t * size * 0.4f - rr, y - size * (0.55f + t * 0.2f) - rr, rr * 2, rr * 2));
            }
        }
        wake(x, y, size, distance);
    }

    private void wake(float x, float y, float size, float distance) {
        g.setColor(c(Rgb.scale(0xf0f4f8, Math.min(1f, look.ambient * 1.1f)), 0.45f));
        g.setStroke(new BasicStroke(Math.max(1f, size * 0.01f)));
        for (int i = 0; i < 3; i++) {
            float wy = y + size * (0.03f + i * 0.015f);
            g.draw(new Line2D.Float(x - size * (0.45f + i * 0.12f), wy, x + size * (0.4f - i * 0.1f), wy));
        }
    }

    // ---------------------------------------------------------------- road, rocks, lamps

    private void road() {
        Land land = p.near != null ? p.near : p.mid;
        if (land == null || !land.standable && p.near == null) return;
        float vx = w * rng.range(0.35f, 0.65f);
        float vy = p.mid != null && p.mid.standable ? p.mid.at(vx) + 2 : (p.near != null ? p.near.at(vx) + 1 : p.horizon + h * 0.02f);
        if (p.headland != null) {
            vx = p.headlandLeft ? p.headlandTip * 0.6f : w - (w - p.headlandTip) * 0.6f;
            vy = p.headland.at(vx) + 2;
        }
        boolean paved = p.spec.has(Setting.CITY) || p.spec.prompt.contains("highway");
        int surface = paved ? 0x55565c : 0xa48c68;
        float bottomW = w * (paved ? 0.7f : 0.35f);
        float bend = w * rng.range(-0.2f, 0.2f);
        float bx = w * 0.5f + bend * 0.3f;
        Path2D road = new Path2D.Float();
        road.moveTo(vx - u * 0.004f, vy);
        road.quadTo(vx + bend - bottomW * 0.2f, vy + (h - vy) * 0.5f, bx - bottomW / 2, h + 2);
        road.lineTo(bx + bottomW / 2, h + 2);
        road.quadTo(vx + bend + bottomW * 0.2f, vy + (h - vy) * 0.5f, vx + u * 0.004f, vy);
        road.closePath();
        int near = lit(surface, 0);
        int farC = lit(surface, 0.5f);
        g.setPaint(new LinearGradientPaint(new Point2D.Float(0, vy), new Point2D.Float(0, h), new float[] {0f, 1f},
                new Color[] {c(farC), c(near)}));
        g.fill(road);
        // Texture on the surface: speckles.
        Shape clip = g.getClip();
        g.clip(road);
        Rng r = rng.fork("road");
        for (int i = 0; i < w * 2; i++) {
            float yy = vy + (h - vy) * (float) Math.pow(r.nextFloat(), 0.7);
            float xx = r.nextFloat() * w;
            float s = Math.max(0.7f, (yy - vy) / (h - vy) * u * 0.004f);
            g.setColor(c(Rgb.scale(near, r.range(0.75f, 1.25f)), 0.5f));
            g.fill(new Rectangle2D.Float(xx, yy, s, s));
        }
        g.setClip(clip);
        if (paved) {
            g.setColor(c(lit(0xf0e8c8, 0.1f)));
            for (int k = 1; k < 40; k++) {
                float z0 = k * 0.5f;
                float t0 = 1 / (1 + z0);
                float t1 = 1 / (1 + z0 + 0.25f);
                float y0 = vy + (h - vy) * t0;
                float y1 = vy + (h - vy) * t1;
                if (y0 - y1 < 0.6f) break;
                float xa = quadX(vx, vx + bend, bx, t0);
                float xb = quadX(vx, vx + bend, bx, t1);
                float wa = u * 0.012f * t0;
                float wb = u * 0.012f * t1;
                Path2D dash = new Path2D.Float();
                dash.moveTo(xa - wa, y0);
                dash.lineTo(xa + wa, y0);
                dash.lineTo(xb + wb, y1);
                dash.lineTo(xb - wb, y1);
                dash.closePath();
                g.fill(dash);
            }
        }
    }

    private static float quadX(float a, float control, float b, float t) {
        float s = 1 - t;
        return s * s * a + 2 * s * t * control + t * t * b;
    }

    private void rocks() {
        Rng r = rng.fork("rocks");
        int n = 6 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            float x;
            float y;
            float size;
            if (p.headland != null) {
                x = p.headlandLeft ? r.range(0, p.headlandTip * 1.1f) : r.range(p.headlandTip * 0.95f, w);
                y = p.headland.bottom + r.range(-0.005f, 0.01f) * h;
                size = u * r.range(0.01f, 0.035f);
            } else if (p.near != null) {
                x = r.nextFloat() * w;
                y = p.near.at(x) + r.range(0.02f, 0.12f) * h;
                size = u * r.range(0.02f, 0.06f) * (y / h);
            } else {
                return;
            }
            Path2D rock = new Path2D.Float();
            int k = 7;
            for (int j = 0; j < k; j++) {
                double a = Math.PI + Math.PI * j / (k - 1);
                float rr = size * r.range(0.7f, 1.1f);
                float px = x + (float) Math.cos(a) * rr * 1.3f;
                float py = y + (float) Math.sin(a) * rr * 0.8f;
                if (j == 0) rock.moveTo(px, py);
                else rock.lineTo(px, py);
            }
            rock.closePath();
            shaded(rock, 0x6a625a, 0.2f, 0.5f);
        }
    }

    private void lamps() {
        int n = count(Thing.LAMP, 1, 3) + (p.spec.has(Setting.CITY) ? 1 : 0);
        for (int i = 0; i < n; i++) {
            float x = place(u * 0.03f, 0.08f, 0.92f);
            if (x < 0) return;
            Land land = p.groundAt(x);
            float y = land.at(x) + (land.depth > 0.8f ? h * 0.04f : 0);
            float size = h * (0.12f + (p.spec.has(Setting.CITY) ? 0.12f : 0.3f) * land.depth) * scaleFor(Thing.LAMP);
            float distance = 1 - land.depth;
            int iron = lit(0x26282c, distance);
            g.setColor(c(iron));
            g.fill(new Rectangle2D.Float(x - size * 0.012f, y - size, size * 0.024f, size));
            g.fill(new Rectangle2D.Float(x - size * 0.03f, y - size * 0.06f, size * 0.06f, size * 0.06f));
            Path2D head = new Path2D.Float();
            head.moveTo(x - size * 0.05f, y - size * 0.98f);
            head.lineTo(x + size * 0.05f, y - size * 0.98f);
            head.lineTo(x + size * 0.035f, y - size * 1.1f);
            head.lineTo(x - size * 0.035f, y - size * 1.1f);
            head.closePath();
            boolean on = dusk || p.spec.closeUp;
            g.setColor(c(on ? 0xffe6a0 : Rgb.mix(look.upper, 0xd0d0c0, 0.5f)));
            g.fill(head);
            g.setColor(c(iron));
            g.fill(new Rectangle2D.Float(x - size * 0.06f, y - size * 1.13f, size * 0.12f, size * 0.03f));
            g.fill(new Rectangle2D.Float(x - size * 0.06f, y - size * 0.985f, size * 0.12f, size * 0.012f));
            if (on) {
                glowAt(x, y - size * 1.04f, size * 0.05f, 0xffd488, dark ? 1.3f : 0.8f);
                g.setPaint(new RadialGradientPaint(new Point2D.Float(x, y), size * 0.35f, new float[] {0f, 1f},
                        new Color[] {c(0xffd488, dark ? 0.28f : 0.15f), c(0xffd488, 0f)}));
                g.fill(new Ellipse2D.Float(x - size * 0.35f, y - size * 0.08f, size * 0.7f, size * 0.16f));
            }
        }
    }

    // ---------------------------------------------------------------- trees, people, birds

    private void trees(int n) {
        boolean snow = p.spec.has(Setting.SNOW);
        for (int i = 0; i < n; i++) {
            boolean main = i == 0;
            float x = main ? place(u * 0.1f, rng.chance(0.5f) ? 0.06f : 0.7f, rng.chance(0.5f) ? 0.3f : 0.94f) : place(u * 0.08f, 0.05f, 0.95f);
            if (x < 0) return;
            Land land = p.groundAt(x);
            float y = land.at(x) + (land.depth > 0.8f ? h * rng.range(0.01f, 0.05f) : 2);
            float size = h * (0.12f + 0.42f * land.depth) * (main ? 1f : rng.range(0.55f, 0.8f)) * scaleFor(Thing.TREE);
            boolean conifer = snow || p.spec.has(Setting.MOUNTAIN) ? rng.chance(0.7f) : rng.chance(0.15f);
            if (conifer) conifer(x, y, size, 1 - land.depth, snow);
            else broadleaf(x, y, size, 1 - land.depth, snow);
        }
    }

    private void broadleaf(float x, float y, float size, float distance, boolean snow) {
        Rng r = rng.fork("tree" + (int) x);
        int bark = lit(0x4a3628, distance);
        float tw = size * 0.07f;
        Path2D trunk = new Path2D.Float();
        trunk.moveTo(x - tw, y + 2);
        trunk.quadTo(x - tw * 0.5f, y - size * 0.3f, x - tw * 0.45f, y - size * 0.6f);
        trunk.lineTo(x + tw * 0.45f, y - size * 0.6f);
        trunk.quadTo(x + tw * 0.5f, y - size * 0.3f, x + tw, y + 2);
        trunk.closePath();
        shaded(trunk, 0x4a3628, distance, 0.55f);
        g.setColor(c(bark));
        g.setStroke(new BasicStroke(Math.max(1f, tw * 0.5f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int k = 0; k < 3; k++) {
            float by = y - size * r.range(0.4f, 0.58f);
            float side = k % 2 == 0 ? 1 : -1;
            g.draw(new QuadCurve2D.Float(x, by, x + side * size * 0.12f, by - size * 0.05f, x + side * size * 0.22f, by - size * 0.16f));
        }
        float cx = x;
        float cy = y - size * 0.66f;
        float rad = size * 0.34f;
        int leaf = snow ? 0x5a6a58 : (p.spec.time == Time.SUNSET && r.chance(0.3f) ? 0x6a7a30 : 0x3f7a34);
        int dark = Rgb.scale(lit(leaf, distance), 0.55f);
        int light = Rgb.mix(lit(leaf, distance), Rgb.mul(0xd8f0a0, look.light), 0.35f * Math.min(1, look.ambient));
        int blobs = 34;
        for (int k = 0; k < blobs; k++) {
            float t = k / (float) blobs;
            double a = r.nextFloat() * Math.PI * 2;
            float d = (float) Math.sqrt(r.nextFloat());
            float bx = cx + (float) Math.cos(a) * rad * 1.05f * d;
            float by = cy + (float) Math.sin(a) * rad * 0.78f * d;
            float br = rad * r.range(0.22f, 0.42f) * (1.1f - t * 0.3f);
            float towardLight = ((bx - cx) * p.lightSide) / rad * 0.5f + (cy - by) / rad * 0.5f;
            float shade = Noise.clamp01(0.35f + towardLight * 0.6f + t * 0.35f);
            int col = Rgb.mix(dark, light, shade);
            g.setPaint(new RadialGradientPaint(new Point2D.Float(bx - p.lightSide * -br * 0.3f, by - br * 0.3f), br * 1.2f,
                    new float[] {0f, 1f}, new Color[] {c(Rgb.scale(col, 1.12f)), c(Rgb.scale(col, 0.8f))}));
            g.fill(new Ellipse2D.Float(bx - br, by - br, br * 2, br * 2));
            if (snow && by < cy) {
                g.setColor(c(lit(0xf4f8fc, distance), 0.85f));
                g.fill(new Arc2D.Float(bx - br * 0.9f, by - br * 0.95f, br * 1.8f, br * 1.1f, 20, 140, Arc2D.CHORD));
            }
        }
        // Leaf speckle: small dots for texture.
        for (int k = 0; k < 140; k++) {
            double a = r.nextFloat() * Math.PI * 2;
            float d = (float) Math.sqrt(r.nextFloat());
            float bx = cx + (float) Math.cos(a) * rad * 1.15f * d;
            float by = cy + (float) Math.sin(a) * rad * 0.85f * d;
            float br = rad * r.range(0.02f, 0.05f);
            g.setColor(c(r.chance(0.5f) ? light : dark, 0.6f));
            g.fill(new Ellipse2D.Float(bx - br, by - br, br * 2, br * 2));
        }
        g.setColor(c(0x000000, 0.18f * Math.min(1, look.ambient)));
        g.fill(new Ellipse2D.Float(x - size * 0.25f + p.lightSide * -size * 0.1f, y - size * 0.015f, size * 0.5f, size * 0.04f));
    }

    private void conifer(float x, float y, float size, float distance, boolean snow) {
        int needle = lit(0x24502e, distance);
        int shadow = Rgb.scale(needle, 0.6f);
        int light = Rgb.mix(needle, Rgb.mul(0xc8f0b0, look.light), 0.25f);
        shaded(new Rectangle2D.Float(x - size * 0.025f, y - size * 0.2f, size * 0.05f, size * 0.2f + 2), 0x4a3628, distance, 0.55f);
        int tiers = 6;
        for (int k = 0; k < tiers; k++) {
            float t = k / (float) (tiers - 1);
            float ty = y - size * (0.12f + 0.85f * t);
            float half = size * 0.28f * (1 - t * 0.8f);
            float th = size * 0.26f;
            Path2D tier = new Path2D.Float();
            tier.moveTo(x, ty - th);
            tier.quadTo(x - half * 0.4f, ty - th * 0.4f, x - half, ty);
            tier.quadTo(x, ty - th * 0.12f, x + half, ty);
            tier.quadTo(x + half * 0.4f, ty - th * 0.4f, x, ty - th);
            tier.closePath();
            g.setPaint(new LinearGradientPaint(new Point2D.Float(x - half, 0), new Point2D.Float(x + half + 0.5f, 0),
                    new float[] {0f, 1f}, new Color[] {c(p.lightSide < 0 ? light : shadow), c(p.lightSide < 0 ? shadow : light)}));
            g.fill(tier);
            if (snow) {
                g.setColor(c(lit(0xf2f6fb, distance), 0.9f));
                Path2D cap = new Path2D.Float();
                cap.moveTo(x, ty - th);
                cap.quadTo(x - half * 0.3f, ty - th * 0.55f, x - half * 0.75f, ty - th * 0.12f);
                cap.quadTo(x, ty - th * 0.45f, x + half * 0.75f, ty - th * 0.12f);
                cap.quadTo(x + half * 0.3f, ty - th * 0.55f, x, ty - th);
                cap.closePath();
                g.fill(cap);
            }
        }
    }

    private void person() {
        float x = p.spec.closeUp && main() == Thing.PERSON ? w * 0.5f : place(u * 0.03f, 0.3f, 0.7f);
        if (x < 0) return;
        Land land = p.groundAt(x);
        if (land == null) return;
        float y = land.at(x) + (land.depth > 0.8f ? h * 0.05f : 1);
        float size = h * (0.05f + 0.2f * land.depth) * scaleFor(Thing.PERSON);
        int colour = Rgb.mix(lit(0x2c2a30, 1 - land.depth), 0x101014, 0.3f);
        g.setColor(c(0x000000, 0.2f * Math.min(1, look.ambient)));
        g.fill(new Ellipse2D.Float(x - size * 0.05f - p.lightSide * size * 0.25f, y - size * 0.015f, size * 0.4f, size * 0.035f));
        g.setColor(c(colour));
        g.fill(new Ellipse2D.Float(x - size * 0.065f, y - size, size * 0.13f, size * 0.14f));
        Path2D coat = new Path2D.Float();
        coat.moveTo(x - size * 0.1f, y - size * 0.83f);
        coat.quadTo(x, y - size * 0.88f, x + size * 0.1f, y - size * 0.83f);
        coat.lineTo(x + size * 0.14f, y - size * 0.38f);
        coat.lineTo(x - size * 0.14f, y - size * 0.38f);
        coat.closePath();
        g.fill(coat);
        g.setStroke(new BasicStroke(size * 0.06f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Float(x - size * 0.05f, y - size * 0.4f, x - size * 0.06f, y - size * 0.02f));
        g.draw(new Line2D.Float(x + size * 0.05f, y - size * 0.4f, x + size * 0.07f, y - size * 0.02f));
        g.setStroke(new BasicStroke(size * 0.045f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Float(x - size * 0.1f, y - size * 0.8f, x - size * 0.14f, y - size * 0.5f));
        g.draw(new Line2D.Float(x + size * 0.1f, y - size * 0.8f, x + size * 0.14f, y - size * 0.5f));
        if (dusk) {
            g.setColor(c(look.light, 0.5f));
            g.setStroke(new BasicStroke(Math.max(1f, size * 0.008f)));
            float edge = p.lightSide * size * 0.065f;
            g.draw(new Arc2D.Float(x - size * 0.065f, y - size, size * 0.13f, size * 0.14f, p.lightSide > 0 ? -60 : 120, 120, Arc2D.OPEN));
            g.draw(new Line2D.Float(x + edge * 1.5f, y - size * 0.83f, x + edge * 2.1f, y - size * 0.4f));
        }
    }

    private void birds() {
        Rng r = rng.fork("birds");
        int n = p.spec.plural.contains(Thing.BIRDS) ? 6 + r.nextInt(8) : 3 + r.nextInt(3);
        float fx = w * r.range(0.2f, 0.8f);
        float fy = p.horizon * r.range(0.2f, 0.55f);
        int colour = dusk ? 0x1a1a22 : lit(0x2a2a30, 0.2f);
        g.setColor(c(colour));
        for (int i = 0; i < n; i++) {
            float bx = fx + r.range(-1, 1) * u * 0.18f;
            float by = fy + r.range(-1, 1) * u * 0.07f;
            float s = u * r.range(0.008f, 0.02f) * (p.view ? 0.6f : 1f);
            float flap = r.range(-0.4f, 0.5f);
            Path2D bird = new Path2D.Float();
            bird.moveTo(bx - s, by - s * (0.2f + flap));
            bird.quadTo(bx - s * 0.45f, by - s * (0.55f + flap * 0.5f), bx, by);
            bird.quadTo(bx + s * 0.45f, by - s * (0.55f + flap * 0.5f), bx + s, by - s * (0.2f + flap));
            g.setStroke(new BasicStroke(Math.max(1f, s * 0.16f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(bird);
        }
    }

    // ---------------------------------------------------------------- ground cover

    private void grass() {
        Land land = p.near;
        Rng r = rng.fork("grass");
        int base = lit(p.spec.has(Setting.SNOW) ? 0x9aa890 : 0x4f8a30, 0);
        int n = (int) (w * 0.5f);
        g.setStroke(new BasicStroke(Math.max(1f, u * 0.0015f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < n; i++) {
            float x = r.nextFloat() * w;
            float top = land.at(x);
            float y = top + (h - top) * (float) Math.pow(r.nextFloat(), 1.6) + 2;
            float depthScale = 0.4f + 0.9f * (y - top) / Math.max(1, h - top);
            float len = u * r.range(0.01f, 0.03f) * depthScale;
            float lean = r.range(-0.5f, 0.5f) * len;
            int col = Rgb.scale(base, r.range(0.7f, 1.3f));
            g.setColor(c(col, 0.85f));
            g.draw(new QuadCurve2D.Float(x, y, x + lean * 0.3f, y - len * 0.6f, x + lean, y - len));
        }
    }

    private void flowers() {
        Land land = p.near;
        if (land == null) return;
        Rng r = rng.fork("flowers");
        int[] petals = {0xe84848, 0xf2d040, 0xffffff, 0xb060d0, 0xf08ab0, 0xff8a30};
        int n = (int) (w * (has(Thing.FLOWERS) ? 0.35f : 0.12f));
        for (int i = 0; i < n; i++) {
            float x = r.nextFloat() * w;
            float top = land.at(x);
            float t = (float) Math.pow(r.nextFloat(), 1.3);
            float y = top + (h - top) * t + 2;
            float s = u * (0.002f + 0.007f * t) * r.range(0.7f, 1.3f);
            int colour = lit(petals[r.nextInt(petals.length)], 0);
            g.setColor(c(colour, 0.95f));
            g.fill(new Ellipse2D.Float(x - s, y - s * 0.8f, s * 2, s * 1.6f));
            g.setColor(c(Rgb.scale(colour, 1.2f), 0.9f));
            g.fill(new Ellipse2D.Float(x - s * 0.4f, y - s * 0.5f, s * 0.8f, s * 0.6f));
        }
    }

    private void cacti() {
        Rng r = rng.fork("cacti");
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            float x = place(u * 0.04f, 0.05f, 0.95f);
            if (x < 0) return;
            Land land = p.groundAt(x);
            float y = land.at(x) + h * 0.03f * land.depth;
            float size = h * (0.06f + 0.2f * land.depth);
            float tw = size * 0.14f;
            int green = 0x4a7a40;
            shaded(new RoundRectangle2D.Float(x - tw / 2, y - size, tw, size + 2, tw, tw), green, 1 - land.depth, 0.55f);
            shaded(new RoundRectangle2D.Float(x - tw * 2.1f, y - size * 0.75f, tw * 0.8f, size * 0.35f, tw * 0.8f, tw * 0.8f), green,
                    1 - land.depth, 0.55f);
            shaded(new Rectangle2D.Float(x - tw * 2.1f + tw * 0.2f, y - size * 0.45f, tw * 1.8f, tw * 0.6f), green, 1 - land.depth, 0.55f);
            shaded(new RoundRectangle2D.Float(x + tw * 1.3f, y - size * 0.85f, tw * 0.8f, size * 0.4f, tw * 0.8f, tw * 0.8f), green,
                    1 - land.depth, 0.55f);
            shaded(new Rectangle2D.Float(x + tw * 0.2f, y - size * 0.5f, tw * 1.5f, tw * 0.6f), green, 1 - land.depth, 0.55f);
        }
    }

    static void lightning(OutdoorPainter p, Graphics2D g, Rng r) {
        float x = p.w * r.range(0.2f, 0.8f);
        float y = p.horizon * r.range(0.1f, 0.25f);
        float end = p.horizon + p.h * 0.02f;
        Path2D bolt = new Path2D.Float();
        bolt.moveTo(x, y);
        List<float[]> forks = new ArrayList<>();
        float cx = x;
        float cy = y;
        while (cy < end) {
            cy += p.h * r.range(0.02f, 0.05f);
            cx += p.u * r.range(-0.03f, 0.03f);
            bolt.lineTo(cx, Math.min(cy, end));
            if (r.chance(0.25f)) forks.add(new float[] {cx, cy});
        }
        for (float[] f : forks) {
            bolt.moveTo(f[0], f[1]);
            float fx = f[0];
            float fy = f[1];
            for (int k = 0; k < 3; k++) {
                fx += p.u * r.range(-0.04f, 0.04f);
                fy += p.h * r.range(0.015f, 0.035f);
                bolt.lineTo(fx, fy);
            }
        }
        g.setColor(new Color(200, 190, 255, 60));
        g.setStroke(new BasicStroke(p.u * 0.012f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(bolt);
        g.setColor(new Color(235, 230, 255, 140));
        g.setStroke(new BasicStroke(p.u * 0.005f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(bolt);
        g.setColor(new Color(255, 255, 255, 240));
        g.setStroke(new BasicStroke(Math.max(1f, p.u * 0.002f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(bolt);
        p.cv.glow(p.ox + x, p.oy + y, p.u * 0.08f, 0xb8b0ff, 0.5f, 6);
    }
}
