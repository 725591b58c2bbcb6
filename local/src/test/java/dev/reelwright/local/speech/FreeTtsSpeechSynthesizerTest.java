package dev.reelwright.local.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelwright.core.error.InputException;
import dev.reelwright.core.spi.Speech;
import dev.reelwright.core.spi.SpeechRequest;
import dev.reelwright.core.spi.WordTiming;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreeTtsSpeechSynthesizerTest {
    private static final String TEXT =
            "The old lighthouse, built in 1984, still stands on the cliff. Ships pass it every night.";

    private final FreeTtsSpeechSynthesizer synthesizer = new FreeTtsSpeechSynthesizer();

    @TempDir
    Path temp;

    @Test
    void writesAParseableWavAtTheVoicesRateWithTheReportedLength() throws Exception {
        Path folder = folder("plain");
        Speech speech = synthesizer.synthesize(new SpeechRequest(TEXT, "kevin16", 150), folder);

        assertThat(speech.file()).isEqualTo("voice.wav");
        assertThat(speech.sampleRate()).isEqualTo(16000);
        Wav wav = Wav.read(folder.resolve(speech.file()));
        assertThat(wav.format.getSampleRate()).isEqualTo(16000f);
        assertThat(wav.format.getChannels()).isEqualTo(1);
        assertThat(wav.format.getSampleSizeInBits()).isEqualTo(16);
        assertThat(wav.format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(wav.format.isBigEndian()).isFalse();
        assertThat(wav.seconds()).isCloseTo(speech.seconds(), within(1.0 / 16000));
        assertThat(speech.seconds()).isBetween(3.0, 12.0);
    }

    @Test
    void audioIsLoudInsideEveryWordAndQuietInTheSentenceBreak() throws Exception {
        Path folder = folder("loud");
        Speech speech = synthesizer.synthesize(new SpeechRequest(TEXT, "kevin16", 150), folder);
        Wav wav = Wav.read(folder.resolve(speech.file()));

        double overall = wav.rms(0, wav.seconds());
        assertThat(overall).as("overall RMS").isGreaterThan(1000);
        for (WordTiming word : speech.words()) {
            assertThat(wav.rms(word.start(), word.end())).as("RMS inside %s", word).isGreaterThan(overall * 0.4);
        }
        // FreeTTS pauses between sentences: the gap between "cliff." and "Ships" is real silence, which only
        // timings taken from the synthesiser (not estimated from text) line up with.
        WordTiming cliff = word(speech, "cliff.");
        WordTiming ships = word(speech, "Ships");
        assertThat(ships.start() - cliff.end()).as("sentence break").isGreaterThan(0.15);
        assertThat(wav.rms(cliff.end() + 0.02, ships.start() - 0.02)).isLessThan(overall * 0.1);
    }

    @Test
    void timesTheRequestsOwnWordsInOrderWithinTheAudio() {
        Speech speech = synthesizer.synthesize(new SpeechRequest(TEXT, "kevin16", 150), folder("words"));

        assertThat(speech.words()).extracting(WordTiming::word).containsExactly(TEXT.split(" "));
        assertOrderedWithin(speech);
        for (WordTiming word : speech.words()) assertThat(word.end()).as("%s", word).isGreaterThan(word.start());
        // "1984" is one written word, spoken as three ("nineteen eighty four"): much longer than "in".
        assertThat(duration(word(speech, "1984,"))).isGreaterThan(3 * duration(word(speech, "in")));
    }

    @Test
    void keepsOddWordsAndPunctuationAsWritten() {
        String text = "\u201CWell\u2014it\u2019s caf\u00E9 time\u2026\u201D she said \u2014 paying $5 & 50% at 9:30 ... really?";
        Speech speech = synthesizer.synthesize(new SpeechRequest(text, "kevin16", 150), folder("odd"));

        assertThat(speech.words()).extracting(WordTiming::word).containsExactly(text.split("\\s+"));
        assertOrderedWithin(speech);
        assertThat(duration(word(speech, "caf\u00E9"))).as("an accented word is spoken").isGreaterThan(0.15);
    }

    @Test
    void punctuationAloneGivesAShortSilenceWithItsWordsTimedInside() throws Exception {
        Path folder = folder("dots");
        Speech speech = synthesizer.synthesize(new SpeechRequest("... \u2014", "kevin16", 150), folder);

        assertThat(speech.words()).extracting(WordTiming::word).containsExactly("...", "\u2014");
        assertOrderedWithin(speech);
        assertThat(Wav.read(folder.resolve(speech.file())).seconds()).isCloseTo(speech.seconds(), within(1e-6));
    }

    @Test
    void blankTextGivesAShortSilentWavAndNoWords() throws Exception {
        Path folder = folder("blank");
        Speech speech = synthesizer.synthesize(new SpeechRequest("  \n\t ", "kevin16", 150), folder);

        assertThat(speech.words()).isEmpty();
        assertThat(speech.seconds()).isGreaterThan(0).isLessThanOrEqualTo(0.5);
        Wav wav = Wav.read(folder.resolve(speech.file()));
        assertThat(wav.seconds()).isCloseTo(speech.seconds(), within(1e-6));
        assertThat(wav.rms(0, wav.seconds())).isZero();
    }

    @Test
    void slowerSpeechGivesLongerAudio() {
        Speech slow = synthesizer.synthesize(new SpeechRequest(TEXT, "kevin16", 100), folder("slow"));
        Speech fast = synthesizer.synthesize(new SpeechRequest(TEXT, "kevin16", 200), folder("fast"));

        assertThat(slow.seconds()).isGreaterThan(fast.seconds() * 1.5);
        assertThat(duration(word(slow, "lighthouse,"))).isGreaterThan(duration(word(fast, "lighthouse,")) * 1.5);
    }

    @Test
    void theSameRequestGivesTheSameBytesAndTimings() throws Exception {
        SpeechRequest request = new SpeechRequest(TEXT, "kevin16", 150);
        Speech first = synthesizer.synthesize(request, folder("one"));
        synthesizer.synthesize(new SpeechRequest("Something else entirely, to disturb any state.", "kevin16", 220), folder("other"));
        Speech second = new FreeTtsSpeechSynthesizer().synthesize(request, folder("two"));

        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllBytes(temp.resolve("two/voice.wav"))).isEqualTo(Files.readAllBytes(temp.resolve("one/voice.wav")));
    }

    @Test
    void concurrentCallsGiveTheSameResultsAsSequentialOnes() throws Exception {
        List<String> texts = List.of(TEXT, "Ships pass it every night.", "One, two, three.", "The cliff is tall.");
        List<byte[]> sequential = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Path folder = folder("seq" + i);
            synthesizer.synthesize(new SpeechRequest(texts.get(i), "kevin16", 150), folder);
            sequential.add(Files.readAllBytes(folder.resolve("voice.wav")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < texts.size(); i++) {
                    String text = texts.get(i);
                    Path folder = folder("par" + round + "-" + i);
                    futures.add(pool.submit(() -> {
                        synthesizer.synthesize(new SpeechRequest(text, "kevin16", 150), folder);
                        return Files.readAllBytes(folder.resolve("voice.wav"));
                    }));
                }
            }
            for (int k = 0; k < futures.size(); k++) {
                assertThat(futures.get(k).get()).isEqualTo(sequential.get(k % texts.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyListedVoiceSpeaksAtItsOwnRate() throws Exception {
        assertThat(synthesizer.voices()).contains("kevin16");
        for (String voice : synthesizer.voices()) {
            Path folder = folder("voice-" + voice);
            Speech speech = synthesizer.synthesize(new SpeechRequest("Ships pass it every night.", voice, 150), folder);
            Wav wav = Wav.read(folder.resolve(speech.file()));
            assertThat(wav.format.getSampleRate()).as(voice).isEqualTo((float) speech.sampleRate());
            assertThat(wav.rms(0, wav.seconds())).as(voice).isGreaterThan(1000);
            assertThat(speech.words()).hasSize(5);
        }
        assertThat(synthesizer.synthesize(new SpeechRequest("Hello.", "kevin", 150), folder("kevin8k")).sampleRate())
                .isEqualTo(8000);
    }

    @Test
    void anUnknownVoiceIsAnInputErrorNamingTheVoicesThatExist() {
        assertThatThrownBy(() -> synthesizer.synthesize(new SpeechRequest("Hello.", "alan", 150), folder("alan")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("alan")
                .hasMessageContaining("kevin16")
                .hasMessageContaining("kevin");
    }

    @Test
    void hasAStableId() {
        assertThat(synthesizer.id()).isEqualTo("freetts-kevin16-v1").isEqualTo(new FreeTtsSpeechSynthesizer().id());
    }

    private Path folder(String name) {
        try {
            return Files.createDirectories(temp.resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertOrderedWithin(Speech speech) {
        double previousEnd = 0;
        for (WordTiming word : speech.words()) {
            assertThat(word.start()).as("start of %s", word).isGreaterThanOrEqualTo(previousEnd);
            assertThat(word.end()).as("end of %s", word).isGreaterThanOrEqualTo(word.start()).isLessThanOrEqualTo(speech.seconds());
            previousEnd = word.end();
        }
    }

    private static WordTiming word(Speech speech, String written) {
        return speech.words().stream().filter(w -> w.word().equals(written)).findFirst().orElseThrow();
    }

    private static double duration(WordTiming word) {
        return word.end() - word.start();
    }

    /** A WAV file as Java Sound reads it. */
    private record Wav(AudioFormat format, short[] samples) {
        static Wav read(Path file) throws IOException, UnsupportedAudioFileException {
            try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
                AudioFormat format = in.getFormat();
                byte[] bytes = in.readAllBytes();
                short[] samples = new short[bytes.length / 2];
                ByteBuffer.wrap(bytes)
                        .order(format.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                        .asShortBuffer()
                        .get(samples);
                return new Wav(format, samples);
            }
        }

        double seconds() {
            return samples.length / format.getSampleRate();
        }

        double rms(double from, double to) {
            int a = (int) Math.max(0, Math.floor(from * format.getSampleRate()));
            int b = (int) Math.min(samples.length, Math.ceil(to * format.getSampleRate()));
            if (b <= a) return 0;
            double sum = 0;
            for (int i = a; i < b; i++) sum += (double) samples[i] * samples[i];
            return Math.sqrt(sum / (b - a));
        }

    }
}
