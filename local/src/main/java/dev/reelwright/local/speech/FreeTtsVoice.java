package dev.reelwright.local.speech;

import com.sun.speech.freetts.Item;
import com.sun.speech.freetts.OutputQueue;
import com.sun.speech.freetts.Relation;
import com.sun.speech.freetts.Utterance;
import com.sun.speech.freetts.UtteranceProcessor;
import com.sun.speech.freetts.Voice;
import dev.reelwright.core.error.ReelwrightException;
import java.util.ArrayList;
import java.util.List;

/**
 * One allocated FreeTTS voice, wired to render synchronously into a {@link PcmCapture} and to report when every
 * token sounds. Allocation loads the lexicon and the diphone database, so instances are kept and reused. Not
 * thread-safe: FreeTTS voices keep per-call state (rate, audio player, utterance processors), so callers hold a lock.
 *
 * <p>Where the timings come from (FreeTTS 1.2.2 sources, com.sun.speech.freetts): {@code Voice.speak} splits the
 * text into utterances (about one per sentence) and runs each through the voice's utterance processors.
 * {@code en.us.TokenToWords} makes the Token relation's items, named after the written token, with the words it
 * expands to ("1984" gives "nineteen eighty four") as daughters; {@code Segmenter} links each word through the
 * SylStructure relation to its syllables and their segments (phones); {@code cart.Durator} gives each item of the
 * Segment relation the feature "end": seconds from the start of its utterance. A segment starts where the one
 * before it in the Segment relation ends. The audio follows that timeline sample for sample: the
 * {@code DiphonePitchmarkGenerator} places LPC frames at the target times and {@code relp.LPCResult.playWaveSamples}
 * writes exactly the frames' samples; only the utterance's closing pause comes out a little shorter, so times are
 * clamped to the audio the utterance really produced.
 */
final class FreeTtsVoice {
    /** What one call produced: 16-bit little-endian mono PCM, its rate, and every token with its global times. */
    record Rendering(byte[] pcm, int sampleRate, List<SpokenToken> tokens) {
        double seconds() {
            return pcm.length / 2.0 / sampleRate;
        }
    }

    /** A token's times relative to its utterance (NaN when silent), before we know where the utterance landed. */
    private record RawToken(String text, double start, double end) {}

    private record RawUtterance(int firstSample, List<RawToken> tokens) {}

    private final Voice voice;
    private final PcmCapture audio = new PcmCapture();
    private final List<RawUtterance> utterances = new ArrayList<>();
    private RuntimeException captureFailure;

    /** Allocates {@code voice} and speaks a probe sentence, so a voice that cannot speak fails here, not later. */
    FreeTtsVoice(Voice voice) {
        this.voice = voice;
        // Never let FreeTTS pick its default JavaStreamingAudioPlayer: it needs a sound card.
        voice.setAudioPlayer(audio);
        // Voice.allocate() starts a daemon output thread unless an output queue is already set. With a queue of null
        // Voice.processUtterance renders the audio in the calling thread, right after the utterance processors ran;
        // so set a placeholder while allocating (no thread starts), then drop it. Everything stays in our thread
        // and in order: the capture below sees each utterance just before its audio is written.
        voice.setOutputQueue(new OutputQueue());
        voice.allocate();
        voice.setOutputQueue(null);
        // Last in the chain, after Durator and UnitConcatenator, so all timing features are final.
        @SuppressWarnings("unchecked") // FreeTTS 1.2.2 predates generics: a raw List of UtteranceProcessor
        List<UtteranceProcessor> processors = voice.getUtteranceProcessors();
        processors.add(this::capture);
        Rendering probe = render("Ready.", 150);
        if (probe.pcm().length == 0) throw new ReelwrightException("FreeTTS voice " + voice.getName() + " produced no audio");
    }

    /** The voice's native sample rate, as FreeTTS reported it for the probe. */
    int sampleRate() {
        return Math.round(audio.format().getSampleRate());
    }

    /** Speaks {@code text} at {@code wordsPerMinute} (0 < wpm < 1000, FreeTTS ignores anything else). */
    Rendering render(String text, int wordsPerMinute) {
        audio.clear();
        utterances.clear();
        captureFailure = null;
        // Voice.setRate(wpm) sets the duration stretch to (nominal 150 wpm) / wpm, which Durator applies.
        voice.setRate(wordsPerMinute);
        boolean spoken = voice.speak(text);
        if (captureFailure != null) throw new ReelwrightException("cannot read FreeTTS word timings", captureFailure);
        if (!spoken) throw new ReelwrightException("FreeTTS voice " + voice.getName() + " could not speak the text");
        byte[] pcm = audio.littleEndianPcm();
        int rate = sampleRate();
        return new Rendering(pcm, rate, placeTokens(pcm.length / 2, rate));
    }

    /** Turns utterance-relative times into global ones: each utterance starts after the samples before it. */
    private List<SpokenToken> placeTokens(int totalSamples, int rate) {
        List<SpokenToken> placed = new ArrayList<>();
        for (int i = 0; i < utterances.size(); i++) {
            RawUtterance utterance = utterances.get(i);
            int nextStart = i + 1 < utterances.size() ? utterances.get(i + 1).firstSample() : totalSamples;
            double offset = (double) utterance.firstSample() / rate;
            double length = (double) (nextStart - utterance.firstSample()) / rate;
            for (RawToken token : utterance.tokens()) {
                if (Double.isNaN(token.start())) {
                    placed.add(SpokenToken.silent(token.text()));
                } else {
                    double start = offset + Math.min(token.start(), length);
                    double end = offset + Math.min(token.end(), length);
                    placed.add(new SpokenToken(token.text(), start, end));
                }
            }
        }
        return placed;
    }

    /** The utterance processor: reads the token timings of one utterance before its audio is written. */
    private void capture(Utterance utterance) {
        if (captureFailure != null) return;
        try {
            List<RawToken> tokens = new ArrayList<>();
            Relation tokenRelation = utterance.getRelation(Relation.TOKEN);
            for (Item token = tokenRelation == null ? null : tokenRelation.getHead(); token != null; token = token.getNext()) {
                tokens.add(timeToken(token));
            }
            utterances.add(new RawUtterance(audio.sampleCount(), tokens));
        } catch (RuntimeException e) {
            // Voice.processUtterance would only print it to stderr; render() rethrows it instead.
            captureFailure = e;
        }
    }

    /** A token spans from the start of the first segment of its first word to the end of its last word's last. */
    private static RawToken timeToken(Item token) {
        Object name = token.getFeatures().getObject("name");
        double start = Double.NaN;
        double end = Double.NaN;
        for (Item word = token.getDaughter(); word != null; word = word.getNext()) {
            Item structure = word.getItemAs(Relation.SYLLABLE_STRUCTURE);
            if (structure == null) continue; // a word with nothing to say (".", "-") has no syllables
            for (Item syllable = structure.getDaughter(); syllable != null; syllable = syllable.getNext()) {
                for (Item phone = syllable.getDaughter(); phone != null; phone = phone.getNext()) {
                    Item segment = phone.getItemAs(Relation.SEGMENT);
                    double segmentEnd = endOf(segment);
                    if (Double.isNaN(segmentEnd)) continue;
                    Item previous = segment.getPrevious();
                    double segmentStart = previous == null ? 0 : endOf(previous);
                    if (Double.isNaN(segmentStart)) segmentStart = segmentEnd;
                    start = Double.isNaN(start) ? segmentStart : Math.min(start, segmentStart);
                    end = Double.isNaN(end) ? segmentEnd : Math.max(end, segmentEnd);
                }
            }
        }
        return new RawToken(name == null ? "" : name.toString(), start, end);
    }

    private static double endOf(Item segment) {
        if (segment == null) return Double.NaN;
        return segment.getFeatures().getObject("end") instanceof Number end ? end.doubleValue() : Double.NaN;
    }
}
