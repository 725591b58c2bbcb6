package dev.reelwright.local.speech;

/**
 * One FreeTTS token: a written chunk of the text without its surrounding punctuation (such as {@code "1984"} or
 * {@code "Dr"}), and when the words FreeTTS made of it sound, in seconds from the start of the whole audio. A token
 * that made no sound (a lone {@code "..."} or dash) has NaN times.
 */
record SpokenToken(String text, double start, double end) {
    SpokenToken {
        if (text == null) throw new IllegalArgumentException("a token needs text");
        if (Double.isNaN(start) != Double.isNaN(end) || end < start) {
            throw new IllegalArgumentException("bad token timing " + start + ".." + end + " for '" + text + "'");
        }
    }

    static SpokenToken silent(String text) {
        return new SpokenToken(text, Double.NaN, Double.NaN);
    }

    boolean spoken() {
        return !Double.isNaN(start);
    }
}
