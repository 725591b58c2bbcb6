package dev.reelwright.local.keyframe;

/** The last pass over every pixel: paper texture, mood grade, split toning, vignette and film grain. */
final class Finish {
    private Finish() {}

    static void apply(Canvas cv, Look look, int seed) {
        int w = cv.width;
        int h = cv.height;
        int[] px = cv.px;
        float u = Math.min(w, h);
        float[] paper = new float[w];
        float[] fibre = new float[w];
        float sat = look.saturation;
        float con = look.contrast;
        float bright = look.brightness;
        float tr = look.tint[0], tg = look.tint[1], tb = look.tint[2];
        float[] sh = look.shadowTint;
        float[] hi = look.highlightTint;
        float vig = look.vignette;
        float grain = look.grain / 255f;
        float cx = w / 2f;
        float cy = h / 2f;
        float ix = 1 / cx;
        float iy = 1 / cy;
        float paperScale = 1 / Math.max(1.5f, u * 0.0028f);
        float fibreScale = 1 / Math.max(3f, u * 0.012f);
        for (int y = 0; y < h; y++) {
            Noise.fbmRow(paper, w, 0, paperScale, y * paperScale, 2, 0.5f, seed + 1);
            Noise.fbmRow(fibre, w, 0, fibreScale * 0.4f, y * fibreScale, 3, 0.5f, seed + 2);
            float ny = (y + 0.5f - cy) * iy;
            float ny2 = ny * ny;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int p = px[row + x];
                float r = ((p >>> 16) & 0xFF) * (1 / 255f);
                float g = ((p >>> 8) & 0xFF) * (1 / 255f);
                float b = (p & 0xFF) * (1 / 255f);
                float tex = 1 + (paper[x] - 0.5f) * 0.09f + (fibre[x] - 0.5f) * 0.07f;
                r *= tex;
                g *= tex;
                b *= tex;
                float l = 0.2126f * r + 0.7152f * g + 0.0722f * b;
                r = l + (r - l) * sat;
                g = l + (g - l) * sat;
                b = l + (b - l) * sat;
                float lt = l < 0 ? 0 : (l > 1 ? 1 : l);
                r *= tr * (sh[0] + (hi[0] - sh[0]) * lt);
                g *= tg * (sh[1] + (hi[1] - sh[1]) * lt);
                b *= tb * (sh[2] + (hi[2] - sh[2]) * lt);
                r = toe((r - 0.45f) * con + 0.45f + bright);
                g = toe((g - 0.45f) * con + 0.45f + bright);
                b = toe((b - 0.45f) * con + 0.45f + bright);
                float nx = (x + 0.5f - cx) * ix;
                float rr = (nx * nx + ny2) * 0.5f;
                float v = 1 - vig * rr * (0.6f + 0.4f * rr);
                int hsh = Noise.hash(x, y, seed);
                float n = ((hsh >> 8) & 0xFF) * (1 / 127.5f) - 1 + (((hsh >> 16) & 0xFF) * (1 / 127.5f) - 1);
                float chroma = ((hsh & 0xFF) * (1 / 127.5f) - 1) * 0.3f;
                float gr = n * 0.5f * grain;
                r = r * v + gr + chroma * grain;
                g = g * v + gr;
                b = b * v + gr - chroma * grain;
                px[row + x] = Rgb.pack(r * 255, g * 255, b * 255);
            }
        }
    }

    private static final float TOE = 0.09f;

    /** Shadows roll off smoothly instead of clipping to black, so dark areas keep their detail. */
    private static float toe(float c) {
        return c >= TOE ? c : TOE * (float) Math.exp((c - TOE) / TOE);
    }
}
