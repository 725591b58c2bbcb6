package dev.reelwright.media.quality;

import static org.bytedeco.tesseract.global.tesseract.OEM_LSTM_ONLY;
import static org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_LINE;
import static org.bytedeco.tesseract.global.tesseract.RIL_WORD;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;

/**
 * Tesseract (through the bytedeco preset), set up for one line of text at a time with the English LSTM model that
 * ships on the classpath (tessdata/eng.traineddata from the tess4j jar), copied once to a temporary folder because
 * Tesseract reads models from disk. An engine is not thread-safe, so engines are pooled and lent to one inspection
 * at a time. When the model is not on the classpath OCR is unavailable and text corruption is not scored.
 */
final class OcrEngine implements AutoCloseable {
    private static final String MODEL = "tessdata/eng.traineddata";
    private static final ConcurrentLinkedQueue<OcrEngine> POOL = new ConcurrentLinkedQueue<>();
    private static volatile Path tessdata;
    private static volatile boolean unavailable;

    private final TessBaseAPI api = new TessBaseAPI();

    private OcrEngine(Path data) {
        if (api.Init(data.toString(), "eng", OEM_LSTM_ONLY) != 0) {
            api.close();
            throw new IllegalStateException("Tesseract cannot load the English model from " + data);
        }
        api.SetPageSegMode(PSM_SINGLE_LINE);
        api.SetVariable("user_defined_dpi", "300"); // our crops are scaled to a known text height
        api.SetVariable("debug_file", "/dev/null");
    }

    /** An engine from the pool (or a new one), or null when OCR is unavailable here. */
    static OcrEngine borrow() {
        OcrEngine engine = POOL.poll();
        if (engine != null) return engine;
        Path data = tessdata();
        if (data == null) return null;
        try {
            return new OcrEngine(data);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            unavailable = true;
            return null;
        }
    }

    /** Whether the model is on the classpath, so engines can be made; copies nothing yet. */
    static boolean available() {
        return !unavailable && (tessdata != null || OcrEngine.class.getClassLoader().getResource(MODEL) != null);
    }

    /** Returns the engine to the pool. */
    void release() {
        POOL.offer(this);
    }

    private static Path tessdata() {
        if (unavailable) return null;
        if (tessdata != null) return tessdata;
        synchronized (OcrEngine.class) {
            if (tessdata != null) return tessdata;
            try (InputStream model = OcrEngine.class.getClassLoader().getResourceAsStream(MODEL)) {
                if (model == null) {
                    unavailable = true;
                    return null;
                }
                Path dir = Files.createTempDirectory("reelwright-tessdata");
                Path file = dir.resolve("eng.traineddata");
                Files.copy(model, file, StandardCopyOption.REPLACE_EXISTING);
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                tessdata = dir;
                return dir;
            } catch (IOException e) {
                unavailable = true;
                return null;
            }
        }
    }

    /** Reads one line from an 8-bit grey picture. */
    OcrRead read(byte[] grey, int width, int height) {
        try (BytePointer pixels = new BytePointer(grey)) {
            api.SetImage(pixels, width, height, 1, width);
            if (api.Recognize(null) != 0) return OcrRead.NOTHING;
            StringBuilder text = new StringBuilder();
            double confidence = 0;
            int words = 0, letters = 0, dictionaryLetters = 0;
            try (ResultIterator it = api.GetIterator()) {
                if (it == null) return OcrRead.NOTHING;
                do {
                    BytePointer word = it.GetUTF8Text(RIL_WORD);
                    if (word == null || word.isNull()) continue;
                    String w = word.getString();
                    word.deallocate();
                    // Stray marks: punctuation and lone characters are mostly edges of the sign or the crop.
                    if (w.chars().filter(Character::isLetterOrDigit).count() < 2) continue;
                    if (text.length() > 0) text.append(' ');
                    text.append(w);
                    confidence += it.Confidence(RIL_WORD);
                    words++;
                    int count = (int) w.chars().filter(Character::isLetter).count();
                    if (count >= 2) {
                        letters += count;
                        if (inDictionary(w)) dictionaryLetters += count;
                    }
                } while (it.Next(RIL_WORD));
            }
            api.Clear();
            if (words == 0) return OcrRead.NOTHING;
            return new OcrRead(text.toString(), confidence / words, letters == 0 ? 0 : dictionaryLetters / (double) letters, letters);
        }
    }

    /**
     * Whether Tesseract's word list knows the word, whatever its case: OCR of capitals often mixes in lower-case
     * shapes (sToRE), which is not corruption. Surrounding punctuation is ignored.
     */
    private boolean inDictionary(String word) {
        String letters = word.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
        if (letters.isEmpty()) return false;
        String lower = letters.toLowerCase(java.util.Locale.ROOT);
        String title = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        return api.IsValidWord(lower) != 0 || api.IsValidWord(title) != 0 || api.IsValidWord(letters) != 0;
    }

    @Override
    public void close() {
        api.End();
        api.close();
    }
}
