package dev.reelwright.core.spi;

import java.nio.file.Path;
import java.util.List;

/** Voice samples -> a voice id that the same vendor's speech synthesiser accepts. */
public interface VoiceCloner {
    String id();

    ClonedVoice cloneVoice(String name, List<Path> samples);

    record ClonedVoice(String voiceId, Charge charge) {}
}
