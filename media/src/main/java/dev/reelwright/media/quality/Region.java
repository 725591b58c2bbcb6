package dev.reelwright.media.quality;

/**
 * A segmented region: a connected patch of near-uniform colour bounded by edges, described by shape measures that a
 * rigid move, a turn or a camera zoom leave alone (solidity, elongation) and by its filled area, which only a zoom
 * should change. Colour is mean CIELAB (OpenCV's 8-bit scaling); {@code contrast} is the colour distance to a thin
 * ring just outside the region: objects stand out from their surroundings, patches of a texture barely do;
 * {@code texture} is the standard deviation of lightness inside.
 */
record Region(double cx, double cy, double area, double solidity, double elongation, double contrast, double texture,
              double l, double a, double b, int left, int top, int width, int height) {

    double colourDistance(Region other) {
        return Math.sqrt(Math.pow(l - other.l, 2) + Math.pow(a - other.a, 2) + Math.pow(b - other.b, 2));
    }
}
