package dev.reelwright.local.motion;

import java.awt.image.BufferedImage;

/**
 * A cheap guess at where the eye goes in a picture: cells with strong local contrast or unusual brightness, weighted
 * toward the centre. Dolly moves push in toward it.
 */
final class PointOfInterest {
    private PointOfInterest() {}

    /** {x, y} in 0..1 of the image. */
    static double[] find(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int cols = Math.min(48, w);
        int rows = Math.max(1, Math.min(27, h * cols / Math.max(1, w)));
        double[] mean = new double[cols * rows];
        double[] var = new double[cols * rows];
        int sx = Math.max(1, w / (cols * 6));
        int sy = Math.max(1, h / (rows * 6));
        double total = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int x0 = c * w / cols, x1 = Math.max(x0 + 1, (c + 1) * w / cols);
                int y0 = r * h / rows, y1 = Math.max(y0 + 1, (r + 1) * h / rows);
                double sum = 0, sq = 0;
                int n = 0;
                for (int y = y0; y < y1; y += sy) {
                    for (int x = x0; x < x1; x += sx) {
                        int p = image.getRGB(x, y);
                        double l = 0.2126 * ((p >> 16) & 0xFF) + 0.7152 * ((p >> 8) & 0xFF) + 0.0722 * (p & 0xFF);
                        sum += l;
                        sq += l * l;
                        n++;
                    }
                }
                double m = sum / n;
                mean[r * cols + c] = m;
                var[r * cols + c] = Math.max(0, sq / n - m * m);
                total += m;
            }
        }
        double global = total / (cols * rows);
        double best = -1;
        double[] score = new double[cols * rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                double dx = (c + 0.5) / cols - 0.5;
                double dy = (r + 0.5) / rows - 0.5;
                double prior = Math.exp(-(dx * dx + dy * dy) / (2 * 0.3 * 0.3));
                double s = (Math.sqrt(var[i]) + 0.5 * Math.abs(mean[i] - global)) * prior;
                score[i] = s;
                best = Math.max(best, s);
            }
        }
        if (best <= 0) return new double[] {0.5, 0.5};
        double sx2 = 0, sy2 = 0, wsum = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double s = score[r * cols + c];
                if (s < best * 0.6) continue;
                double wgt = s * s;
                sx2 += wgt * (c + 0.5) / cols;
                sy2 += wgt * (r + 0.5) / rows;
                wsum += wgt;
            }
        }
        return new double[] {sx2 / wsum, sy2 / wsum};
    }
}
