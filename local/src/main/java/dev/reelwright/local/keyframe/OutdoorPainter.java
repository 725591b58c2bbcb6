package dev.reelwright.local.keyframe;

import dev.reelwright.local.keyframe.SceneSpec.Setting;
import dev.reelwright.local.keyframe.SceneSpec.Thing;
import dev.reelwright.local.keyframe.SceneSpec.Time;
import dev.reelwright.local.keyframe.SceneSpec.Weather;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Paints an outdoor scene into a rectangle of the canvas, back to front: sky, sun or moon, stars, clouds,
 * far terrain, water, middle and near ground, then the things the prompt names, then weather.
 */
final class OutdoorPainter {
    final Canvas cv;
    final int ox;
    final int oy;
    final int w;
    final int h;
    final float u;
    final SceneSpec spec;
    final Look look;
    final Rng rng;
    /** A view through a window: sky, land and water only, nothing in the foreground. */
    final boolean view;
    final int seed;

    float horizon;
    float sunX;
    float sunY;
    float sunR;
    float lightSide;
    float[] skyColumnsGlow;

    final List<Land> lands = new ArrayList<>();
    Land headland;
    boolean headlandLeft;
    float headlandTip;
    float waterTop = Float.NaN;
    float waterBottom = Float.NaN;
    Land near;
    /** The near ground is sand (a beach): no grass on it. */
    boolean sandy;
    Land mid;
    Land far;
    float[] cityLandmarks;

    OutdoorPainter(Canvas cv, int ox, int oy, int w, int h, SceneSpec spec, Look look, Rng rng, boolean view) {
        this.cv = cv;
        this.ox = ox;
        this.oy = oy;
        this.w = w;
        this.h = h;
        this.u = Math.min(w, h);
        this.spec = spec;
        this.look = look;
        this.rng = rng;
        this.view = view;
        this.seed = rng.nextInt();
    }

    void paint() {
        layout();
        paintSky();
        paintStarsAndMoon();
        paintClouds();
        paintLand();
        if (!view) {
            Graphics2D g = cv.graphics();
            g.translate(ox, oy);
            g.clipRect(0, 0, w, h);
            new Props(this, g).paint();
            g.dispose();
        } else {
            Graphics2D g = cv.graphics();
            g.translate(ox, oy);
            g.clipRect(0, 0, w, h);
            new Props(this, g).paintDistant();
            g.dispose();
        }
        paintWeather();
    }

    // ---------------------------------------------------------------- layout

    private void layout() {
        Rng r = rng.fork("layout");
        boolean portrait = h > w * 1.2f;
        float base = portrait ? 0.54f : 0.6f;
        if (spec.has(Setting.SEA) || spec.has(Setting.LAKE)) base -= 0.03f;
        if (spec.has(Setting.MOUNTAIN)) base += 0.05f;
        if (spec.has(Setting.CITY)) base += 0.04f;
        if (spec.aerial) base = portrait ? 0.3f : 0.32f;
        if (view) base = 0.7f;
        horizon = h * (base + r.range(-0.03f, 0.03f));
        sunX = w * r.range(0.2f, 0.8f);
        if (spec.closeUp && Math.abs(sunX - w / 2f) < w * 0.15f) sunX += (sunX < w / 2f ? -1 : 1) * w * 0.2f;
        float height = look.sourceHeight;
        if (spec.time == Time.NIGHT) height = r.range(0.22f, 0.45f);
        sunY = horizon * height;
        sunR = u * look.sourceRadius * (view ? 1.4f : 1f);
        lightSide = sunX > w / 2f ? 1 : -1;
    }

    // ---------------------------------------------------------------- sky

    private void paintSky() {
        int[] px = cv.px;
        boolean sun = look.sunVisible;
        boolean moon = look.moonVisible && !sun;
        float glow = sun ? look.glow : (moon ? look.glow * 0.6f : 0);
        float r1 = u * (sun ? 0.07f : 0.05f);
        float r2 = u * (sun ? 0.32f : 0.2f);
        float inv1 = 1 / (r1 * r1);
        float inv2 = 1 / (r2 * r2);
        float lr = Rgb.r(look.light), lg = Rgb.g(look.light), lb = Rgb.b(look.light);
        boolean band = spec.time == Time.DAWN || spec.time == Time.SUNSET;
        float[] column = new float[w];
        float[] dx2 = new float[w];
        for (int x = 0; x < w; x++) {
            float dx = x + 0.5f - sunX;
            dx2[x] = dx * dx;
            float c = dx / (w * 0.45f);
            column[x] = 1 / (1 + c * c);
        }
        skyColumnsGlow = column;
        float discR = sunR;
        int disc = spec.time == Time.SUNSET ? 0xffd890 : (spec.time == Time.DAWN ? 0xffe8c0 : 0xfffbef);
        float dr = Rgb.r(disc), dg = Rgb.g(disc), db = Rgb.b(disc);
        int limit = h;
        for (int y = 0; y < limit; y++) {
            float t = y / horizon;
            int base = look.sky(t);
            float br = Rgb.r(base), bg = Rgb.g(base), bb = Rgb.b(base);
            float dy = y + 0.5f - sunY;
            float dy2 = dy * dy;
            float bandRow = 0;
            if (band) {
                float q = (y - horizon) / (h * 0.14f);
                bandRow = (float) (0.5 / (1 + q * q * 2.5));
            } else if (t > 0.6f && t < 1.2f) {
                float q = (y - horizon) / (h * 0.2f);
                bandRow = (float) (0.12 / (1 + q * q * 2));
            }
            int row = (oy + y) * cv.width + ox;
            for (int x = 0; x < w; x++) {
                float d2 = dx2[x] + dy2;
                float gl = glow * (0.55f / (1 + d2 * inv1) + 0.4f / (1 + d2 * inv2)) + bandRow * column[x] * look.glow;
                float r = br + lr * gl;
                float g = bg + lg * gl;
                float b = bb + lb * gl;
                if (sun && d2 < (discR + 1.5f) * (discR + 1.5f)) {
                    float d = (float) Math.sqrt(d2);
                    float a = Noise.clamp01(discR + 0.5f - d);
                    float limb = 1 - 0.12f * (d / discR) * (d / discR);
                    r += (Math.max(r, dr * limb + 20) - r) * a;
                    g += (Math.max(g, dg * limb + 20) - g) * a;
                    b += (Math.max(b, db * limb + 20) - b) * a;
                }
                px[row + x] = Rgb.pack(r, g, b);
            }
        }
    }

    private void paintStarsAndMoon() {
        Rng r = rng.fork("stars");
        if (look.stars > 0) {
            int count = (int) (w * horizon / 700f * look.stars);
            for (int i = 0; i < count; i++) {
                float x = r.nextFloat() * w;
                float y = r.nextFloat() * horizon * 0.97f;
                float t = y / horizon;
                float bright = (float) Math.pow(r.nextFloat(), 2.6) * (1 - t * t) * Math.min(1f, look.stars * 1.2f);
                int colour = r.pick(new int[] {0xffffff, 0xdfe8ff, 0xfff2d8, 0xffffff, 0xcad8ff});
                splat(x, y, colour, 0.35f + bright * 0.9f);
                if (bright > 0.55f) {
                    float s = u * 0.0025f * (1 + bright);
                    for (int k = 1; k <= 2; k++) {
                        float a = bright * 0.35f / k;
                        splat(x + k * s, y, colour, a);
                        splat(x - k * s, y, colour, a);
                        splat(x, y + k * s, colour, a);
                        splat(x, y - k * s, colour, a);
                    }
                    cv.glow(ox + x, oy + y, u * 0.004f, colour, 0.25f * bright, 5);
                }
            }
        }
        if (look.moonVisible && !look.sunVisible) paintMoon(r);
        else if (look.moonVisible) {
            float mx = sunX < w / 2f ? w * 0.78f : w * 0.22f;
            paintMoonAt(mx, horizon * 0.3f, u * 0.025f, 0.55f);
        }
    }

    private void paintMoon(Rng r) {
        paintMoonAt(sunX, sunY, sunR, 1f);
    }

    private void paintMoonAt(float mx, float my, float mr, float opacity) {
        cv.glow(ox + mx, oy + my, mr * 1.6f, 0xc8d6ff, 0.5f * opacity, 12);
        int s = seed ^ 0x51ED;
        int x0 = (int) Math.max(0, mx - mr - 2);
        int x1 = (int) Math.min(w - 1, mx + mr + 2);
        int y0 = (int) Math.max(0, my - mr - 2);
        int y1 = (int) Math.min(h - 1, my + mr + 2);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                float dx = x + 0.5f - mx;
                float dy = y + 0.5f - my;
                float d = (float) Math.sqrt(dx * dx + dy * dy);
                float a = Noise.clamp01(mr + 0.5f - d);
                if (a <= 0) continue;
                float maria = Noise.fbm(dx / mr * 2.2f + 10, dy / mr * 2.2f + 10, 4, s);
                float shade = (1 - 0.3f * (d / mr) * (d / mr)) * (maria > 0.52f ? 0.8f : 1f) * (0.92f + 0.16f * maria);
                int c = Rgb.scale(0xf4f0de, shade);
                cv.blend(ox + x, oy + y, c, a * opacity);
            }
        }
    }

    /** A point of light at a sub-pixel position, shared over the four pixels around it. */
    private void splat(float x, float y, int colour, float a) {
        int ix = Noise.floor(x - 0.5f);
        int iy = Noise.floor(y - 0.5f);
        float fx = x - 0.5f - ix;
        float fy = y - 0.5f - iy;
        add(ix, iy, colour, a * (1 - fx) * (1 - fy));
        add(ix + 1, iy, colour, a * fx * (1 - fy));
        add(ix, iy + 1, colour, a * (1 - fx) * fy);
        add(ix + 1, iy + 1, colour, a * fx * fy);
    }

    private void add(int x, int y, int colour, float a) {
        if (x < 0 || y < 0 || x >= w || y >= h) return;
        cv.addLight(ox + x, oy + y, colour, a);
    }

    private void paintClouds() {
        int rows = (int) Math.ceil(horizon);
        if (rows <= 2) return;
        float cover = look.cloudCover;
        float threshold = 0.66f - cover * 0.34f;
        float[] density = new float[w * rows];
        float[] n = new float[w];
        float[] wisps = new float[w];
        Rng cr = rng.fork("clouds");
        float offX = cr.range(0, 500);
        float offY = cr.range(0, 500);
        float stretch = cr.range(1.5f, 2.6f);
        int cs = seed + 77;
        boolean cirrus = cover < 0.65f;
        for (int y = 0; y < rows; y++) {
            float alt = (horizon - y) / h;
            if (alt <= 0.002f) continue;
            float dist = 1 / (alt + 0.18f);
            float sx = dist / (h * 0.22f * stretch);
            Noise.fbmRow(n, w, offX - w / 2f * sx, sx, offY + dist * 2.2f, 6, 0.5f, cs);
            float fade = Noise.smoothstep(0.0f, 0.08f, alt);
            int row = y * w;
            for (int x = 0; x < w; x++) {
                density[row + x] = Noise.smoothstep(threshold, threshold + 0.22f, n[x]) * fade;
            }
            if (cirrus) {
                float cx = sx * 0.35f;
                Noise.fbmRow(wisps, w, offX * 0.7f - w / 2f * cx, cx, offY + dist * 4f, 4, 0.6f, cs + 991);
                float wispAlpha = (spec.time == Time.NIGHT ? 0.12f : 0.35f) * fade;
                for (int x = 0; x < w; x++) {
                    float v = Noise.smoothstep(0.56f, 0.8f, wisps[x]) * wispAlpha;
                    if (v > density[row + x]) density[row + x] = density[row + x] + (v - density[row + x]) * 0.7f;
                }
            }
        }
        int lit = look.cloudLit;
        int shadow = look.cloudShadow;
        float lr = Rgb.r(lit), lg = Rgb.g(lit), lb = Rgb.b(lit);
        float sr = Rgb.r(shadow), sg = Rgb.g(shadow), sb = Rgb.b(shadow);
        float hr = Rgb.r(look.horizon), hg = Rgb.g(look.horizon), hb = Rgb.b(look.horizon);
        float kr = Rgb.r(look.light), kg = Rgb.g(look.light), kb = Rgb.b(look.light);
        int k = Math.max(2, (int) (h * 0.015f));
        float sunInv = 1 / (u * u * 0.06f);
        boolean sun = look.sunVisible || look.moonVisible;
        int[] px = cv.px;
        for (int y = 0; y < rows; y++) {
            int row = y * w;
            int above = Math.max(0, y - k) * w;
            int below = Math.min(rows - 1, y + k) * w;
            float alt = (horizon - y) / h;
            float hazeMix = (float) Math.pow(Noise.clamp01(1 - alt / 0.25f), 3) * 0.75f;
            float dy = y + 0.5f - sunY;
            int prow = (oy + y) * cv.width + ox;
            for (int x = 0; x < w; x++) {
                float d = density[row + x];
                if (d <= 0.003f) continue;
                float shade = 0.6f + (density[below + x] - density[above + x]) * 0.9f - d * 0.35f;
                shade = shade < 0 ? 0 : (shade > 1 ? 1 : shade);
                float r = sr + (lr - sr) * shade;
                float g = sg + (lg - sg) * shade;
                float b = sb + (lb - sb) * shade;
                if (sun) {
                    float dx = x + 0.5f - sunX;
                    float near = 1 / (1 + (dx * dx + dy * dy) * sunInv);
                    float edge = d * (1 - d) * 4 * near * 0.9f;
                    r += kr * edge;
                    g += kg * edge;
                    b += kb * edge;
                }
                r += (hr - r) * hazeMix;
                g += (hg - g) * hazeMix;
                b += (hb - b) * hazeMix;
                int p = px[prow + x];
                float a = d * 0.96f;
                float pr = (p >>> 16) & 0xFF, pg = (p >>> 8) & 0xFF, pb = p & 0xFF;
                px[prow + x] = Rgb.pack(pr + (r - pr) * a, pg + (g - pg) * a, pb + (b - pb) * a);
            }
        }
    }

    // ---------------------------------------------------------------- land

    private static final int GRASS = 0x5f9140;
    private static final int GRASS_NEAR = 0x4c7f2e;
    private static final int HILL_FAR = 0x6f9a62;
    private static final int WHEAT = 0xc9a94e;
    private static final int FOLIAGE = 0x2f5c2c;
    private static final int CONIFER = 0x23482c;
    private static final int ROCK = 0x7c7268;
    private static final int MOUNTAIN_FAR = 0x5d6c8c;
    private static final int SAND = 0xdcbc84;
    private static final int DUNE = 0xe2a862;
    private static final int SNOW = 0xdde6f2;
    private static final int PAVEMENT = 0x6a6a72;
    private static final int EARTH = 0x7a6244;

    private void paintLand() {
        Rng r = rng.fork("land");
        boolean snow = spec.has(Setting.SNOW);
        boolean sea = spec.has(Setting.SEA);
        boolean lake = spec.has(Setting.LAKE) && !sea;
        boolean mountain = spec.has(Setting.MOUNTAIN);
        boolean forest = spec.has(Setting.FOREST);
        boolean city = spec.has(Setting.CITY);
        boolean desert = spec.has(Setting.DESERT);
        boolean field = spec.has(Setting.FIELD);
        boolean hills = spec.has(Setting.HILLS);
        boolean village = spec.has(Setting.VILLAGE);
        boolean cliff = spec.has(Setting.CLIFF);
        if (!(sea || lake || mountain || forest || city || desert || field || hills || village || cliff || snow)) {
            float pick = r.nextFloat();
            if (pick < 0.55f) {
                hills = true;
                field = true;
            } else if (pick < 0.75f) {
                mountain = true;
            } else {
                forest = true;
                hills = true;
            }
        }
        if (snow && !(mountain || forest || city || hills || field || sea || lake)) {
            mountain = true;
            hills = true;
        }

        // Far: the backdrop that meets the sky.
        if (mountain) {
            Land ridge = ridge(r, horizon + h * 0.02f, h * r.range(0.24f, 0.34f), r.range(1.1f, 1.8f), 0.05f);
            ridge.topColour = look.lit(MOUNTAIN_FAR, 0.75f);
            ridge.bottomColour = look.lit(Rgb.mix(MOUNTAIN_FAR, HILL_FAR, 0.3f), 0.9f);
            ridge.snow = look.lit(SNOW, 0.55f);
            ridge.snowDepth = (snow || r.chance(0.6f)) ? h * r.range(0.06f, 0.12f) : 0;
            ridge.slopeLight = 0.9f;
            ridge.emboss = 1.6f;
            ridge.texScaleX = u * 0.05f;
            ridge.texScaleY = u * 0.05f;
            ridge.texAmp = 0.08f;
            ridge.mist = 0.5f;
            fill(ridge, 11);
            Land second = ridge(r, horizon + h * 0.04f, h * r.range(0.12f, 0.2f), r.range(1.6f, 2.6f), 0.25f);
            second.topColour = look.lit(Rgb.mix(ROCK, MOUNTAIN_FAR, 0.5f), 0.45f);
            second.bottomColour = look.lit(snow ? SNOW : HILL_FAR, 0.55f);
            second.snow = look.lit(SNOW, 0.3f);
            second.snowDepth = snow ? h * 0.05f : 0;
            second.slopeLight = 1.1f;
            second.emboss = 2.2f;
            second.texScaleX = u * 0.03f;
            second.texScaleY = u * 0.04f;
            second.texAmp = 0.12f;
            second.mist = 0.45f;
            fill(second, 12);
            far = second;
        }
        if (desert && !mountain) {
            Land mesa = mesas(r, horizon + h * 0.01f, h * r.range(0.06f, 0.12f));
            mesa.topColour = look.lit(0xc08058, 0.6f);
            mesa.bottomColour = look.lit(0xb07a50, 0.7f);
            mesa.strata = 0.12f;
            mesa.emboss = 1.2f;
            mesa.texScaleX = u * 0.08f;
            mesa.texScaleY = u * 0.01f;
            fill(mesa, 13);
            far = mesa;
        }
        if (city) {
            Land sky1 = skyline(r, horizon + (sea ? 0 : h * 0.005f), h * r.range(0.12f, 0.2f), 0.3f, false);
            far = sky1;
        }
        if (!mountain && !desert && !city) {
            boolean islands = sea && !(hills || field || forest || village);
            if (!islands || r.chance(0.7f)) {
                Land back = hills(r, horizon + h * 0.01f, h * (islands ? r.range(0.015f, 0.035f) : r.range(0.05f, 0.1f)),
                        r.range(0.8f, 1.6f), 0.1f);
                if (islands) clip(back, r);
                back.topColour = look.lit(snow ? SNOW : HILL_FAR, 0.8f);
                back.bottomColour = look.lit(snow ? SNOW : HILL_FAR, 0.9f);
                back.texScaleX = u * 0.02f;
                back.texScaleY = u * 0.02f;
                back.texAmp = view ? 0.05f : 0.1f;
                back.emboss = view ? 0.3f : 0.8f;
                back.slopeLight = 0.6f;
                back.mist = 0.4f;
                fill(back, 14);
                far = back;
                if (forest) {
                    Land trees = treeline(r, back.top, 0, h * 0.03f, u * 0.012f, 0.2f, true);
                    trees.topColour = look.lit(snow ? Rgb.mix(CONIFER, SNOW, 0.5f) : CONIFER, 0.65f);
                    trees.bottomColour = look.lit(CONIFER, 0.75f);
                    trees.texScaleX = u * 0.008f;
                    trees.texScaleY = u * 0.012f;
                    trees.texAmp = 0.15f;
                    trees.emboss = 0.8f;
                    trees.mist = 0.3f;
                    fill(trees, 15);
                }
            }
        }

        // Water.
        if (sea) {
            waterTop = horizon;
            waterBottom = h;
            paintWater(horizon, h);
        } else if (lake) {
            waterTop = horizon + h * 0.012f;
            waterBottom = h * r.range(0.78f, 0.86f);
            paintWater(waterTop, waterBottom + h * 0.02f);
        }

        // Middle.
        if (sea) {
            boolean needLand = cliff || village || spec.has(Thing.HOUSE) || spec.has(Thing.TREE) || spec.has(Thing.TOWER)
                    || spec.has(Thing.ROAD) || spec.has(Thing.LAMP) || (spec.has(Thing.PERSON) && !spec.has(Setting.BEACH));
            if (needLand) headland(r, cliff, snow);
        } else if (!view || lake) {
            if (forest) {
                boolean pines = r.chance(0.5f) || snow || mountain;
                float[] heights = {0.07f, 0.11f, 0.17f};
                float[] offsets = {0.01f, 0.05f, 0.11f};
                float[] distances = {0.6f, 0.35f, 0.1f};
                for (int k = 0; k < 3; k++) {
                    float th = h * heights[k] * r.range(0.85f, 1.15f);
                    Land trees = treeline(r, null, horizon + h * offsets[k], th, u * (0.018f + 0.012f * k), 0.3f + 0.15f * k, pines);
                    int leaf = pines ? CONIFER : FOLIAGE;
                    // Evening light makes the rows silhouettes: keep them green-blue rather than brown.
                    int dusk = Rgb.mix(leaf, 0x1c3048, 0.5f);
                    int tone = look.ambient < 0.7f ? dusk : leaf;
                    trees.topColour = Rgb.mix(look.lit(snow ? Rgb.mix(leaf, SNOW, 0.25f) : Rgb.scale(tone, 1.1f - k * 0.12f), distances[k]),
                            Rgb.scale(tone, 0.55f + look.ambient * 0.3f), look.ambient < 0.7f ? 0.5f : 0f);
                    trees.bottomColour = look.lit(Rgb.scale(tone, 0.6f), distances[k]);
                    trees.gradient = 4;
                    trees.texScaleX = u * 0.01f;
                    trees.texScaleY = u * 0.014f;
                    trees.texAmp = 0.1f + 0.04f * k;
                    trees.emboss = 0.5f;
                    trees.patchAmp = 0.04f;
                    trees.rim = 0.12f;
                    trees.mist = k == 0 ? 0.25f : 0;
                    trees.snow = snow ? look.lit(SNOW, distances[k]) : -1;
                    trees.snowDepth = snow ? th * 0.8f : 0;
                    fill(trees, 21 + k);
                    mid = trees;
                }
            }
            if (city) {
                mid = skyline(r, horizon + h * 0.02f, h * r.range(0.22f, 0.34f), 0.0f, true);
            }
            if (desert) {
                Land dunes = dunes(r, horizon + h * 0.06f, h * 0.08f, 1.4f, 0.5f);
                dunes.topColour = look.lit(DUNE, 0.3f);
                dunes.bottomColour = look.lit(Rgb.scale(DUNE, 0.85f), 0.3f);
                dunes.texScaleX = u * 0.05f;
                dunes.texScaleY = u * 0.006f;
                dunes.texAmp = 0.08f;
                dunes.slopeLight = 2.2f;
                dunes.emboss = 1.0f;
                dunes.rim = 0.2f;
                fill(dunes, 22);
                mid = dunes;
            }
            if (!forest && !city && !desert && !lake) {
                boolean wheat = field && r.chance(0.4f);
                Land rolling = hills(r, horizon + h * r.range(0.04f, 0.08f), h * r.range(0.05f, 0.1f), r.range(0.6f, 1.2f), 0.45f);
                int colour = snow ? SNOW : (wheat ? WHEAT : (mountain && !hills ? Rgb.mix(GRASS, ROCK, 0.35f) : GRASS));
                rolling.topColour = look.lit(colour, 0.3f);
                rolling.bottomColour = look.lit(snow ? 0xb4c4dc : Rgb.scale(colour, 0.85f), 0.25f);
                if (snow) {
                    rolling.slopeLight = 2.5f;
                    rolling.texScaleX = u * 0.08f;
                    rolling.texScaleY = u * 0.03f;
                    rolling.texAmp = 0.05f;
                    rolling.emboss = 0.3f;
                }
                rolling.texScaleX = u * (wheat ? 0.05f : 0.02f);
                rolling.texScaleY = u * (wheat ? 0.004f : 0.015f);
                rolling.texAmp = wheat ? 0.1f : 0.12f;
                rolling.strata = field && !snow ? 0.06f : 0;
                rolling.emboss = snow ? 0.4f : 0.8f;
                rolling.patchAmp = 0.12f;
                rolling.slopeLight = 1.0f;
                rolling.rim = 0.15f;
                fill(rolling, 23);
                mid = rolling;
                if (!snow && (field || hills) && r.chance(0.7f)) hedgerows(r, rolling);
            }
        }

        // Near.
        if (view) return;
        if (sea && spec.has(Setting.BEACH)) {
            beach(r);
        } else if (sea && spec.has(Thing.PERSON) && headland == null) {
            beach(r);
        } else if (!sea) {
            float top = lake ? waterBottom : h * (spec.aerial ? 0.9f : r.range(0.8f, 0.88f));
            Land ground = hills(r, top, h * 0.035f, r.range(0.6f, 1.4f), 0.9f);
            int colour;
            float sx = 0.004f, sy = 0.03f;
            if (snow) {
                colour = SNOW;
                sx = 0.07f;
                sy = 0.025f;
            } else if (desert) {
                colour = SAND;
                sx = 0.06f;
                sy = 0.004f;
            } else if (city) {
                colour = PAVEMENT;
                sx = 0.03f;
                sy = 0.03f;
            } else if (forest) {
                colour = Rgb.mix(GRASS_NEAR, EARTH, 0.45f);
            } else if (lake) {
                colour = Rgb.mix(GRASS_NEAR, SAND, 0.3f);
            } else {
                colour = GRASS_NEAR;
            }
            ground.topColour = look.lit(colour, 0.0f);
            ground.bottomColour = look.lit(snow ? 0xaebfd8 : Rgb.scale(colour, 0.78f), 0.0f);
            ground.texScaleX = u * sx;
            ground.texScaleY = u * sy;
            ground.texAmp = snow ? 0.05f : 0.13f;
            ground.emboss = snow ? 0.35f : 1.0f;
            ground.patchAmp = snow ? 0.06f : 0.12f;
            ground.slopeLight = snow ? 2f : 0.6f;
            ground.gradient = 3f;
            ground.rim = 0.12f;
            fill(ground, 31);
            near = ground;
        }
    }

    private Land ridge(Rng r, float base, float amp, float freq, float depth) {
        float[] top = new float[w];
        float off = r.range(0, 100);
        int s = r.nextInt();
        float crest = r.range(0.3f, 0.7f);
        for (int x = 0; x < w; x++) {
            float nx = x / u * freq + off;
            float v = Noise.ridged1(nx, 6, 0.5f, s);
            float env = 0.6f + 0.4f * (1 - Math.abs(x / (float) w - crest) * 1.4f);
            top[x] = base - amp * (0.12f + 0.88f * Noise.smoothstep(0.25f, 0.85f, v)) * env;
        }
        Land land = new Land(top, h, depth);
        land.standable = false;
        lands.add(land);
        return land;
    }

    private Land hills(Rng r, float base, float amp, float freq, float depth) {
        float[] top = new float[w];
        float off = r.range(0, 100);
        int s = r.nextInt();
        for (int x = 0; x < w; x++) {
            float v = Noise.fbm1(x / u * freq + off, 5, 0.42f, s);
            top[x] = base - amp * v;
        }
        Land land = new Land(top, h, depth);
        lands.add(land);
        return land;
    }

    /** Islands: the far hills cut into a few pieces along the horizon. */
    private void clip(Land land, Rng r) {
        float off = r.range(0, 50);
        int s = r.nextInt();
        for (int x = 0; x < w; x++) {
            float v = Noise.fbm1(x / u * 2.2f + off, 3, 0.5f, s);
            float lift = Noise.smoothstep(0.45f, 0.6f, v);
            land.top[x] = horizon + 2 - (horizon + 2 - land.top[x]) * lift;
        }
        land.standable = false;
    }

    private Land mesas(Rng r, float base, float amp) {
        float[] top = new float[w];
        float off = r.range(0, 100);
        int s = r.nextInt();
        for (int x = 0; x < w; x++) {
            float v = Noise.fbm1(x / u * 1.6f + off, 5, 0.35f, s);
            float flat = Noise.clamp01((v - 0.48f) * 6);
            float jag = Noise.value1(x / u * 40, s + 5) * 0.06f;
            top[x] = base - amp * (flat + jag) - h * 0.005f;
        }
        Land land = new Land(top, h, 0.1f);
        land.standable = false;
        lands.add(land);
        return land;
    }

    private Land dunes(Rng r, float base, float amp, float freq, float depth) {
        float[] top = new float[w];
        float off = r.range(0, 100);
        int s = r.nextInt();
        for (int x = 0; x < w; x++) {
            float nx = x / u * freq + off + Noise.fbm1(x / u * 0.8f, 3, 0.5f, s + 1) * 1.2f;
            float p = nx - Noise.floor(nx);
            float shape = p < 0.72f ? Noise.fade(p / 0.72f) : 1 - Noise.fade((p - 0.72f) / 0.28f);
            float big = Noise.fbm1(x / u * 0.7f + off, 3, 0.5f, s);
            top[x] = base - amp * (0.5f * shape + big);
        }
        Land land = new Land(top, h, depth);
        lands.add(land);
        return land;
    }

    /** A row of trees whose crowns make the skyline; stands on {@code ground} or on a line just below the horizon. */
    private Land treeline(Rng r, float[] ground, float baseY, float height, float spacing, float depth, boolean conifers) {
        float[] top = new float[w];
        float[] base = new float[w];
        float[] crown = new float[w];
        for (int x = 0; x < w; x++) {
            base[x] = ground != null ? ground[x] + height * 0.25f : baseY;
            top[x] = base[x];
        }
        int s = r.nextInt();
        float x = -spacing;
        while (x < w + spacing) {
            float th = height * r.range(0.55f, 1f);
            boolean pine = conifers ? r.chance(0.85f) : r.chance(0.2f);
            float hw = th * (pine ? r.range(0.2f, 0.3f) : r.range(0.35f, 0.55f));
            int xi = Math.max(0, Math.min(w - 1, (int) x));
            float tip = base[xi] - th;
            int a = Math.max(0, (int) (x - hw));
            int b = Math.min(w - 1, (int) (x + hw));
            for (int c = a; c <= b; c++) {
                float signed = (c + 0.5f - x) / hw;
                float dx = Math.abs(signed);
                if (dx > 1) continue;
                float y;
                if (pine) {
                    float tier = dx * 4 - Noise.floor(dx * 4);
                    y = tip + th * dx * 0.95f + th * 0.06f * tier;
                } else {
                    y = tip + th * 0.5f * (1 - (float) Math.sqrt(1 - dx * dx)) + th * 0.08f * Noise.value1(c * 0.15f, s);
                }
                if (y < top[c]) {
                    top[c] = y;
                    crown[c] = signed;
                }
            }
            x += spacing * r.range(0.35f, 0.9f);
        }
        for (int c = 0; c < w; c++) top[c] += (Noise.value1(c / (u * 0.004f), s + 9) - 0.5f) * height * 0.04f;
        Land land = new Land(top, h, depth);
        land.standable = false;
        land.crown = crown;
        land.crownDepth = height * 0.6f;
        lands.add(land);
        return land;
    }

    private Land skyline(Rng r, float base, float maxHeight, float distance, boolean nearRow) {
        float[] top = new float[w];
        java.util.Arrays.fill(top, h + 10);
        int[] building = new int[w];
        List<float[]> specs = new ArrayList<>();
        float x = -r.range(0, u * 0.05f);
        float centre = r.range(0.3f, 0.7f) * w;
        int[] facades = {0x8a8f9a, 0x9a8a7a, 0x7a8494, 0xb0a898, 0x6a7280, 0xa49484, 0x8c9aa6, 0xc2b8a8};
        while (x < w) {
            float bw = u * (nearRow ? r.range(0.06f, 0.14f) : r.range(0.03f, 0.08f));
            float env = 0.45f + 0.55f / (1 + ((x - centre) / (w * 0.25f)) * ((x - centre) / (w * 0.25f)));
            float bh = maxHeight * env * r.range(0.35f, 1f);
            if (r.chance(0.08f)) bh *= 1.35f;
            float gap = nearRow ? 0 : (r.chance(0.3f) ? u * 0.004f : 0);
            float[] b = {x, bw, base - bh, facades[r.nextInt(facades.length)], r.nextInt(), r.chance(0.25f) ? 1 : 0};
            int id = specs.size();
            specs.add(b);
            int a = Math.max(0, (int) x);
            int e = Math.min(w, (int) (x + bw));
            for (int c = a; c < e; c++) {
                top[c] = base - bh;
                building[c] = id;
            }
            x += bw + gap;
        }
        Land land = new Land(top, h, nearRow ? 0.5f : 0.2f);
        land.standable = false;
        lands.add(land);
        paintBuildings(land, building, specs, distance, nearRow, base);
        return land;
    }

    private void paintBuildings(Land land, int[] building, List<float[]> specs, float distance, boolean nearRow, float base) {
        int[] px = cv.px;
        float pitchX = u * (nearRow ? 0.018f : 0.01f);
        float pitchY = u * (nearRow ? 0.026f : 0.014f);
        float lit = look.windowLitChance;
        boolean night = spec.time == Time.NIGHT || spec.time == Time.SUNSET;
        int glass = Rgb.mix(look.upper, 0x1a2430, 0.45f);
        float[] n = new float[w];
        int y0 = Math.max(0, (int) land.minTop());
        int yEnd = Math.min(h, (int) Math.ceil(base + (nearRow ? h : 0)));
        if (!nearRow) yEnd = Math.min(h, (int) Math.ceil(base + h * 0.02f));
        int[] colours = new int[specs.size()];
        int[] sides = new int[specs.size()];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = look.lit((int) specs.get(i)[3], distance + (nearRow ? 0.05f : 0.3f));
            sides[i] = Rgb.scale(colours[i], 0.72f);
        }
        int hz = look.horizon;
        for (int y = y0; y < yEnd; y++) {
            Noise.fbmRow(n, w, 0, 1 / (u * 0.01f), y / (u * 0.01f), 3, 0.5f, seed + 404);
            float fogBase = nearRow ? Noise.clamp01((y - base + h * 0.08f) / (h * 0.3f)) * 0.25f
                    : Noise.clamp01((y - base + h * 0.06f) / (h * 0.06f)) * 0.6f;
            int row = (oy + y) * cv.width + ox;
            for (int x = 0; x < w; x++) {
                float t = land.top[x];
                if (y < t) continue;
                int id = building[x];
                float[] b = specs.get(id);
                float lx = x - b[0];
                float ly = y - b[2];
                boolean side = lightSide > 0 ? lx < b[1] * 0.22f : lx > b[1] * 0.78f;
                int c = side ? sides[id] : colours[id];
                float wx = lx % pitchX;
                float wy = ly % pitchY;
                boolean window = lx > pitchX * 0.6f && lx < b[1] - pitchX * 0.6f && ly > pitchY * 0.8f
                        && wx > pitchX * 0.3f && wy > pitchY * 0.35f && wy < pitchY * 0.85f;
                if (b[5] > 0 && window) window = ((int) (ly / pitchY)) % 3 != 0;
                if (window) {
                    int cell = Noise.hash((int) (lx / pitchX), (int) (ly / pitchY), (int) b[4]);
                    float roll = (cell >>> 8) * 0x1.0p-24f;
                    if (roll < lit && night) {
                        c = Rgb.mix(0xffd890, 0xfff4d0, ((cell >>> 3) & 31) / 31f);
                    } else if (roll < lit * 1.2f) {
                        c = Rgb.mix(0xffc870, glass, 0.6f);
                    } else {
                        c = Rgb.mix(glass, Rgb.scale(c, 0.5f), 0.4f + 0.3f * (((cell >>> 4) & 15) / 15f));
                    }
                }
                float f = 0.92f + 0.16f * n[x];
                c = Rgb.scale(c, f);
                if (fogBase > 0) c = Rgb.mix(c, hz, fogBase);
                px[row + x] = c;
            }
        }
        if (!nearRow) return;
        // Roof details: antennas and water tanks on some of the tall ones.
        Graphics2D g = cv.graphics();
        g.translate(ox, oy);
        g.clipRect(0, 0, w, h);
        Rng r = rng.fork("roofs");
        for (float[] b : specs) {
            if (!r.chance(0.25f)) continue;
            float ax = b[0] + b[1] * r.range(0.3f, 0.7f);
            float ah = u * r.range(0.02f, 0.06f);
            g.setColor(Rgb.color(Rgb.scale((int) b[3], look.ambient * 0.5f)));
            g.setStroke(new java.awt.BasicStroke(Math.max(1f, u * 0.002f)));
            g.draw(new java.awt.geom.Line2D.Float(ax, b[2], ax, b[2] - ah));
            if (night) cv.glow(ox + ax, oy + b[2] - ah, u * 0.003f, 0xff4030, 0.8f, 6);
        }
        g.dispose();
    }

    private void headland(Rng r, boolean tall, boolean snow) {
        headlandLeft = r.chance(0.5f);
        float extent = w * r.range(0.3f, 0.46f);
        float waterline = horizon + h * r.range(0.05f, 0.09f);
        float height = h * (tall ? r.range(0.1f, 0.16f) : r.range(0.04f, 0.07f));
        float[] top = new float[w];
        int s = r.nextInt();
        for (int x = 0; x < w; x++) {
            float d = headlandLeft ? x : w - 1 - x;
            float p = d / extent;
            if (p >= 1.03f) {
                top[x] = h + 10;
                continue;
            }
            float bump = (Noise.fbm1(x / u * 3f, 5, 0.5f, s) - 0.5f) * h * 0.03f;
            float inland = (1 - p) * h * 0.03f;
            float y = waterline - height - inland + bump;
            float drop = Noise.smoothstep(0.84f, 1.03f, p);
            top[x] = y + (waterline + 2 - y) * (float) Math.pow(drop, 0.8);
        }
        headlandTip = headlandLeft ? extent * 0.84f : w - extent * 0.84f;
        Land land = new Land(top, waterline + h * 0.004f, 0.55f);
        land.topColour = look.lit(tall ? Rgb.mix(ROCK, 0x8a7a66, 0.4f) : Rgb.mix(GRASS, EARTH, 0.3f), 0.25f);
        land.bottomColour = look.lit(Rgb.scale(ROCK, 0.7f), 0.25f);
        land.accent = look.lit(snow ? SNOW : GRASS, 0.2f);
        land.accentDepth = h * (tall ? 0.018f : 0.05f);
        land.gradient = 6;
        land.strata = tall ? 0.18f : 0.05f;
        land.emboss = 2.2f;
        land.texScaleX = u * 0.03f;
        land.texScaleY = u * 0.008f;
        land.texAmp = 0.16f;
        land.slopeLight = 1.2f;
        land.rim = 0.25f;
        lands.add(land);
        fill(land, 41);
        headland = land;
        mid = land;
        // Surf along the foot of the land.
        Rng f = rng.fork("surf");
        int[] px = cv.px;
        int foam = Rgb.mix(0xffffff, look.light, 0.3f);
        foam = Rgb.scale(foam, Math.min(1f, look.ambient * 1.1f));
        for (int x = 0; x < w; x++) {
            if (!land.present(x)) continue;
            float base = land.bottom;
            float amount = 0.5f + 0.5f * Noise.value1(x * 0.08f, s + 3);
            int depth = (int) (h * 0.012f * amount) + 1;
            for (int k = -1; k < depth; k++) {
                int y = (int) base + k;
                if (y < 0 || y >= h) continue;
                float a = (1 - k / (float) depth) * 0.8f * (0.6f + 0.4f * f.nextFloat());
                cv.blend(ox + x, oy + y, foam, a);
            }
        }
    }

    private void beach(Rng r) {
        float top = h * r.range(0.8f, 0.87f);
        float[] t = new float[w];
        int s = r.nextInt();
        for (int x = 0; x < w; x++) t[x] = top + (Noise.fbm1(x / u * 1.5f, 4, 0.5f, s) - 0.5f) * h * 0.05f;
        Land sand = new Land(t, h, 0.9f);
        sand.topColour = look.lit(Rgb.mix(SAND, 0x8a7a60, 0.35f), 0);
        sand.bottomColour = look.lit(SAND, 0);
        sand.gradient = 4;
        sand.texScaleX = u * 0.03f;
        sand.texScaleY = u * 0.005f;
        sand.texAmp = 0.1f;
        sand.emboss = 1.2f;
        lands.add(sand);
        fill(sand, 51);
        near = sand;
        sandy = true;
        int foam = Rgb.scale(0xf4f8fa, Math.min(1f, look.ambient * 1.05f));
        for (int x = 0; x < w; x++) {
            float y = t[x];
            int thick = (int) (h * 0.008f * (0.5f + Noise.value1(x * 0.05f, s + 2))) + 2;
            for (int k = -thick; k < 2; k++) cv.blend(ox + x, oy + (int) y + k, foam, 0.75f * (1 - Math.abs(k) / (float) (thick + 1)));
        }
    }

    private void hedgerows(Rng r, Land rolling) {
        int rows = 1 + r.nextInt(3);
        int[] px = cv.px;
        int colour = look.lit(FOLIAGE, 0.35f);
        for (int k = 0; k < rows; k++) {
            float offset = h * r.range(0.02f, 0.12f);
            float thick = h * 0.006f;
            int s = r.nextInt();
            for (int x = 0; x < w; x++) {
                float y0 = rolling.top[x] + offset + (Noise.value1(x / u * 2f, s) - 0.5f) * h * 0.03f;
                float bump = Noise.value1(x * 0.2f, s + 1) * thick * 1.2f;
                float yTop = y0 - bump;
                for (int y = (int) yTop; y <= (int) (y0 + thick); y++) {
                    if (y < 0 || y >= h) continue;
                    float a = Noise.clamp01(y + 1 - yTop);
                    float shade = 0.8f + 0.4f * Noise.unit(x, y, s);
                    cv.blend(ox + x, oy + y, Rgb.scale(colour, shade), a);
                }
            }
        }
    }

    /** Fills a band of land: gradient, texture relief, light on slopes, snow, a rim of light at its skyline. */
    void fill(Land land, int salt) {
        int[] px = cv.px;
        float[] top = land.top;
        int y0 = Math.max(0, (int) Math.floor(land.minTop()));
        int y1 = Math.min(h, (int) Math.ceil(land.bottom));
        float[] n = new float[w + 2];
        float tr = Rgb.r(land.topColour), tg = Rgb.g(land.topColour), tb = Rgb.b(land.topColour);
        float br = Rgb.r(land.bottomColour), bg = Rgb.g(land.bottomColour), bb = Rgb.b(land.bottomColour);
        float lr = Rgb.r(look.light), lg = Rgb.g(look.light), lb = Rgb.b(look.light);
        float hr = Rgb.r(look.horizon), hg = Rgb.g(look.horizon), hb = Rgb.b(look.horizon);
        boolean accent = land.accent >= 0;
        float ar = Rgb.r(Math.max(0, land.accent)), ag = Rgb.g(Math.max(0, land.accent)), ab = Rgb.b(Math.max(0, land.accent));
        boolean snow = land.snow >= 0 && land.snowDepth > 0;
        float sr = Rgb.r(Math.max(0, land.snow)), sg = Rgb.g(Math.max(0, land.snow)), sbl = Rgb.b(Math.max(0, land.snow));
        float peak = land.minTop();
        float rimWidth = Math.max(2, h * 0.006f);
        float rim = land.rim * (spec.time == Time.SUNSET || spec.time == Time.DAWN ? 2.2f : 1f);
        float[] slope = new float[w];
        for (int x = 0; x < w; x++) {
            float a = top[Math.max(0, x - 2)];
            float b = top[Math.min(w - 1, x + 2)];
            slope[x] = Math.max(-3, Math.min(3, (b - a) / 4f));
        }
        float invX = 1 / land.texScaleX;
        float invY = 1 / land.texScaleY;
        int s = seed + salt * 7919;
        float bottom = land.bottom;
        // Finest octave no smaller than about three pixels, so the texture reads as surface, not static.
        float finest = Math.min(land.texScaleX, land.texScaleY);
        int octaves = Math.max(1, Math.min(land.octaves, 1 + (int) Math.floor(Math.log(finest / 3) / Math.log(2.03))));
        float[] patch = new float[w];
        float patchInv = 1 / (u * 0.14f);
        float[] crown = land.crown;
        float crownDepth = Math.max(1, land.crownDepth);
        for (int y = y0; y < y1; y++) {
            Noise.fbmRow(n, w + 2, -invX + salt * 13.7f, invX, y * invY, octaves, 0.55f, s);
            if (land.patchAmp > 0) Noise.fbmRow(patch, w, salt * 3.1f, patchInv, y * patchInv * 2, 3, 0.5f, s + 17);
            float cover = Noise.clamp01(bottom - y);
            int row = (oy + y) * cv.width + ox;
            for (int x = 0; x < w; x++) {
                float tp = top[x];
                float cov = y + 1 - tp;
                if (cov <= 0) continue;
                if (cov > 1) cov = 1;
                cov *= cover;
                float depth = (y - tp) / h;
                if (depth < 0) depth = 0;
                float gmix = depth * land.gradient;
                if (gmix > 1) gmix = 1;
                float r = tr + (br - tr) * gmix;
                float g = tg + (bg - tg) * gmix;
                float b = tb + (bb - tb) * gmix;
                float nn = n[x + 1];
                float relief = (n[x + 2] - n[x]) * land.emboss * lightSide * 2.5f;
                float f = 1 + land.texAmp * (nn - 0.5f) * 2 + relief + land.patchAmp * (patch[x] - 0.5f) * 2;
                if (crown != null) {
                    float k = 1 - (y - tp) / crownDepth;
                    if (k > 0) f += crown[x] * lightSide * 0.3f * k;
                }
                if (land.slopeLight != 0) f -= slope[x] * lightSide * land.slopeLight * 0.12f / (1 + depth * 40);
                if (land.strata != 0) {
                    float band = (y * 0.06f + nn * 6) % 2f;
                    f += (band < 1 ? band : 2 - band) * land.strata - land.strata * 0.5f;
                }
                if (accent) {
                    float band = land.accentDepth * (0.6f + 0.8f * nn);
                    if (y - tp < band) {
                        float a = Noise.clamp01((band - (y - tp)) / 2f);
                        r += (ar - r) * a;
                        g += (ag - g) * a;
                        b += (ab - b) * a;
                    }
                }
                if (snow) {
                    float line = peak + land.snowDepth * (0.7f + 0.6f * nn) - slope[x] * lightSide * 2;
                    if (y < line) {
                        float a = Noise.clamp01((line - y) / 3f) * (0.75f + 0.25f * nn);
                        r += (sr - r) * a;
                        g += (sg - g) * a;
                        b += (sbl - b) * a;
                    }
                }
                r *= f;
                g *= f;
                b *= f;
                if (rim > 0) {
                    float k = (y - tp) / rimWidth;
                    if (k < 1) {
                        float a = rim * (1 - k) * (1 - k);
                        r += lr * a;
                        g += lg * a;
                        b += lb * a;
                    }
                }
                if (land.mist > 0) {
                    float m = Noise.clamp01(depth * 6) * land.mist;
                    r += (hr - r) * m;
                    g += (hg - g) * m;
                    b += (hb - b) * m;
                }
                int i = row + x;
                if (cov >= 1) {
                    px[i] = Rgb.pack(r, g, b);
                } else {
                    int p = px[i];
                    float pr = (p >>> 16) & 0xFF, pg = (p >>> 8) & 0xFF, pb = p & 0xFF;
                    px[i] = Rgb.pack(pr + (r - pr) * cov, pg + (g - pg) * cov, pb + (b - pb) * cov);
                }
            }
        }
    }

    // ---------------------------------------------------------------- water

    private void paintWater(float from, float to) {
        int[] px = cv.px;
        int y0 = (int) Math.floor(from);
        int y1 = Math.min(h, (int) Math.ceil(to));
        float[] n = new float[w];
        float[] prev = new float[w];
        float wr = Rgb.r(look.lit(look.water, 0)), wg = Rgb.g(look.lit(look.water, 0)), wb = Rgb.b(look.lit(look.water, 0));
        wr = Math.max(wr, Rgb.r(look.water) * 0.6f);
        wg = Math.max(wg, Rgb.g(look.water) * 0.6f);
        wb = Math.max(wb, Rgb.b(look.water) * 0.6f);
        float hr = Rgb.r(look.horizon), hg = Rgb.g(look.horizon), hb = Rgb.b(look.horizon);
        float lr = Rgb.r(look.light), lg = Rgb.g(look.light), lb = Rgb.b(look.light);
        boolean source = look.sunVisible || look.moonVisible;
        float glitter = look.sunVisible ? 1.2f : 0.8f;
        boolean calm = spec.mood == dev.reelwright.core.model.Mood.CALM && !spec.has(Weather.STORM);
        float waveAmp = spec.has(Weather.STORM) ? 0.55f : (calm ? 0.28f : 0.38f);
        float span = h - horizon;
        int s = seed + 5003;
        for (int y = Math.max(0, y0 - 1); y < y1; y++) {
            float persp = y + 0.5f - horizon;
            if (persp < 0.5f) persp = 0.5f;
            float q = persp / span;
            float sx = span / persp / (u * 0.07f);
            float ny = span * span / (u * 0.014f * persp);
            float[] t = prev;
            prev = n;
            n = t;
            int oct = Math.max(1, Math.min(5, 1 + (int) (Math.log(Math.max(1, 1 / sx / 3)) / Math.log(2.03))));
            Noise.fbmRow(n, w, -w / 2f * sx + 50, sx, ny, oct, 0.5f, s);
            if (y < y0) continue;
            float reflectT = (horizon - persp * 0.9f) / horizon;
            int refl = look.sky(Math.max(0, reflectT));
            float rr = Rgb.r(refl) * 0.82f, rg = Rgb.g(refl) * 0.85f, rb = Rgb.b(refl) * 0.9f;
            float fresnel = 0.25f + 0.65f * (float) Math.pow(q, 0.7);
            float br = rr + (wr - rr) * fresnel;
            float bg = rg + (wg - rg) * fresnel;
            float bb = rb + (wb - rb) * fresnel;
            float haze = Noise.clamp01(1 - q / 0.1f);
            haze = haze * haze * 0.8f;
            float amp = waveAmp * (0.3f + 0.7f * Noise.clamp01(q * 3));
            float width = w * (0.02f + 0.22f * q) + sunR;
            float edge = Noise.clamp01(to - y);
            int row = (oy + y) * cv.width + ox;
            for (int x = 0; x < w; x++) {
                float v = n[x];
                float slope = (v - prev[x]) * 3;
                float f = 1 + (v - 0.5f) * amp + slope * amp;
                float r = br * f, g = bg * f, b = bb * f;
                if (source) {
                    float dx = (x + 0.5f - sunX) / width;
                    if (dx > -1 && dx < 1) {
                        float spark = Noise.smoothstep(0.52f, 0.66f, v + slope * 0.6f) * (1 - dx * dx) * glitter;
                        r += lr * spark;
                        g += lg * spark;
                        b += lb * spark;
                    }
                }
                r += (hr - r) * haze;
                g += (hg - g) * haze;
                b += (hb - b) * haze;
                int i = row + x;
                if (edge >= 1) {
                    px[i] = Rgb.pack(r, g, b);
                } else {
                    int p = px[i];
                    float pr = (p >>> 16) & 0xFF, pg = (p >>> 8) & 0xFF, pb = p & 0xFF;
                    px[i] = Rgb.pack(pr + (r - pr) * edge, pg + (g - pg) * edge, pb + (b - pb) * edge);
                }
            }
        }
    }

    // ---------------------------------------------------------------- weather

    private void paintWeather() {
        Rng r = rng.fork("weather");
        if (look.fog > 0) fog(r);
        Graphics2D g = cv.graphics();
        g.translate(ox, oy);
        g.clipRect(0, 0, w, h);
        if (spec.has(Thing.LIGHTNING)) Props.lightning(this, g, r);
        if (spec.has(Weather.RAIN) || spec.has(Weather.STORM) && !spec.has(Weather.SNOWFALL)) {
            int count = (int) (w * h / 2500f * (spec.has(Weather.RAIN) ? 1 : 0.5f));
            float angle = r.range(-0.25f, 0.1f);
            int colour = Rgb.mix(look.horizon, 0xffffff, 0.5f);
            for (int i = 0; i < count; i++) {
                float x = r.nextFloat() * (w + h * 0.2f) - h * 0.1f;
                float y = r.nextFloat() * h;
                float len = h * r.range(0.015f, 0.045f);
                g.setColor(Rgb.color(colour, r.range(0.08f, 0.25f)));
                g.setStroke(new java.awt.BasicStroke(Math.max(1f, u * 0.0012f)));
                g.draw(new java.awt.geom.Line2D.Float(x, y, x + len * angle, y + len));
            }
        }
        if (spec.has(Weather.SNOWFALL) && !view) {
            int count = (int) (w * h / 1800f);
            for (int i = 0; i < count; i++) {
                float x = r.nextFloat() * w;
                float y = r.nextFloat() * h;
                float size = u * 0.002f * (1 + 2.5f * r.nextFloat() * r.nextFloat());
                g.setColor(Rgb.color(0xffffff, r.range(0.5f, 0.9f)));
                g.fill(new java.awt.geom.Ellipse2D.Float(x - size, y - size, size * 2, size * 2));
            }
        }
        g.dispose();
    }

    private void fog(Rng r) {
        int[] px = cv.px;
        float[] n = new float[w];
        int fog = Rgb.mix(look.horizon, 0xdde4ea, 0.35f);
        fog = Rgb.scale(fog, Math.min(1f, 0.5f + look.ambient * 0.6f));
        float fr = Rgb.r(fog), fg = Rgb.g(fog), fb = Rgb.b(fog);
        float amount = look.fog;
        int s = seed + 8080;
        for (int y = 0; y < h; y++) {
            float d = (y - horizon) / h;
            float band = 1 / (1 + d * d * 30);
            if (y > horizon) band = Math.max(band, 0.35f * (1 - (y - horizon) / (h - horizon)));
            float strength = amount * band;
            if (strength < 0.01f) continue;
            Noise.fbmRow(n, w, 0, 1 / (u * 0.12f), y / (u * 0.03f), 4, 0.5f, s);
            int row = (oy + y) * cv.width + ox;
            for (int x = 0; x < w; x++) {
                float a = strength * (0.4f + 1.1f * n[x]);
                if (a > 0.92f) a = 0.92f;
                int p = px[row + x];
                float pr = (p >>> 16) & 0xFF, pg = (p >>> 8) & 0xFF, pb = p & 0xFF;
                px[row + x] = Rgb.pack(pr + (fr - pr) * a, pg + (fg - pg) * a, pb + (fb - pb) * a);
            }
        }
    }

    // ---------------------------------------------------------------- helpers for props

    /** The nearest land under column x that a thing can stand on, or null. */
    Land groundAt(float x) {
        Land best = null;
        for (Land land : lands) {
            if (!land.standable || !land.present(x)) continue;
            if (best == null || land.depth > best.depth) best = land;
        }
        return best;
    }

    float waterY(float q) {
        return horizon + (h - horizon) * q;
    }
}
