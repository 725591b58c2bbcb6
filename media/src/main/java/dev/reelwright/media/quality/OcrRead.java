package dev.reelwright.media.quality;

/**
 * What OCR made of one line of text: the text, Tesseract's mean word confidence (0..100), the share of letters that
 * belong to dictionary words (Tesseract's own word list), and how many letters there were.
 */
record OcrRead(String text, double confidence, double dictionaryShare, int letters) {
    static final OcrRead NOTHING = new OcrRead("", 0, 0, 0);

    /** A confident, mostly-dictionary reading: proof the line is real text, and what it should keep saying. */
    boolean clean() {
        return confidence >= 70 && letters >= 3 && dictionaryShare >= 0.5;
    }

    /** Letters and digits only, upper case: what edit distances compare. */
    String normalised() {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) if (Character.isLetterOrDigit(c)) out.append(Character.toUpperCase(c));
        return out.toString();
    }
}
