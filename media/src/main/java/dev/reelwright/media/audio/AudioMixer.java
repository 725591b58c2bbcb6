package dev.reelwright.media.audio;

import dev.reelwright.core.timeline.Timeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The soundtrack, one video frame's worth at a time (1600 samples per frame at 30 fps): voices placed at their
 * frames, each levelled ({@link VoiceLeveler}) and resampled to 48 kHz ({@link SincResampler}); optional music
 * looped under them at the timeline's volume, ducked a further 6 dB around speech with smooth ramps, faded in and
 * out at the ends; the sum through a {@link SoftLimiter}. A voice is loaded when it starts and dropped when it ends;
 * nothing else is held. Chunks must be asked for in order.
 */
public final class AudioMixer implements AutoCloseable {
    public static final int SAMPLE_RATE = 48_000;
    static final double DUCK_DB = -6.0;
    /** Ducking starts this long before a voice so the music is already down when speech begins. */
    static final double DUCK_LEAD_SECONDS = 0.25;
    static final double DUCK_HOLD_SECONDS = 0.35;
    static final double DUCK_TIME_CONSTANT = 0.12;
    static final double FADE_IN_SECONDS = 1.0;
    static final double FADE_OUT_SECONDS = 2.0;

    private final int fps;
    private final long totalSamples;
    private final List<PlannedVoice> voices;
    private final List<long[]> speech; // merged [start, end) spans where some voice plays
    private final List<ActiveVoice> active = new ArrayList<>();
    private int nextVoice;
    private int speechIndex;
    private final MusicLoop music;
    private final float musicGain;
    private final float duckGain;
    private final float duckCoefficient;
    private float duck = 1f;
    private final long fadeIn;
    private final long fadeOut;
    private float[] musicLeft = new float[0];
    private float[] musicRight = new float[0];
    private float[] voiceMix = new float[0];
    private int nextFrame;

    private record PlannedVoice(Timeline.VoiceClip clip, long start, long length) {}

    private static final class ActiveVoice {
        final PlannedVoice plan;
        final SincResampler resampler;
        final float gain;

        ActiveVoice(PlannedVoice plan) {
            this.plan = plan;
            VoiceAudio audio = VoiceAudio.load(plan.clip().wav());
            this.gain = VoiceLeveler.gain(audio.samples(), audio.sampleRate());
            this.resampler = new SincResampler(audio.samples(), audio.sampleRate(), SAMPLE_RATE);
        }

        long end() {
            return plan.start() + resampler.outputLength();
        }
    }

    public AudioMixer(Timeline timeline) {
        this.fps = timeline.format().fps();
        this.totalSamples = sampleAtFrame(timeline.totalFrames());
        List<PlannedVoice> planned = new ArrayList<>();
        for (Timeline.VoiceClip clip : timeline.voices()) {
            long start = sampleAtFrame(clip.startFrame());
            planned.add(new PlannedVoice(clip, start, VoiceAudio.length(clip.wav(), SAMPLE_RATE)));
        }
        planned.sort(Comparator.comparingLong(PlannedVoice::start));
        this.voices = planned;
        this.speech = mergeSpans(planned);
        this.musicGain = (float) Math.pow(10, timeline.musicVolumeDb() / 20);
        this.duckGain = (float) Math.pow(10, DUCK_DB / 20);
        this.duckCoefficient = (float) (1 - Math.exp(-1 / (DUCK_TIME_CONSTANT * SAMPLE_RATE)));
        this.fadeIn = Math.min((long) (FADE_IN_SECONDS * SAMPLE_RATE), totalSamples / 4);
        this.fadeOut = Math.min((long) (FADE_OUT_SECONDS * SAMPLE_RATE), totalSamples / 4);
        this.music = timeline.music() == null ? null : new MusicLoop(timeline.music(), SAMPLE_RATE);
        if (!speech.isEmpty() && speech.getFirst()[0] - (long) (DUCK_LEAD_SECONDS * SAMPLE_RATE) <= 0) duck = duckGain;
    }

    private static List<long[]> mergeSpans(List<PlannedVoice> planned) {
        List<long[]> spans = new ArrayList<>();
        for (PlannedVoice v : planned) {
            long start = v.start(), end = v.start() + v.length();
            if (!spans.isEmpty() && start <= spans.getLast()[1]) {
                spans.getLast()[1] = Math.max(spans.getLast()[1], end);
            } else {
                spans.add(new long[] {start, end});
            }
        }
        return spans;
    }

    /** The first sample of frame {@code frame}. */
    public long sampleAtFrame(long frame) {
        return frame * SAMPLE_RATE / fps;
    }

    public long totalSamples() {
        return totalSamples;
    }

    /** How many samples belong to frame {@code frame}. */
    public int samplesForFrame(int frame) {
        return (int) (sampleAtFrame(frame + 1L) - sampleAtFrame(frame));
    }

    /** The largest chunk any frame gets. */
    public int maxSamplesPerFrame() {
        return (SAMPLE_RATE + fps - 1) / fps;
    }

    /** Mixes frame {@code frame}'s samples into {@code left}/{@code right}; returns how many. Frames come in order. */
    public int mixFrame(int frame, float[] left, float[] right) {
        if (frame != nextFrame) throw new IllegalStateException("audio is mixed in order: expected frame " + nextFrame + ", got " + frame);
        nextFrame++;
        long from = sampleAtFrame(frame);
        int count = samplesForFrame(frame);
        mix(from, count, left, right);
        return count;
    }

    private void mix(long from, int count, float[] left, float[] right) {
        if (voiceMix.length < count) {
            voiceMix = new float[count];
            musicLeft = new float[count];
            musicRight = new float[count];
        }
        java.util.Arrays.fill(voiceMix, 0, count, 0f);
        long to = from + count;
        while (nextVoice < voices.size() && voices.get(nextVoice).start() < to) {
            active.add(new ActiveVoice(voices.get(nextVoice++)));
        }
        for (int i = active.size() - 1; i >= 0; i--) {
            ActiveVoice v = active.get(i);
            v.resampler.addTo(from - v.plan.start(), voiceMix, 0, count, v.gain);
            if (v.end() <= to) active.remove(i);
        }
        if (music != null) music.read(musicLeft, musicRight, count);
        long lead = (long) (DUCK_LEAD_SECONDS * SAMPLE_RATE), hold = (long) (DUCK_HOLD_SECONDS * SAMPLE_RATE);
        for (int i = 0; i < count; i++) {
            long t = from + i;
            float l = voiceMix[i], r = voiceMix[i];
            if (music != null) {
                while (speechIndex < speech.size() && speech.get(speechIndex)[1] + hold <= t) speechIndex++;
                boolean near = speechIndex < speech.size() && speech.get(speechIndex)[0] - lead <= t;
                duck += ((near ? duckGain : 1f) - duck) * duckCoefficient;
                float g = musicGain * duck * fade(t);
                l += musicLeft[i] * g;
                r += musicRight[i] * g;
            }
            left[i] = SoftLimiter.apply(l);
            right[i] = SoftLimiter.apply(r);
        }
    }

    /** Raised-cosine fade in at the start and out at the end of the video (music only). */
    private float fade(long t) {
        double g = 1;
        if (t < fadeIn) g *= 0.5 - 0.5 * Math.cos(Math.PI * (t + 0.5) / fadeIn);
        long left = totalSamples - t;
        if (left < fadeOut) g *= 0.5 - 0.5 * Math.cos(Math.PI * Math.max(0, left - 0.5) / fadeOut);
        return (float) g;
    }

    @Override
    public void close() {
        active.clear();
        if (music != null) music.close();
    }
}
