package dev.reelwright.media.quality;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferInt;
import java.awt.image.Kernel;

/**
 * Draws a {@link TestScene} frame by frame at any size: the background is sampled from a procedural value-noise
 * texture (bilinear, so camera moves are smooth to a fraction of a pixel), then props, figure, sign and lamp are
 * drawn with anti-aliased Java2D, then light (fades, pulse, injected flicker) and a little grain are applied.
 */
final class SceneRenderer {
    static final double WORLD_WIDTH = 6.0;
    static final double WORLD_HEIGHT = 1.6;

    private final TestScene scene;
    private final int width;
    private final int height;
    private final int fps;
    private final int[] texture;
    private final int textureWidth;
    private final int textureHeight;
    private final double texturePerUnit;
    private final BufferedImage canvas;
    private final int[] pixels;
    private final SceneRenderer after;
    private final Font font;

    SceneRenderer(TestScene scene, int width, int height, int fps) {
        this.scene = scene;
        this.width = width;
        this.height = height;
        this.fps = fps;
        // The texture has as many pixels per world unit as the frame at the largest zoom, so it is never blown up much.
        double maxZoom = Math.max(scene.camera().zoom0(), scene.camera().zoom1());
        this.texturePerUnit = height * Math.min(maxZoom, 1.5);
        this.textureWidth = (int) Math.ceil(WORLD_WIDTH * texturePerUnit);
        this.textureHeight = (int) Math.ceil(WORLD_HEIGHT * texturePerUnit);
        this.texture = Textures.valueNoise(textureWidth, textureHeight, texturePerUnit, scene.seed());
        this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.pixels = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        this.after = scene.after() == null ? null : new SceneRenderer(scene.after(), width, height, fps);
        this.font = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    }

    /** Frame {@code index} as 0xRRGGBB pixels (the array is reused by the next call). */
    int[] render(int index) {
        if (after != null && index >= scene.cutFrame()) return after.render(index - scene.cutFrame());
        double t = index / (double) fps;
        double progress = scene.frames() <= 1 ? 0 : index / (double) (scene.frames() - 1);
        TestScene.Camera camera = scene.camera();
        double cx = camera.x(progress), cy = camera.y(progress), zoom = camera.zoom(progress);
        double scale = zoom * height; // pixels per world unit
        background(cx, cy, scale);
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.translate(width / 2.0, height / 2.0);
        g.scale(scale, scale);
        g.translate(-cx, -cy);
        if (scene.sign() != null) sign(g, index, scale);
        if (scene.lamp() != null) lamp(g, index);
        for (int p = 0; p < scene.props().size(); p++) prop(g, p, index, t);
        if (scene.figure() != null) figure(g, index, t);
        g.dispose();
        light(index, t);
        return pixels;
    }

    /** Samples the texture under the camera, bilinear in 8-bit fixed point (column positions computed once a frame). */
    private void background(double cx, double cy, double scale) {
        double unitsPerPixel = 1 / scale;
        int[] columns = new int[width], columnWeights = new int[width];
        for (int x = 0; x < width; x++) {
            double wx = cx + (x + 0.5 - width / 2.0) * unitsPerPixel;
            double tx = Math.max(0, Math.min(textureWidth - 1.001, wx * texturePerUnit - 0.5));
            columns[x] = (int) tx;
            columnWeights[x] = (int) ((tx - (int) tx) * 256);
        }
        for (int y = 0; y < height; y++) {
            double wy = cy + (y + 0.5 - height / 2.0) * unitsPerPixel;
            double ty = Math.max(0, Math.min(textureHeight - 1.001, wy * texturePerUnit - 0.5));
            int row = (int) ty * textureWidth, fy = (int) ((ty - (int) ty) * 256), out = y * width;
            for (int x = 0; x < width; x++) {
                int i = row + columns[x], fx = columnWeights[x];
                pixels[out + x] = Textures.bilinear(texture[i], texture[i + 1], texture[i + textureWidth], texture[i + textureWidth + 1], fx, fy);
            }
        }
    }

    private void prop(Graphics2D g, int p, int index, double t) {
        TestScene.Prop prop = scene.props().get(p);
        double x = prop.x() + prop.vx() * t, y = prop.y() + prop.vy() * t;
        double amount = 0, phase = 0;
        int lobes = 0;
        if (scene.injection() instanceof TestScene.Teleport jump && jump.prop() == p && index >= jump.from() && index < jump.to()) {
            x += jump.dx();
            y += jump.dy();
        }
        if (scene.injection() instanceof TestScene.Morph morph && morph.prop() == p && index >= morph.from()) {
            double ramp = Math.min(1, (index - morph.from()) / (double) Math.max(1, morph.ramp()));
            amount = morph.amount() * (0.5 - 0.5 * Math.cos(Math.PI * ramp));
            lobes = morph.lobes();
            phase = morph.phase();
        }
        Path2D outline = new Path2D.Double();
        int points = 96;
        double spin = prop.spin() * t;
        for (int k = 0; k < points; k++) {
            double theta = 2 * Math.PI * k / points;
            double r = prop.radius() * outline(prop.shape(), theta, prop.rgb());
            r *= 1 + amount * Math.sin(lobes * theta + phase);
            double px = r * Math.cos(theta) * (1 + 0.6 * amount), py = r * Math.sin(theta) / (1 + 0.6 * amount);
            double rx = px * Math.cos(spin) - py * Math.sin(spin), ry = px * Math.sin(spin) + py * Math.cos(spin);
            if (k == 0) outline.moveTo(x + rx, y + ry);
            else outline.lineTo(x + rx, y + ry);
        }
        outline.closePath();
        int rgb = prop.rgb();
        if (scene.injection() instanceof TestScene.Drift drift && drift.prop() == p) rgb = Textures.mix(rgb, drift.rgb(), drift.at(index));
        g.setColor(new Color(rgb));
        g.fill(outline);
        g.setColor(new Color(Textures.shade(rgb, -0.45)));
        g.setStroke(new BasicStroke((float) (prop.radius() * 0.08)));
        g.draw(outline);
        // A highlight gives the flat prop some inner structure, as shading would.
        g.setColor(new Color(Textures.shade(rgb, 0.35)));
        double hr = prop.radius() * 0.28;
        g.fill(new java.awt.geom.Ellipse2D.Double(x - prop.radius() * 0.2 - hr / 2, y - prop.radius() * 0.2 - hr / 2, hr, hr));
    }

    /** Radius factor of a shape's outline at angle theta (1 = the nominal radius). */
    private static double outline(TestScene.Shape shape, double theta, int salt) {
        double c = Math.cos(theta), s = Math.sin(theta);
        return switch (shape) {
            case DISC -> 1;
            case ROUNDED_SQUARE -> 0.92 / Math.pow(Math.pow(Math.abs(c), 4) + Math.pow(Math.abs(s), 4), 0.25);
            case TRIANGLE -> {
                double sector = 2 * Math.PI / 3, a = ((theta + Math.PI / 2) % sector + sector) % sector - sector / 2;
                yield Math.min(1.25, 0.62 / Math.cos(a));
            }
            case BLOB -> 1 + 0.12 * Math.sin(3 * theta + (salt & 7));
        };
    }

    private void figure(Graphics2D g, int index, double t) {
        TestScene.Figure f = scene.figure();
        if (scene.injection() instanceof TestScene.Drift drift && drift.figure() != null) f = drifted(f, drift.figure(), drift.at(index));
        double h = f.height(), x = f.x() + f.vx() * t, feet = f.y();
        double top = feet - h;
        double shoulderY = top + 0.22 * h, hipY = top + 0.58 * h, half = 0.11 * h;
        double swing = f.swing() * Math.sin(2 * Math.PI * 0.8 * t);
        double walk = f.vx() == 0 ? 0 : 0.35 * Math.sin(2 * Math.PI * 1.2 * t);
        Color skin = new Color(f.skin()), shirt = new Color(f.shirt()), trousers = new Color(f.trousers());
        capsule(g, trousers, x - 0.05 * h, hipY, Math.PI / 2 + walk * 0.5 - 0.08, 0.42 * h, 0.085 * h);
        capsule(g, trousers, x + 0.05 * h, hipY, Math.PI / 2 - walk * 0.5 + 0.08, 0.42 * h, 0.085 * h);
        g.setColor(shirt);
        g.fill(new RoundRectangle2D.Double(x - half, shoulderY - 0.03 * h, 2 * half, hipY - shoulderY + 0.05 * h, 0.06 * h, 0.06 * h));
        capsule(g, skin, x - half, shoulderY + 0.02 * h, Math.PI / 2 + 0.35 + swing, 0.33 * h, 0.065 * h);
        capsule(g, skin, x + half, shoulderY + 0.02 * h, Math.PI / 2 - 0.35 - swing, 0.33 * h, 0.065 * h);
        g.setColor(skin);
        g.fill(new java.awt.geom.Ellipse2D.Double(x - 0.09 * h, top, 0.18 * h, 0.2 * h));
        g.setColor(new Color(Textures.shade(f.skin(), -0.5)));
        g.fill(new java.awt.geom.Ellipse2D.Double(x - 0.045 * h, top + 0.07 * h, 0.025 * h, 0.025 * h));
        g.fill(new java.awt.geom.Ellipse2D.Double(x + 0.02 * h, top + 0.07 * h, 0.025 * h, 0.025 * h));
        if (scene.injection() instanceof TestScene.Ghost ghost && index >= ghost.from() && index < ghost.to()) {
            // From the side of the torso (shoulder, waist or hip), pointing away from the body.
            boolean right = Math.cos(ghost.angle()) >= 0;
            double ax = x + (right ? half : -half);
            double ay = switch (ghost.attach()) {
                case 0 -> shoulderY + 0.04 * h;
                case 1 -> hipY - 0.04 * h;
                default -> (shoulderY + hipY) / 2;
            };
            capsule(g, skin, ax, ay, ghost.angle(), ghost.length() * h, 0.065 * h);
        }
    }

    /** The figure {@code amount} of the way to {@code target}'s colours and height, where it stands. */
    private static TestScene.Figure drifted(TestScene.Figure f, TestScene.Figure target, double amount) {
        if (amount <= 0) return f;
        return new TestScene.Figure(f.x(), f.y(), f.height() + (target.height() - f.height()) * amount, f.vx(), f.swing(),
                Textures.mix(f.skin(), target.skin(), amount), Textures.mix(f.shirt(), target.shirt(), amount),
                Textures.mix(f.trousers(), target.trousers(), amount));
    }

    private static void capsule(Graphics2D g, Color colour, double x, double y, double angle, double length, double thickness) {
        g.setColor(colour);
        g.setStroke(new BasicStroke((float) thickness, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x, y, x + length * Math.cos(angle), y + length * Math.sin(angle)));
    }

    private void sign(Graphics2D g, int index, double scale) {
        TestScene.Sign sign = scene.sign();
        String text = sign.changeFrame() >= 0 && index >= sign.changeFrame() ? sign.laterText() : sign.text();
        double blur = 0;
        if (scene.injection() instanceof TestScene.TextCorruption damage && index >= damage.from() && index < damage.to()) {
            if (damage.garbled() != null) text = damage.garbled();
            blur = damage.blur();
        }
        // Drawn at screen resolution into a sprite, so blur can be applied in pixels.
        double px = sign.height() * scale;
        Font sized = font.deriveFont((float) (0.58 * px));
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics metrics = pg.getFontMetrics(sized);
        pg.dispose();
        // The board fits the widest text it will show, so a changing word does not resize it.
        int textWidth = Math.max(metrics.stringWidth(sign.text()), metrics.stringWidth(sign.laterText() == null ? sign.text() : sign.laterText()));
        int spriteW = (int) Math.ceil(textWidth + 0.8 * px), spriteH = (int) Math.ceil(px);
        BufferedImage sprite = new BufferedImage(spriteW, spriteH, BufferedImage.TYPE_INT_RGB);
        Graphics2D sg = sprite.createGraphics();
        sg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        sg.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        sg.setColor(new Color(sign.board()));
        sg.fillRect(0, 0, spriteW, spriteH);
        sg.setColor(new Color(sign.ink()));
        sg.setFont(sized);
        int drawnWidth = metrics.stringWidth(text);
        sg.drawString(text, (spriteW - drawnWidth) / 2f, (float) (spriteH / 2.0 + metrics.getAscent() * 0.36));
        sg.dispose();
        if (blur > 0) sprite = blurred(sprite, blur * px);
        double w = spriteW / scale, h = spriteH / scale;
        java.awt.geom.AffineTransform place = new java.awt.geom.AffineTransform();
        place.translate(sign.x() - w / 2, sign.y() - h / 2);
        place.scale(1 / scale, 1 / scale);
        g.setColor(new Color(Textures.shade(sign.board(), -0.5)));
        g.fill(new java.awt.geom.Rectangle2D.Double(sign.x() - w / 2 - 0.01, sign.y() - h / 2 - 0.01, w + 0.02, h + 0.02));
        g.drawImage(sprite, place, null);
    }

    private static BufferedImage blurred(BufferedImage image, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(2.5 * sigma));
        float[] weights = new float[2 * radius + 1];
        float sum = 0;
        for (int k = -radius; k <= radius; k++) sum += weights[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
        for (int k = 0; k < weights.length; k++) weights[k] /= sum;
        BufferedImage padded = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        BufferedImage horizontal = new ConvolveOp(new Kernel(weights.length, 1, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, padded);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        return new ConvolveOp(new Kernel(1, weights.length, weights), ConvolveOp.EDGE_NO_OP, null).filter(horizontal, out);
    }

    private void lamp(Graphics2D g, int index) {
        TestScene.Lamp lamp = scene.lamp();
        boolean on = index % lamp.period() < lamp.period() / 2;
        double r = lamp.radius();
        g.setColor(new Color(0x2A2A30));
        g.fill(new java.awt.geom.Ellipse2D.Double(lamp.x() - r * 1.3, lamp.y() - r * 1.3, r * 2.6, r * 2.6));
        g.setColor(new Color(on ? 0xFFF6C8 : 0x9C8A5A));
        g.fill(new java.awt.geom.Ellipse2D.Double(lamp.x() - r, lamp.y() - r, 2 * r, 2 * r));
    }

    /** Fades, the slow pulse, injected flicker and grain, applied to the finished picture. */
    private void light(int index, double t) {
        TestScene.Light light = scene.light();
        double gain = 1;
        if (light.fadeInFrames() > 0 && index < light.fadeInFrames()) gain *= index / (double) light.fadeInFrames();
        int fromEnd = scene.frames() - 1 - index;
        if (light.fadeOutFrames() > 0 && fromEnd < light.fadeOutFrames()) gain *= fromEnd / (double) light.fadeOutFrames();
        if (light.pulse() > 0) gain *= 1 + light.pulse() * Math.sin(2 * Math.PI * light.pulseHz() * t);
        if (scene.injection() instanceof TestScene.Flicker flicker && flicker.frames().contains(index)) gain *= flicker.gain();
        int grain = (int) Math.round(light.grain());
        if (gain == 1 && grain == 0) return;
        // Lookup tables: the gain per level, then a clamp that absorbs the grain's overshoot.
        int[] level = new int[256];
        for (int v = 0; v < 256; v++) level[v] = (int) Math.round(v * gain) + 16;
        int[] clamp = new int[256 + 512];
        for (int v = 0; v < clamp.length; v++) clamp[v] = clamp(v - 16);
        int span = 2 * grain + 1;
        long state = scene.seed() * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1;
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            int noise = 0;
            if (grain > 0) {
                state ^= state << 13; // xorshift64: grain needs speed, not statistical quality
                state ^= state >>> 7;
                state ^= state << 17;
                noise = (int) (((state >>> 32) & 0xFF) * span >>> 8) - grain;
            }
            int r = clamp[Math.min(level[(p >> 16) & 0xFF], 255 + 16 + 256) + noise];
            int gg = clamp[Math.min(level[(p >> 8) & 0xFF], 255 + 16 + 256) + noise];
            int b = clamp[Math.min(level[p & 0xFF], 255 + 16 + 256) + noise];
            pixels[i] = r << 16 | gg << 8 | b;
        }
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
